package org.herd.transport;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.sshd.common.kex.KexProposalOption;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.session.SessionListener;

/**
 * Applies ssh_config's {@code KexAlgorithms} to the key-exchange proposal of each session, with
 * OpenSSH's syntax: a list replaces the defaults, {@code +list} keeps them (MINA cannot add
 * algorithms it lacks), {@code -list} removes (wildcards allowed), {@code ^list} moves to the
 * front. Protocol markers ({@code ext-info-c}, {@code kex-strict-c-v00@openssh.com}) are kept.
 *
 * <p>Why it matters: the post-quantum hybrid {@code sntrup761x25519-sha512} costs far more CPU in
 * Java than in C (measured in docs/transport.md), so herd ranks it after {@code curve25519-sha256}
 * by default; {@code KexAlgorithms ^sntrup761x25519-sha512@openssh.com} asks for it first.
 */
final class KexPreference implements SessionListener {
  private final SessionSettings settings;

  KexPreference(SessionSettings settings) {
    this.settings = settings;
  }

  @Override
  public void sessionNegotiationOptionsCreated(
      Session session, Map<KexProposalOption, String> proposal) {
    String wanted = settings.of(session).kexAlgorithms();
    String current = proposal.get(KexProposalOption.ALGORITHMS);
    if (wanted != null && current != null) {
      proposal.put(KexProposalOption.ALGORITHMS, apply(current, wanted));
    }
  }

  /** The proposal {@code current} after applying a {@code KexAlgorithms} value. */
  static String apply(String current, String wanted) {
    List<String> offered = new ArrayList<>(Arrays.asList(current.split(",")));
    List<String> markers = offered.stream().filter(KexPreference::isMarker).toList();
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
    if (result.isEmpty()) {
      // Nothing MINA supports was asked for: keep its defaults rather than fail every host.
      result.addAll(offered);
    }
    result.addAll(markers);
    return String.join(",", result);
  }

  private static boolean isMarker(String name) {
    return name.startsWith("ext-info-") || name.startsWith("kex-strict-");
  }
}
