package org.herd.engine;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.herd.debian.HerdGuard;
import org.herd.debian.Parsed;
import org.herd.debian.PolicyRcd;
import org.herd.debian.SystemdUnit;
import org.herd.journal.RunId;
import org.herd.transport.CommandResult;
import org.herd.transport.ExecOptions;
import org.herd.transport.RemoteCommand;
import org.herd.transport.Session;
import org.herd.transport.TransportException;

/**
 * herd's service policy on a host during a run: dpkg's maintainer scripts may not start, restart or
 * reload the services herd controls there; each denied request is recorded, and herd performs the
 * restarts itself at the right moment ({@link ServiceRestarts}). A guard that <b>holds</b> its
 * services (installs ahead of a member's turn, {@code install: ahead}) denies their {@code stop}
 * too, so that no maintainer script takes them down outside the member's turn; invoke-rc.d and
 * deb-systemd-invoke report a denied action as done (exit 0), so the scripts go on.
 *
 * <p>Two forms, chosen by {@link #install} from what the host has (see {@link GuardMode}):
 *
 * <ul>
 *   <li><b>script</b>: herd's {@code /usr/sbin/policy-rc.d} (resource {@code policy-rc.d}, POSIX
 *       sh, marked {@code # herd-guard:}). It answers 101 (forbidden) to {@code
 *       start|restart|reload|force-reload|try-restart} of a listed service while the lease runs,
 *       and appends {@code EPOCH TAB SERVICE TAB ACTION} to the spool. For anything else it asks
 *       the policy-rc.d that was there before herd (moved to {@code policy-rc.d.orig} in the guard
 *       directory, put back byte for byte by {@link #remove}), or allows (exit 0).
 *   <li><b>declarative</b>: when {@code /usr/sbin/policy-rc.d} resolves to policy-rcd-declarative's
 *       {@code policy-rc.d-declarative}, herd does not replace it but adds {@code
 *       /etc/service-policy.d/00-herd.pol}. That tool reads {@code *.pol} files in name order,
 *       rules in order, first match wins; a rule is three whitespace-separated fields: a Perl
 *       regular expression for the service, the invoke-rc.d action, and {@code allow}, {@code deny}
 *       or {@code restart-ignore} (service-policy.d(5)). herd writes one {@code deny} line per
 *       service and action, the service anchored as {@code ^NAME(\.service)?$} since
 *       deb-systemd-invoke passes unit names. {@code 00-} sorts before the host's own files, so
 *       herd's denials win and every other request falls through to the host's rules. That tool
 *       keeps no record of what it denied, so in this form the spool stays empty and the restart
 *       step must take its units from the plan.
 * </ul>
 *
 * <p><b>Lease.</b> The guard holds an expiry time (epoch seconds in {@code lease}) that herd renews
 * ({@link #renew}) while the run is alive; once it has passed, the script allows everything, and in
 * the declarative form a transient systemd timer armed by each renewal removes the rules file. A
 * dead herd never blocks restarts for longer than one lease. A second run may take over a guard
 * whose lease expired; a live guard of another run refuses the install.
 *
 * <p>Everything on the host goes through three small sh scripts (resources next to this class),
 * each of them idempotent, so a herd killed half-way simply repeats the call.
 */
public final class ServiceGuard {

  private static final String SCRIPT = HostScripts.load("policy-rc.d");
  private static final String INSTALL = HostScripts.load("guard-install.sh");
  private static final String REMOVE = HostScripts.load("guard-remove.sh");

  private final GuardPaths paths;
  private final Clock clock;

  /**
   * @param paths where the guard lives on hosts
   * @param clock tells {@link #status} whether a lease has expired
   */
  public ServiceGuard(GuardPaths paths, Clock clock) {
    this.paths = Objects.requireNonNull(paths, "paths");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** The guard at its Debian paths. */
  public static ServiceGuard standard(Clock clock) {
    return new ServiceGuard(GuardPaths.standard(), clock);
  }

  /** The guard script as installed as policy-rc.d. */
  public static String script() {
    return SCRIPT;
  }

  /**
   * Installs the guard for {@code services} until {@code leaseUntil}; for the run that already
   * holds the guard, replaces its services and lease.
   *
   * @param services service or unit names ({@code nginx} or {@code nginx.service})
   * @return the form installed
   * @throws EngineException when another run's live guard holds the host, or a file could not be
   *     written
   */
  public GuardMode install(Session session, RunId run, List<String> services, Instant leaseUntil)
      throws EngineException, TransportException, InterruptedException {
    return install(session, run, services, leaseUntil, false);
  }

  /**
   * Installs the guard as {@link #install(Session, RunId, List, Instant)} does; with {@code hold},
   * it denies the services' {@code stop} too.
   */
  public GuardMode install(
      Session session, RunId run, List<String> services, Instant leaseUntil, boolean hold)
      throws EngineException, TransportException, InterruptedException {
    List<String> names = serviceNames(services);
    CommandResult result =
        session.run(
            RemoteCommand.of(
                "/bin/sh",
                "-c",
                INSTALL,
                "herd-guard-install",
                paths.directory(),
                paths.policyRcd(),
                paths.servicePolicyDir(),
                run.value(),
                Long.toString(leaseUntil.getEpochSecond()),
                names.isEmpty() ? "" : String.join("\n", names) + "\n",
                SCRIPT,
                rules(run, names, leaseUntil, hold),
                paths.declarative(),
                hold ? "hold" : ""),
            ExecOptions.defaults().withTimeout(Duration.ofMinutes(2)));
    if (!result.ok()) {
      throw new EngineException(
          session.endpoint().name(), "cannot install the service guard: " + why(result));
    }
    String answer = result.stdoutText().strip();
    return answer.endsWith(" declarative") ? GuardMode.DECLARATIVE : GuardMode.SCRIPT;
  }

  /**
   * Extends the lease of {@code run}'s guard to {@code until}, keeping its services.
   *
   * @throws EngineException when the guard is gone, or another run's live guard holds the host
   */
  public void renew(Session session, RunId run, Instant until)
      throws EngineException, TransportException, InterruptedException {
    CommandResult current =
        session.run(
            RemoteCommand.shell(
                "cat "
                    + RemoteCommand.quote(paths.directory() + "/run")
                    + " && cat "
                    + RemoteCommand.quote(paths.directory() + "/services")),
            ExecOptions.defaults().withTimeout(Duration.ofMinutes(1)));
    List<String> lines = current.stdoutText().lines().toList();
    if (!current.ok() || lines.isEmpty() || !lines.get(0).strip().equals(run.value())) {
      throw new EngineException(
          session.endpoint().name(),
          "cannot renew the service guard of run " + run + ": it is not installed");
    }
    install(session, run, lines.subList(1, lines.size()), until);
  }

  /** The guard's spool on hosts: the requests it denied, one per line ({@link DeniedRequest}). */
  public String spoolPath() {
    return paths.spool();
  }

  /**
   * The requests the guard denied so far, oldest first (empty in the declarative form).
   *
   * @return the spool, parsed; lines it could not read are warnings
   */
  public Parsed<List<DeniedRequest>> deniedRequests(Session session)
      throws TransportException, InterruptedException {
    CommandResult result =
        session.run(
            RemoteCommand.shell("cat " + RemoteCommand.quote(paths.spool()) + " 2>/dev/null || :"),
            ExecOptions.defaults().withTimeout(Duration.ofMinutes(1)));
    return DeniedRequest.parseSpool(result.stdoutText());
  }

  /**
   * Removes the guard: herd's policy-rc.d or rules file, its lease timer and its directory (the
   * spool with it: read it first), and puts back the policy-rc.d that was there before. Idempotent.
   *
   * @return whether there was anything to remove
   * @throws EngineException when a foreign policy-rc.d appeared while the guard was installed
   *     (herd's saved copy is kept; nothing is overwritten)
   */
  public boolean remove(Session session)
      throws EngineException, TransportException, InterruptedException {
    CommandResult result =
        session.run(
            RemoteCommand.of(
                "/bin/sh",
                "-c",
                REMOVE,
                "herd-guard-remove",
                paths.directory(),
                paths.policyRcd(),
                paths.servicePolicyDir()),
            ExecOptions.defaults().withTimeout(Duration.ofMinutes(2)));
    if (!result.ok()) {
      throw new EngineException(
          session.endpoint().name(), "cannot remove the service guard: " + why(result));
    }
    return result.stdoutText().strip().equals("removed");
  }

  /** Whether the host has a guard of herd, and whether its lease still runs. */
  public HerdGuard status(Session session) throws TransportException, InterruptedException {
    String dir = RemoteCommand.quote(paths.directory());
    String rcd = RemoteCommand.quote(paths.policyRcd());
    CommandResult result =
        session.run(
            RemoteCommand.shell(
                "if [ -e "
                    + rcd
                    + " ]; then echo present; readlink -f "
                    + rcd
                    + "; else echo absent; echo; fi; if [ -e "
                    + RemoteCommand.quote(paths.rulesFile())
                    + " ]; then echo yes; else echo no; fi; printf '%s\\n' \"$(cat "
                    + dir
                    + "/lease 2>/dev/null)\" \"$(cat "
                    + dir
                    + "/run 2>/dev/null)\"; head -c 8192 "
                    + rcd
                    + " 2>/dev/null; :"),
            ExecOptions.defaults().withTimeout(Duration.ofMinutes(1)));
    return parseStatus(result.stdoutText(), clock.instant());
  }

  /** Reads the answer of {@link #status}'s command. */
  static HerdGuard parseStatus(String answer, Instant now) {
    String[] lines = answer.split("\n", 6);
    if (lines.length < 5) {
      return HerdGuard.NONE;
    }
    boolean present = lines[0].equals("present");
    String content = lines.length > 5 ? lines[5] : "";
    PolicyRcd rcd =
        PolicyRcd.classify(present, lines[1].isEmpty() ? null : lines[1], present ? content : null);
    return rcd.guard(lines[2].equals("yes"), lines[3], lines[4], now);
  }

  /**
   * The policy-rcd-declarative rules of a guard: a {@code herd-guard} comment naming the run and
   * lease, then one {@code deny} rule per service and action ({@code stop} only when it holds).
   */
  static String rules(RunId run, List<String> services, Instant leaseUntil, boolean hold) {
    StringBuilder out = new StringBuilder();
    out.append("# herd-guard: service guard of herd run ")
        .append(run.value())
        .append(", lease until ")
        .append(leaseUntil.getEpochSecond())
        .append(" (")
        .append(leaseUntil)
        .append(").\n# Written and removed by herd (docs/guard.md); first match wins.\n");
    for (String service : services) {
      for (GuardAction action : GuardAction.values()) {
        if (action.onlyWhenHeld() && !hold) {
          continue;
        }
        out.append('^')
            .append(regexLiteral(service))
            .append("(\\.service)?$ ")
            .append(action.word())
            .append(" deny\n");
      }
    }
    return out.toString();
  }

  /**
   * Checks and normalises service names: {@code foo.service} becomes {@code foo} (the guard script
   * compares names without that suffix), duplicates go.
   */
  static List<String> serviceNames(List<String> services) {
    Set<String> names = new LinkedHashSet<>();
    for (String service : services) {
      String name = service.strip();
      if (name.endsWith(".service")) {
        name = name.substring(0, name.length() - ".service".length());
      }
      if (!SystemdUnit.isName(name)) {
        throw new IllegalArgumentException("not a service name: '" + service + "'");
      }
      names.add(name);
    }
    return new ArrayList<>(names);
  }

  /** {@code s} as a Perl (and RE2) regex matching exactly {@code s}. */
  private static String regexLiteral(String s) {
    StringBuilder out = new StringBuilder();
    for (char c : s.toCharArray()) {
      if (!Character.isLetterOrDigit(c) && c != '_') {
        out.append('\\');
      }
      out.append(c);
    }
    return out.toString();
  }

  private static String why(CommandResult result) {
    String err = result.stderrText().strip();
    return err.isEmpty() ? "exit " + result.exitCode() : err;
  }
}
