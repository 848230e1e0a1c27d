package org.herd.engine;

import java.time.Clock;
import java.time.Duration;
import org.herd.plan.HostPlan;
import org.herd.plan.RebootPolicy;
import org.herd.transport.CommandResult;
import org.herd.transport.ExecOptions;
import org.herd.transport.RemoteCommand;
import org.herd.transport.Session;
import org.herd.transport.TransportException;

/**
 * The reboot step of the apt steps: whether the run's {@link RebootPolicy} reboots this host
 * ({@code if-required}: the plan says so, or the host has {@code /run/reboot-required}), and if so
 * the reboot itself ({@link HostReboot}), on fresh sessions before and after.
 */
final class RebootStep {

  private static final Duration SHORT = Duration.ofMinutes(2);

  private final RebootPolicy policy;
  private final Clock clock;
  private final Sleeper sleeper;
  private final HostSessions sessions;

  RebootStep(RebootPolicy policy, Clock clock, Sleeper sleeper, HostSessions sessions) {
    this.sleeper = sleeper;
    this.policy = policy;
    this.clock = clock;
    this.sessions = sessions;
  }

  StepResult reboot(String host, Session session, HostPlan plan)
      throws TransportException, InterruptedException {
    String why =
        switch (policy) {
          case NEVER -> null;
          case ALWAYS -> "--reboot always";
          case IF_REQUIRED -> rebootNeed(session, plan);
        };
    if (why == null) {
      return new StepResult.Done(
          false,
          policy == RebootPolicy.NEVER
              ? (plan.reboot().required() ? "needs a reboot; not done (--reboot never)" : "")
              : "no reboot needed");
    }
    sessions.forget(host);
    StepResult result =
        new HostReboot(clock, sleeper).reboot(sessions.session(host), () -> sessions.session(host));
    sessions.forget(host);
    return result instanceof StepResult.Done done
        ? new StepResult.Done(true, why + ": " + done.output())
        : result;
  }

  /** Why {@code --reboot if-required} reboots this host, or null when it need not. */
  private static String rebootNeed(Session session, HostPlan plan)
      throws TransportException, InterruptedException {
    if (plan.reboot().required()) {
      return "the plan needs it (" + String.join(", ", plan.reboot().reasons()) + ")";
    }
    CommandResult flag =
        session.run(
            RemoteCommand.of("test", "-e", "/run/reboot-required"),
            ExecOptions.defaults().withTimeout(SHORT));
    return flag.ok() ? "/run/reboot-required" : null;
  }
}
