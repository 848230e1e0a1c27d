package org.herd.transport;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.sshd.common.kex.KexProposalOption;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.session.SessionListener;

/**
 * Applies ssh_config's {@code KexAlgorithms}, {@code Ciphers}, {@code MACs} and {@code
 * HostKeyAlgorithms} to the key-exchange proposal of each session, with OpenSSH's syntax: a list
 * replaces the defaults, {@code +list} adds to them, {@code -list} removes (wildcards allowed),
 * {@code ^list} moves to the front. Protocol markers ({@code ext-info-c}, {@code
 * kex-strict-c-v00@openssh.com}) are kept. An algorithm MINA lacks cannot be honoured: {@link
 * #unsupported} names it before connecting (also for {@code PubkeyAcceptedAlgorithms +list}, the
 * one form of that option the transport accepts: MINA already signs with what it has).
 *
 * <p>Why it matters: the post-quantum hybrid {@code sntrup761x25519-sha512} costs far more CPU in
 * Java than in C (measured in docs/transport.md), so herd ranks it after {@code curve25519-sha256}
 * by default; {@code KexAlgorithms ^sntrup761x25519-sha512@openssh.com} asks for it first.
 */
final class AlgorithmPreferences implements SessionListener {
  private final SessionSettings settings;

  AlgorithmPreferences(SessionSettings settings) {
    this.settings = settings;
  }

  /**
   * The algorithms MINA offers, per kind, for {@link #unsupported}; {@code signatures} serve both
   * host keys and the client's own keys.
   */
  record Available(
      List<String> kex, List<String> ciphers, List<String> macs, List<String> signatures) {}

  @Override
  public void sessionNegotiationOptionsCreated(
      Session session, Map<KexProposalOption, String> proposal) {
    HostSettings.Algorithms wanted = settings.of(session).algorithms();
    apply(proposal, KexProposalOption.ALGORITHMS, wanted.kex());
    apply(proposal, KexProposalOption.C2SENC, wanted.ciphers());
    apply(proposal, KexProposalOption.S2CENC, wanted.ciphers());
    apply(proposal, KexProposalOption.C2SMAC, wanted.macs());
    apply(proposal, KexProposalOption.S2CMAC, wanted.macs());
    apply(proposal, KexProposalOption.SERVERKEYS, wanted.hostKeys());
  }

  private static void apply(
      Map<KexProposalOption, String> proposal, KexProposalOption option, String wanted) {
    String current = proposal.get(option);
    if (wanted != null && current != null) {
      proposal.put(option, apply(current, wanted));
    }
  }

  /** Why {@code wanted} cannot be honoured (an algorithm it asks for that MINA lacks), or empty. */
  static Optional<String> unsupported(HostSettings.Algorithms wanted, Available available) {
    return unsupported("KexAlgorithms", wanted.kex(), available.kex())
        .or(() -> unsupported("Ciphers", wanted.ciphers(), available.ciphers()))
        .or(() -> unsupported("MACs", wanted.macs(), available.macs()))
        .or(() -> unsupported("HostKeyAlgorithms", wanted.hostKeys(), available.signatures()))
        .or(
            () ->
                unsupported(
                    "PubkeyAcceptedAlgorithms", wanted.publicKeys(), available.signatures()));
  }

  private static Optional<String> unsupported(String option, String wanted, List<String> known) {
    if (wanted == null || wanted.startsWith("-")) {
      return Optional.empty();
    }
    String list = wanted.startsWith("+") || wanted.startsWith("^") ? wanted.substring(1) : wanted;
    return Arrays.stream(list.split(","))
        .filter(name -> !name.contains("*") && !name.contains("?") && !known.contains(name))
        .findFirst()
        .map(
            name ->
                option
                    + " "
                    + name
                    + " is not supported by the ssh transport; use --transport openssh");
  }

  /** The proposal {@code current} after applying an OpenSSH algorithm list. */
  static String apply(String current, String wanted) {
    List<String> offered = new ArrayList<>(Arrays.asList(current.split(",")));
    List<String> markers = offered.stream().filter(AlgorithmPreferences::isMarker).toList();
    offered.removeAll(markers);
    char mode = wanted.charAt(0);
    List<String> names =
        Arrays.asList(
            (mode == '+' || mode == '-' || mode == '^' ? wanted.substring(1) : wanted).split(","));
    List<String> result = new ArrayList<>();
    switch (mode) {
      case '+' -> result.addAll(offered);
      case '-' ->
          offered.stream()
              .filter(
                  name -> names.stream().noneMatch(pattern -> HostPattern.matches(pattern, name)))
              .forEach(result::add);
      case '^' -> {
        names.stream().filter(offered::contains).forEach(result::add);
        offered.stream().filter(name -> !result.contains(name)).forEach(result::add);
      }
      default -> names.stream().filter(offered::contains).forEach(result::add);
    }
    result.addAll(markers);
    return String.join(",", result);
  }

  private static boolean isMarker(String name) {
    return name.startsWith("ext-info-") || name.startsWith("kex-strict-");
  }
}
