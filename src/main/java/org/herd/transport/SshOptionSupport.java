package org.herd.transport;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * What the {@code ssh} transport does with each OpenSSH client option (ssh_config(5), and {@code
 * ssh -o}): it honours it, it ignores it because it has no effect on a non-interactive exec session
 * (logging, forwarding, multiplexing, the terminal), or it refuses it because ignoring it would
 * change where, how or as whom herd connects, or what it trusts. Some options are refused only for
 * the values herd cannot honour ({@code ForwardAgent yes}, not {@code no}). An option this table
 * does not know is refused too, unless {@code IgnoreUnknown} lists it, as OpenSSH refuses it.
 *
 * <p>The table is documented in docs/transport.md; keep the two the same.
 */
final class SshOptionSupport {

  /** What the ssh transport does with an option. */
  enum Support {
    /** Read and applied. */
    HONOURED,
    /** Without effect on a non-interactive exec session; noted at debug level. */
    IGNORED,
    /** Refused (for every value, or for the values its rule does not accept). */
    REFUSED
  }

  /**
   * One option's rule.
   *
   * @param name the keyword as ssh_config(5) spells it
   * @param support what the transport does with it
   * @param accepted for a refused option, the values that are harmless after all (such as {@code
   *     no}); never true for options refused outright
   * @param byValue whether it is refused for some values only
   */
  record Rule(String name, Support support, Predicate<String> accepted, boolean byValue) {}

  /** The rules by lower-case keyword. */
  private static final Map<String, Rule> RULES = rules();

  private static Map<String, Rule> rules() {
    Map<String, Rule> rules = new HashMap<>();
    Table table = new Table(rules);
    table.honoured(
        "HostName",
        "User",
        "Port",
        "IdentityFile",
        "IdentitiesOnly",
        "IdentityAgent",
        "ProxyJump",
        "ProxyCommand",
        "ConnectTimeout",
        "ServerAliveInterval",
        "ServerAliveCountMax",
        "UserKnownHostsFile",
        "GlobalKnownHostsFile",
        "StrictHostKeyChecking",
        "HashKnownHosts",
        "HostKeyAlias",
        "KexAlgorithms",
        "Ciphers",
        "MACs",
        "HostKeyAlgorithms",
        "IgnoreUnknown");
    // herd asks nothing but key passphrases, and authenticates with keys only.
    table.ignored(
        "BatchMode",
        "PasswordAuthentication",
        "KbdInteractiveAuthentication",
        "KbdInteractiveDevices",
        "ChallengeResponseAuthentication",
        "NumberOfPasswordPrompts");
    // Logging, display, the terminal, multiplexing, forwarding and keep-alive details.
    table.ignored(
        "LogLevel",
        "LogVerbose",
        "SyslogFacility",
        "VisualHostKey",
        "FingerprintHash",
        "Compression",
        "ControlMaster",
        "ControlPath",
        "ControlPersist",
        "ForwardX11",
        "ForwardX11Timeout",
        "ForwardX11Trusted",
        "XAuthLocation",
        "LocalForward",
        "RemoteForward",
        "DynamicForward",
        "GatewayPorts",
        "ClearAllForwardings",
        "ExitOnForwardFailure",
        "PermitRemoteOpen",
        "StreamLocalBindMask",
        "StreamLocalBindUnlink",
        "Tunnel",
        "TunnelDevice",
        "EscapeChar",
        "EnableEscapeCommandline",
        "ForkAfterAuthentication",
        "StdinNull",
        "ObscureKeystrokeTiming",
        "ChannelTimeout",
        "IPQoS",
        "RekeyLimit",
        "TCPKeepAlive",
        "ConnectionAttempts",
        "UpdateHostKeys",
        "AddKeysToAgent",
        "UseKeychain",
        "LocalCommand",
        "Tag",
        "CASignatureAlgorithms",
        "HostbasedAcceptedAlgorithms",
        "HostbasedKeyTypes",
        "EnableSSHKeysign",
        "CanonicalDomains",
        "CanonicalizeFallbackLocal",
        "CanonicalizeMaxDots",
        "CanonicalizePermittedCNAMEs",
        "WarnWeakCrypto",
        // Deprecated: OpenSSH itself ignores them.
        "Protocol",
        "Cipher",
        "UseRoaming",
        "RSAAuthentication",
        "RhostsRSAAuthentication",
        "CompressionLevel",
        "UsePrivilegedPort");
    table.refused(
        "CertificateFile",
        "KnownHostsCommand",
        "RevokedHostKeys",
        "RequiredRSASize",
        "SendEnv",
        "SetEnv",
        "BindAddress",
        "BindInterface",
        "SecurityKeyProvider",
        "GSSAPIClientIdentity",
        "GSSAPIServerIdentity",
        "GSSAPIKexAlgorithms");
    table.refusedUnless("AddressFamily", "any");
    table.refusedUnless("CanonicalizeHostname", "no");
    table.refusedUnless("CheckHostIP", "no");
    table.refusedUnless("ForwardAgent", "no");
    table.refusedUnless("GSSAPIAuthentication", "no");
    table.refusedUnless("GSSAPIDelegateCredentials", "no");
    table.refusedUnless("GSSAPIKeyExchange", "no");
    table.refusedUnless("GSSAPIRenewalForcesRekey", "no");
    table.refusedUnless("GSSAPITrustDns", "no");
    table.refusedUnless("HostbasedAuthentication", "no");
    table.refusedUnless("NoHostAuthenticationForLocalhost", "no");
    table.refusedUnless("PermitLocalCommand", "no");
    table.refusedUnless("PKCS11Provider", "none");
    table.refusedUnless("ProxyUseFdpass", "no");
    table.refusedUnless("PubkeyAuthentication", "yes", "unbound", "host-bound");
    table.refusedUnless("RefuseConnection", "no");
    table.refusedUnless("RemoteCommand", "none");
    table.refusedUnless("RequestTTY", "no", "auto", "yes");
    table.refusedUnless("SessionType", "default");
    table.refusedUnless("VerifyHostKeyDNS", "no");
    // MINA's signature algorithms can be checked, not changed: only adding to them is honoured.
    for (String name : List.of("PubkeyAcceptedAlgorithms", "PubkeyAcceptedKeyTypes")) {
      table.put(new Rule(name, Support.REFUSED, v -> v.startsWith("+"), true));
    }
    // herd authenticates with public keys only: a list without them would not be honoured.
    table.put(
        new Rule(
            "PreferredAuthentications",
            Support.REFUSED,
            v -> Arrays.asList(v.toLowerCase(Locale.ROOT).split(",")).contains("publickey"),
            true));
    return Map.copyOf(rules);
  }

  /** Fills the table of rules. */
  private record Table(Map<String, Rule> rules) {
    void honoured(String... names) {
      Arrays.stream(names).forEach(n -> put(new Rule(n, Support.HONOURED, v -> true, false)));
    }

    void ignored(String... names) {
      Arrays.stream(names).forEach(n -> put(new Rule(n, Support.IGNORED, v -> true, false)));
    }

    void refused(String... names) {
      Arrays.stream(names).forEach(n -> put(new Rule(n, Support.REFUSED, v -> false, false)));
    }

    /** Refused unless its value is one of {@code harmless} (case-insensitive). */
    void refusedUnless(String name, String... harmless) {
      List<String> values = List.of(harmless);
      put(new Rule(name, Support.REFUSED, v -> values.contains(v.toLowerCase(Locale.ROOT)), true));
    }

    void put(Rule rule) {
      rules.put(rule.name().toLowerCase(Locale.ROOT), rule);
    }
  }

  private SshOptionSupport() {}

  /** The rule of {@code keyword} (any case), or empty when the table does not know it. */
  static Optional<Rule> rule(String keyword) {
    return Optional.ofNullable(RULES.get(keyword.toLowerCase(Locale.ROOT)));
  }

  /**
   * Why the ssh transport cannot honour {@code keyword value}, or empty when it can (or ignores
   * it); {@code ignoreUnknown} is the {@code IgnoreUnknown} pattern list in force, or null.
   */
  static Optional<String> refusal(String keyword, String value, String ignoreUnknown) {
    Optional<Rule> rule = rule(keyword);
    if (rule.isEmpty()) {
      if (ignoreUnknown != null
          && HostPattern.matchesList(List.of(ignoreUnknown.split(",")), keyword)) {
        return Optional.empty();
      }
      return Optional.of(
          "option " + keyword + " is not known to the ssh transport; use --transport openssh");
    }
    Rule known = rule.get();
    if (known.support() != Support.REFUSED || known.accepted().test(value.strip())) {
      return Optional.empty();
    }
    String shown = known.byValue() ? known.name() + " " + value.strip() : known.name();
    return Optional.of(
        "option " + shown + " is not supported by the ssh transport; use --transport openssh");
  }
}
