package org.herd.engine;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.herd.debian.AptOutcome;
import org.herd.debian.PackageName;
import org.herd.journal.RunId;
import org.herd.plan.HostPlan;
import org.herd.plan.PlannedInstall;
import org.herd.transport.CommandResult;
import org.herd.transport.ExecOptions;
import org.herd.transport.RemoteCommand;
import org.herd.transport.Session;
import org.herd.transport.TransportException;

/**
 * The steps that put packages on a host: {@code download} ({@code apt-get --download-only}, nothing
 * disrupted) and {@code install}, which runs {@code install.sh} around {@code apt-get install}
 * detached on the host ({@link DetachedCommand}), follows its log live, and re-attaches for up to
 * {@link AptStepActions#RECONNECT_WINDOW} when the connection drops while dpkg goes on. A later
 * attempt first looks for the earlier one, which may still run on the host, and follows that one.
 */
final class InstallSteps {

  private static final Duration LONG = Duration.ofMinutes(60);
  private static final String INSTALL = HostScripts.load("install.sh");
  private static final int TAIL_BYTES = 16 * 1024;
  private static final Duration RETRY_PAUSE = Duration.ofSeconds(5);

  /**
   * Runs its arguments (apt-get --download-only) after linking into apt's archives the candidate
   * .debs that {@code herd plan} fetched to read their conffiles (facts' selection probe), so they
   * are not fetched twice; apt checks each against its index and fetches again a file that does not
   * match.
   */
  private static final String REUSE_PLAN_DEBS =
      "for f in /var/cache/herd/plan-debs/*.deb; do"
          + " [ -f \"$f\" ] || continue;"
          + " t=/var/cache/apt/archives/${f##*/};"
          + " [ -e \"$t\" ] || ln \"$f\" \"$t\" 2>/dev/null || cp \"$f\" \"$t\" 2>/dev/null;"
          + " done; exec \"$@\"";

  /**
   * A preinstall is background work: it runs at a lower CPU and I/O priority than the services the
   * host is serving with (and than the members in their turn). The step runs in a session of its
   * own (systemd-run or setsid), and Linux's autogroups (on by default in Debian's kernels) weigh
   * sessions against each other before nice values count: so the session's own autogroup is given
   * nice 10 too ({@code /proc/self/autogroup}, sched(7)), where the kernel has one.
   */
  static final List<String> BACKGROUND =
      List.of(
          "/bin/sh",
          "-c",
          "echo 10 > /proc/self/autogroup 2>/dev/null; exec \"$@\"",
          "herd-background",
          "nice",
          "-n",
          "10",
          "ionice",
          "-c",
          "2",
          "-n",
          "7");

  private final RunId run;
  private final AptSettings apt;
  private final Clock clock;
  private final Sleeper sleeper;
  private final HostSessions sessions;
  private final DetachedCommand detached = DetachedCommand.standard();

  InstallSteps(RunId run, AptSettings apt, Clock clock, Sleeper sleeper, HostSessions sessions) {
    this.sleeper = sleeper;
    this.run = run;
    this.apt = apt;
    this.clock = clock;
    this.sessions = sessions;
  }

  StepResult download(Session session, HostPlan plan)
      throws TransportException, InterruptedException {
    if (plan.installs().isEmpty()) {
      return new StepResult.Skipped("nothing to download");
    }
    List<String> argv = new ArrayList<>(List.of("/bin/sh", "-c", REUSE_PLAN_DEBS, "herd-download"));
    argv.addAll(apt.aptGet(plan, "--download-only"));
    CommandResult result =
        session.run(RemoteCommand.of(argv), ExecOptions.defaults().withTimeout(LONG));
    String output = result.stdoutText() + result.stderrText();
    if (!result.ok()) {
      return new StepResult.Failed(
          aptFailure("apt-get --download-only", result.exitCode(), output), output);
    }
    return new StepResult.Done(AptOutcome.downloadFetched(output), output);
  }

  StepResult install(Session session, HostPlan plan, int number)
      throws EngineException, TransportException, InterruptedException {
    if (plan.isEmpty()) {
      return new StepResult.Skipped("nothing to install");
    }
    return detachedInstall(
        session, plan, "install", number, plan.installs(), apt.aptGet(plan, null));
  }

  /**
   * Whether the host has nothing left to install of its plan (its preinstall installed it all), by
   * apt's own reckoning: a simulation of the plan's install that would change nothing.
   */
  boolean nothingLeft(Session session, HostPlan plan)
      throws TransportException, InterruptedException {
    CommandResult result = simulate(session, apt.aptGet(plan, "-s"));
    return result.ok()
        && result
            .stdoutText()
            .lines()
            .noneMatch(l -> l.startsWith("Inst ") || l.startsWith("Remv "));
  }

  /**
   * Installs the plan's packages but those that wait for the member's turn ({@code inTurn}), which
   * apt must leave at their installed versions: ahead of the turn, services held. Skipped, leaving
   * everything to the turn, when apt cannot install the rest without them.
   */
  StepResult preinstall(Session session, HostPlan plan, int number, Predicate<PackageName> inTurn)
      throws EngineException, TransportException, InterruptedException {
    List<PlannedInstall> ahead = new ArrayList<>();
    List<String> pins = new ArrayList<>();
    List<String> waiting = new ArrayList<>();
    for (PlannedInstall install : plan.installs()) {
      if (inTurn.test(install.pkg())) {
        waiting.add(install.pkg().toString());
        if (install.installed() != null) {
          pins.add(install.pkg() + "=" + install.installed());
        }
      } else {
        ahead.add(install);
        pins.add(install.pin());
      }
    }
    if (ahead.isEmpty()) {
      return new StepResult.Skipped(
          "nothing to install ahead: every package waits for the turn ("
              + String.join(" ", waiting)
              + ")");
    }
    CommandResult check = simulate(session, apt.aptGet(plan, "-s", pins));
    if (!check.ok()) {
      return new StepResult.Skipped(
          "installs in its turn: apt cannot install the rest without "
              + String.join(" ", waiting)
              + " ("
              + aptFailure("apt-get -s", check.exitCode(), check.stdoutText() + check.stderrText())
              + ")");
    }
    List<String> background = new ArrayList<>(BACKGROUND);
    background.addAll(apt.aptGet(plan, null, pins));
    return detachedInstall(session, plan, "preinstall", number, ahead, background);
  }

  /** Runs an {@code apt-get -s} command without taking the dpkg lock (it changes nothing). */
  private static CommandResult simulate(Session session, List<String> aptGetSimulation)
      throws TransportException, InterruptedException {
    List<String> argv = new ArrayList<>(aptGetSimulation);
    argv.addAll(1, List.of("-o", "Debug::NoLocking=1"));
    return session.run(RemoteCommand.of(argv), ExecOptions.defaults().withTimeout(LONG));
  }

  /** Runs {@code aptGet} detached as step {@code name}, followed to its end. */
  private StepResult detachedInstall(
      Session session,
      HostPlan plan,
      String name,
      int number,
      List<PlannedInstall> installs,
      List<String> aptGet)
      throws EngineException, TransportException, InterruptedException {
    String host = plan.host();
    DetachedHandle handle = null;
    if (number > 1) {
      // An earlier attempt may still be running on the host (herd lost it): follow that one.
      DetachedHandle earlier = handle(name, number - 1);
      if (detached.attach(session, earlier) instanceof DetachedState.Running) {
        handle = detached.start(session, spec(name, installs, aptGet, number - 1));
      }
    }
    if (handle == null) {
      handle = detached.start(session, spec(name, installs, aptGet, number));
    }
    LogTail tail = new LogTail(TAIL_BYTES);
    DetachedState state;
    try {
      state = followAcrossDrops(host, handle, tail);
    } catch (TransportException e) {
      return new StepResult.Unreachable(
          "lost during install, which goes on on the host ('herd resume' re-attaches): "
              + e.getMessage());
    }
    String output = tail.text();
    if (state instanceof DetachedState.Finished finished) {
      return finished.ok()
          ? new StepResult.Done(AptOutcome.installChanged(output), output)
          : new StepResult.Failed(
              aptFailure("apt-get install", finished.exitStatus(), output), output);
    }
    return new StepResult.Failed(
        "the install stopped without an exit status (killed, or the host rebooted): check 'dpkg --audit'",
        output);
  }

  private DetachedState followAcrossDrops(String host, DetachedHandle handle, LogTail tail)
      throws EngineException, TransportException, InterruptedException {
    Instant giveUp = clock.instant().plus(AptStepActions.RECONNECT_WINDOW);
    while (true) {
      try {
        return detached.follow(sessions.session(host), handle, tail.offset(), tail);
      } catch (TransportException e) {
        sessions.forget(host);
        if (clock.instant().isAfter(giveUp)) {
          throw e;
        }
        sleeper.sleep(RETRY_PAUSE);
      }
    }
  }

  private DetachedSpec spec(
      String name, List<PlannedInstall> installs, List<String> aptGet, int number) {
    List<String> upgraded = new ArrayList<>();
    List<String> fresh = new ArrayList<>();
    for (PlannedInstall install : installs) {
      (install.action() == PlannedInstall.Action.NEW ? fresh : upgraded)
          .add(install.pkg().toString());
    }
    List<String> argv =
        new ArrayList<>(
            List.of(
                "/bin/sh",
                "-c",
                INSTALL,
                "herd-install",
                String.join(" ", upgraded),
                String.join(" ", fresh)));
    argv.addAll(aptGet);
    return new DetachedSpec(run, name + "-" + number, argv, apt.environment());
  }

  private DetachedHandle handle(String name, int number) {
    return new DetachedHandle(
        run.value(),
        name + "-" + number,
        DetachedMode.SETSID,
        null,
        0,
        detached.directory(run.value()),
        false);
  }

  /** One line about an apt failure: apt's own error line when there is one. */
  static String aptFailure(String what, int status, String output) {
    String reason = what + " exited with status " + status;
    for (String line : output.split("\n")) {
      String text = line.strip();
      if (text.startsWith("E: ") || text.contains("Could not get lock")) {
        return reason + ": " + text;
      }
    }
    return reason;
  }
}
