package org.herd.engine;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.herd.debian.InstalledPackage;
import org.herd.journal.Journal;
import org.herd.journal.RunId;
import org.herd.journal.VersionPhase;
import org.herd.plan.Drift;
import org.herd.plan.DriftCheck;
import org.herd.plan.HostPlan;
import org.herd.plan.PlannedInstall;
import org.herd.plan.PlannedRemoval;
import org.herd.plan.RebootPolicy;
import org.herd.transport.CommandResult;
import org.herd.transport.Endpoint;
import org.herd.transport.ExecOptions;
import org.herd.transport.RemoteCommand;
import org.herd.transport.Session;
import org.herd.transport.Transport;
import org.herd.transport.TransportException;

/**
 * The steps of a plain apt upgrade, done on real hosts over the transport: what each {@link
 * UpgradeStep} means for a host plan. docs/upgrading.md tells the operator the same.
 *
 * <ul>
 *   <li>download: {@code apt-get --download-only install PKG=VERSION...}, nothing disrupted;
 *   <li>precheck: {@code dpkg --audit} clean, no dpkg/apt lock held, 100 MiB free, and the host
 *       still has the installed state the plan was made from (else it is refused as drifted); the
 *       versions before are journaled;
 *   <li>drain, undrain: the host's hooks, if any;
 *   <li>guard, unguard: herd's {@link ServiceGuard} for the services of the planned packages, its
 *       lease renewed while the run lives; unguard reports denied restarts never performed;
 *   <li>install: {@code apt-get install PKG=VERSION... PKG-...} detached ({@link DetachedCommand})
 *       with {@code DEBIAN_FRONTEND=noninteractive}, confdef/confold, a bounded lock wait, and the
 *       packages' automatic marks kept; followed live, re-attached after a lost connection;
 *   <li>restart: the restarts dpkg was denied, herd's way ({@link ServiceRestarts});
 *   <li>health: those units are active and no planned unit has failed;
 *   <li>verify: every planned package at its planned version and healthy, removals gone, dpkg audit
 *       clean; the versions after are journaled.
 * </ul>
 *
 * <p>A lost connection makes a step {@link StepResult.Unreachable}, except during install, which
 * herd keeps following for {@link #RECONNECT_WINDOW} while the host's dpkg goes on.
 */
public final class AptStepActions implements StepActions, AutoCloseable {

  /** How long herd keeps trying to re-attach to an install whose connection dropped. */
  public static final Duration RECONNECT_WINDOW = Duration.ofMinutes(10);

  /** How long the guard's lease lasts without renewal; renewed every third of it. */
  public static final Duration GUARD_LEASE = Duration.ofMinutes(15);

  private static final Duration SHORT = Duration.ofMinutes(2);
  private static final Duration LONG = Duration.ofMinutes(60);
  private static final String PRECHECK = HostScripts.load("precheck.sh");
  private static final String INSTALL = HostScripts.load("install.sh");
  private static final int TAIL_BYTES = 16 * 1024;

  private final RunId run;
  private final Map<String, HostPlan> plans;
  private final Map<String, Endpoint> endpoints;
  private final Map<String, DrainHooks> hooks;
  private final Map<String, RestartRules> restartRules;
  private final Transport transport;
  private final Journal journal;
  private final Clock clock;
  private final AptSettings apt;
  private final RebootPolicy reboot;
  private final ServiceGuard guard;
  private final DetachedCommand detached;
  private final ServiceRestarts restarts = new ServiceRestarts(Duration.ofMinutes(5));
  private final Map<String, Session> sessions = new ConcurrentHashMap<>();
  private final Set<String> guarded = ConcurrentHashMap.newKeySet();
  private final ScheduledExecutorService renewer;

  /** The apt steps of {@code run}, rebooting hosts as {@code reboot} says. */
  public AptStepActions(
      RunId run,
      Map<String, HostPlan> plans,
      Map<String, Endpoint> endpoints,
      Map<String, DrainHooks> hooks,
      Map<String, RestartRules> restartRules,
      Transport transport,
      Journal journal,
      Clock clock,
      AptSettings apt,
      RebootPolicy reboot) {
    this.reboot = reboot;
    this.run = run;
    this.plans = Map.copyOf(plans);
    this.endpoints = Map.copyOf(endpoints);
    this.hooks = Map.copyOf(hooks);
    this.restartRules = Map.copyOf(restartRules);
    this.transport = transport;
    this.journal = journal;
    this.clock = clock;
    this.apt = apt;
    this.guard = ServiceGuard.standard(clock);
    this.detached = DetachedCommand.standard();
    this.renewer =
        Executors.newSingleThreadScheduledExecutor(
            task -> {
              Thread thread = new Thread(task, "herd-guard-lease");
              thread.setDaemon(true);
              return thread;
            });
    long period = GUARD_LEASE.toMillis() / 3;
    renewer.scheduleAtFixedRate(this::renewGuards, period, period, TimeUnit.MILLISECONDS);
  }

  @Override
  public StepResult run(String host, UpgradeStep step, Attempt attempt, int number) {
    HostPlan plan = plans.get(host);
    if (plan == null) {
      throw new IllegalArgumentException("no plan for host " + host);
    }
    try {
      Session session = session(host);
      return switch (step) {
        case DOWNLOAD -> download(session, plan);
        case PRECHECK -> precheck(session, plan);
        case DRAIN -> hook(session, hooks.getOrDefault(host, DrainHooks.NONE).drain(), "drain");
        case GUARD -> guard(session, plan);
        case INSTALL -> install(session, plan, number);
        case RESTART -> restart(session, plan);
        case REBOOT -> reboot(host, session, plan);
        case HEALTH -> health(session, plan);
        case UNDRAIN ->
            hook(session, hooks.getOrDefault(host, DrainHooks.NONE).undrain(), "undrain");
        case UNGUARD -> unguard(session);
        case VERIFY -> verify(session, plan);
      };
    } catch (TransportException e) {
      forget(host);
      return new StepResult.Unreachable(e.getMessage());
    } catch (EngineException e) {
      return new StepResult.Failed(e.getMessage(), "");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new StepResult.Failed("interrupted", "");
    }
  }

  // ---- steps ----

  private StepResult download(Session session, HostPlan plan)
      throws TransportException, InterruptedException {
    if (plan.installs().isEmpty()) {
      return new StepResult.Skipped("nothing to download");
    }
    List<String> argv = apt.aptGet(plan, "--download-only");
    CommandResult result =
        session.run(RemoteCommand.of(argv), ExecOptions.defaults().withTimeout(LONG));
    String output = result.stdoutText() + result.stderrText();
    if (!result.ok()) {
      return new StepResult.Failed(
          aptFailure("apt-get --download-only", result.exitCode(), output), output);
    }
    return new StepResult.Done(true, output);
  }

  private StepResult precheck(Session session, HostPlan plan)
      throws TransportException, InterruptedException {
    List<String> argv = new ArrayList<>(List.of("/bin/sh", "-c", PRECHECK, "herd-precheck"));
    argv.addAll(planPackageNames(plan));
    CommandResult result =
        session.run(RemoteCommand.of(argv), ExecOptions.defaults().withTimeout(SHORT));
    PrecheckReport report = PrecheckReport.parse(result.stdoutText());
    List<String> problems = new ArrayList<>(report.problems());
    if (DriftCheck.check(plan, report.installed()) instanceof Drift.Drifted drifted) {
      problems.add(
          "the host changed since the plan was made: " + String.join("; ", drifted.reasons()));
    }
    journal.recordVersions(
        run, plan.host(), VersionPhase.BEFORE, versions(report.packages(), plan));
    if (!problems.isEmpty()) {
      return new StepResult.Failed(problems.get(0), String.join("\n", problems));
    }
    return new StepResult.Done(false, "dpkg healthy, no lock held, enough space, state as planned");
  }

  private StepResult hook(Session session, java.util.Optional<String> command, String name)
      throws TransportException, InterruptedException {
    if (command.isEmpty()) {
      return new StepResult.Skipped("no " + name + " hook");
    }
    CommandResult result =
        session.run(
            RemoteCommand.shell(command.get()),
            ExecOptions.defaults().withTimeout(Duration.ofMinutes(10)));
    String output = result.stdoutText() + result.stderrText();
    return result.ok()
        ? new StepResult.Done(true, output)
        : new StepResult.Failed(name + " hook exited with status " + result.exitCode(), output);
  }

  private StepResult guard(Session session, HostPlan plan)
      throws EngineException, TransportException, InterruptedException {
    List<String> services = serviceUnits(plan);
    if (services.isEmpty()) {
      return new StepResult.Skipped(
          plan.servicesKnown()
              ? "no planned package ships a service"
              : "the plan does not know the packages' services: dpkg restarts them itself");
    }
    GuardMode mode = guard.install(session, run, services, clock.instant().plus(GUARD_LEASE));
    guarded.add(plan.host());
    return new StepResult.Done(
        true,
        "guard ("
            + mode.name().toLowerCase(java.util.Locale.ROOT)
            + ") for "
            + String.join(" ", services));
  }

  private StepResult install(Session session, HostPlan plan, int number)
      throws EngineException, TransportException, InterruptedException {
    if (plan.isEmpty()) {
      return new StepResult.Skipped("nothing to install");
    }
    String host = plan.host();
    DetachedHandle handle = null;
    if (number > 1) {
      // An earlier attempt may still be running on the host (herd lost it): follow that one.
      DetachedHandle earlier = handle(number - 1);
      if (detached.attach(session, earlier) instanceof DetachedState.Running) {
        handle = detached.start(session, spec(plan, number - 1));
      }
    }
    if (handle == null) {
      handle = detached.start(session, spec(plan, number));
    }
    TailSink tail = new TailSink(TAIL_BYTES);
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
          ? new StepResult.Done(true, output)
          : new StepResult.Failed(
              aptFailure("apt-get install", finished.exitStatus(), output), output);
    }
    return new StepResult.Failed(
        "the install stopped without an exit status (killed, or the host rebooted): check 'dpkg --audit'",
        output);
  }

  private DetachedState followAcrossDrops(String host, DetachedHandle handle, TailSink tail)
      throws EngineException, TransportException, InterruptedException {
    java.time.Instant giveUp = clock.instant().plus(RECONNECT_WINDOW);
    while (true) {
      try {
        return detached.follow(session(host), handle, tail.offset(), tail);
      } catch (TransportException e) {
        forget(host);
        if (clock.instant().isAfter(giveUp)) {
          throw e;
        }
        Thread.sleep(5_000);
      }
    }
  }

  /**
   * The denied restarts, each when its policy says ({@link RestartRules}): {@code now} ones here,
   * with the {@code after-run} ones earlier runs left on the host; the others are recorded as
   * pending on the host ({@link PendingRestarts}) and in the step's output.
   */
  private StepResult restart(Session session, HostPlan plan)
      throws EngineException, TransportException, InterruptedException {
    List<DeniedRequest> denied = guard.deniedRequests(session).value();
    List<ServiceRestarts.Restart> todo = ServiceRestarts.fromSpool(denied, serviceUnits(plan));
    List<PendingRestarts.Entry> earlier = PendingRestarts.read(session);
    RestartRules rules = restartRules.getOrDefault(plan.host(), RestartRules.DEFAULT);
    List<ServiceRestarts.Restart> now = new ArrayList<>();
    List<PendingRestarts.Entry> left = new ArrayList<>();
    for (ServiceRestarts.Restart restart : todo) {
      RestartWhen when =
          rules.when(restart.unit(), RestartRules.touchedBySecurity(plan, restart.unit()));
      if (when == RestartWhen.NOW) {
        now.add(restart);
      } else {
        left.add(new PendingRestarts.Entry(restart.unit(), when, run.value()));
      }
    }
    for (PendingRestarts.Entry entry : earlier) {
      boolean known = todo.stream().anyMatch(r -> r.unit().equals(entry.unit()));
      if (entry.when() == RestartWhen.AFTER_RUN && !entry.run().equals(run.value()) && !known) {
        now.add(new ServiceRestarts.Restart(entry.unit(), false));
      }
    }
    if (now.isEmpty() && left.isEmpty()) {
      return new StepResult.Skipped("dpkg asked for no restart of a guarded service");
    }
    List<String> restarted = now.stream().map(ServiceRestarts.Restart::unit).toList();
    List<String> lines = new ArrayList<>();
    String failure = null;
    if (!now.isEmpty()) {
      List<RestartOutcome> outcomes = restarts.perform(session, now, unit -> RestartMode.RESTART);
      lines.addAll(describe(outcomes));
      failure = firstFailure(outcomes);
    }
    List<PendingRestarts.Entry> pending =
        new ArrayList<>(
            PendingRestarts.without(
                earlier,
                java.util.stream.Stream.concat(
                        restarted.stream(), left.stream().map(PendingRestarts.Entry::unit))
                    .toList()));
    pending.addAll(left);
    if (!pending.equals(earlier)) {
      PendingRestarts.write(session, pending);
    }
    left.forEach(entry -> lines.add(entry.describe()));
    String output = String.join("\n", lines);
    if (failure != null) {
      return new StepResult.Failed(failure, output);
    }
    return new StepResult.Done(!now.isEmpty(), output);
  }

  /**
   * Performs the {@code after-run} restarts left on a host (by this run or earlier ones), once
   * every host of the run finished.
   *
   * @return what was done, one line per unit, each starting with the host; empty when nothing was
   *     pending
   */
  public List<String> restartAfterRun(String host) {
    try {
      Session session = session(host);
      List<PendingRestarts.Entry> pending = PendingRestarts.read(session);
      List<ServiceRestarts.Restart> due =
          pending.stream()
              .filter(e -> e.when() == RestartWhen.AFTER_RUN)
              .map(e -> new ServiceRestarts.Restart(e.unit(), false))
              .toList();
      if (due.isEmpty()) {
        return List.of();
      }
      List<RestartOutcome> outcomes = restarts.perform(session, due, unit -> RestartMode.RESTART);
      PendingRestarts.write(
          session,
          PendingRestarts.without(
              pending, due.stream().map(ServiceRestarts.Restart::unit).toList()));
      return describe(outcomes).stream().map(line -> host + ": " + line).toList();
    } catch (EngineException | TransportException e) {
      forget(host);
      return List.of(host + ": after-run restarts not done: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return List.of(host + ": after-run restarts interrupted");
    }
  }

  private static List<String> describe(List<RestartOutcome> outcomes) {
    List<String> lines = new ArrayList<>();
    for (RestartOutcome outcome : outcomes) {
      if (outcome instanceof RestartOutcome.Failed failed) {
        lines.add(
            failed.unit()
                + ": "
                + failed.command()
                + " failed, "
                + failed.state()
                + ": "
                + failed.message());
      } else if (outcome instanceof RestartOutcome.Restarted restarted) {
        lines.add(restarted.unit() + ": " + restarted.command());
      } else {
        lines.add(outcome.unit() + ": left stopped");
      }
    }
    return lines;
  }

  private static String firstFailure(List<RestartOutcome> outcomes) {
    for (RestartOutcome outcome : outcomes) {
      if (outcome instanceof RestartOutcome.Failed failed) {
        return failed.unit() + " is " + failed.state() + " after " + failed.command();
      }
    }
    return null;
  }

  private StepResult reboot(String host, Session session, HostPlan plan)
      throws TransportException, InterruptedException {
    String why =
        switch (reboot) {
          case NEVER -> null;
          case ALWAYS -> "--reboot always";
          case IF_REQUIRED -> rebootNeed(session, plan);
        };
    if (why == null) {
      return new StepResult.Done(
          false,
          reboot == RebootPolicy.NEVER
              ? (plan.reboot().required() ? "needs a reboot; not done (--reboot never)" : "")
              : "no reboot needed");
    }
    forget(host);
    StepResult result = new HostReboot(clock).reboot(session(host), () -> session(host));
    forget(host);
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

  private StepResult health(Session session, HostPlan plan)
      throws TransportException, InterruptedException {
    Set<String> units = new LinkedHashSet<>();
    guard.deniedRequests(session).value().forEach(d -> units.add(d.unit()));
    List<String> failed = new ArrayList<>();
    for (String unit : units) {
      CommandResult active =
          session.run(
              RemoteCommand.of("systemctl", "is-active", "--", unit),
              ExecOptions.defaults().withTimeout(SHORT));
      if (!active.stdoutText().strip().equals("active")) {
        failed.add(unit + " is " + active.stdoutText().strip());
      }
    }
    for (String unit : serviceUnits(plan)) {
      CommandResult state =
          session.run(
              RemoteCommand.of("systemctl", "is-failed", "--quiet", "--", unit),
              ExecOptions.defaults().withTimeout(SHORT));
      if (state.ok() && !units.contains(unit)) {
        failed.add(unit + " has failed");
      }
    }
    if (!failed.isEmpty()) {
      return new StepResult.Failed(failed.get(0), String.join("\n", failed));
    }
    return units.isEmpty()
        ? new StepResult.Done(false, "no planned service failed")
        : new StepResult.Done(false, "active: " + String.join(" ", units));
  }

  private StepResult unguard(Session session)
      throws EngineException, TransportException, InterruptedException {
    guarded.remove(session.endpoint().name());
    List<DeniedRequest> denied = guard.deniedRequests(session).value();
    boolean removed = guard.remove(session);
    String output = removed ? "guard removed" : "no guard";
    if (!denied.isEmpty()) {
      Set<String> units = new LinkedHashSet<>();
      denied.forEach(d -> units.add(d.unit()));
      output +=
          "\nrestarts dpkg asked for (done by the restart step unless it did not run): "
              + String.join(" ", units);
    }
    return new StepResult.Done(removed, output);
  }

  private StepResult verify(Session session, HostPlan plan)
      throws TransportException, InterruptedException {
    List<String> argv = new ArrayList<>(List.of("/bin/sh", "-c", PRECHECK, "herd-verify"));
    argv.addAll(planPackageNames(plan));
    CommandResult result =
        session.run(RemoteCommand.of(argv), ExecOptions.defaults().withTimeout(SHORT));
    PrecheckReport report = PrecheckReport.parse(result.stdoutText());
    journal.recordVersions(run, plan.host(), VersionPhase.AFTER, versions(report.packages(), plan));
    List<String> wrong = new ArrayList<>();
    Map<String, InstalledPackage> byName = new LinkedHashMap<>();
    report.packages().stream()
        .filter(p -> p.state() == null || p.state().isPresent())
        .forEach(p -> byName.putIfAbsent(p.pkg().unqualified().name(), p));
    for (PlannedInstall install : plan.installs()) {
      InstalledPackage now = byName.get(install.pkg().unqualified().name());
      if (now == null) {
        wrong.add(install.pkg() + " is not installed (planned " + install.version() + ")");
      } else if (!now.version().equals(install.version())) {
        wrong.add(install.pkg() + " is at " + now.version() + ", planned " + install.version());
      } else if (now.state() != null && !now.state().isHealthy()) {
        wrong.add(install.pkg() + " is in dpkg state " + now.state());
      }
    }
    for (PlannedRemoval removal : plan.removals()) {
      if (byName.containsKey(removal.pkg().unqualified().name())) {
        wrong.add(removal.pkg() + " is still installed (planned removal)");
      }
    }
    if (!report.audit().isEmpty()) {
      wrong.add("dpkg --audit reports problems: " + String.join(" / ", report.audit()));
    }
    if (!wrong.isEmpty()) {
      return new StepResult.Failed(wrong.get(0), String.join("\n", wrong));
    }
    return new StepResult.Done(
        false, plan.installs().size() + " packages at their planned versions");
  }

  // ---- helpers ----

  private DetachedSpec spec(HostPlan plan, int number) {
    List<String> upgraded = new ArrayList<>();
    List<String> fresh = new ArrayList<>();
    for (PlannedInstall install : plan.installs()) {
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
    argv.addAll(apt.aptGet(plan, null));
    return new DetachedSpec(run, "install-" + number, argv, apt.environment());
  }

  private DetachedHandle handle(int number) {
    return new DetachedHandle(
        run.value(),
        "install-" + number,
        DetachedMode.SETSID,
        null,
        0,
        detached.directory(run.value()),
        false);
  }

  private static List<String> serviceUnits(HostPlan plan) {
    Set<String> units = new LinkedHashSet<>();
    plan.installs().forEach(i -> units.addAll(i.serviceUnits()));
    return List.copyOf(units);
  }

  private static List<String> planPackageNames(HostPlan plan) {
    List<String> names = new ArrayList<>();
    plan.installs().forEach(i -> names.add(i.pkg().toString()));
    plan.removals().forEach(r -> names.add(r.pkg().toString()));
    return names;
  }

  private static Map<String, String> versions(List<InstalledPackage> packages, HostPlan plan) {
    Set<String> planned = new LinkedHashSet<>();
    planPackageNames(plan).forEach(n -> planned.add(n.replaceFirst(":.*", "")));
    Map<String, String> versions = new LinkedHashMap<>();
    for (InstalledPackage p : packages) {
      String name = p.pkg().unqualified().name();
      if (planned.contains(name)
          && p.version() != null
          && (p.state() == null || p.state().isPresent())) {
        versions.put(name, p.version().toString());
      }
    }
    return versions;
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

  private Session session(String host) throws TransportException, InterruptedException {
    Session session = sessions.get(host);
    if (session != null && session.isOpen()) {
      return session;
    }
    Endpoint endpoint = endpoints.get(host);
    if (endpoint == null) {
      throw new IllegalArgumentException("no endpoint for host " + host);
    }
    Session opened = transport.open(endpoint);
    Session previous = sessions.put(host, opened);
    if (previous != null) {
      previous.close();
    }
    return opened;
  }

  private void forget(String host) {
    Session session = sessions.remove(host);
    if (session != null) {
      session.close();
    }
  }

  private void renewGuards() {
    for (String host : guarded) {
      try {
        guard.renew(session(host), run, clock.instant().plus(GUARD_LEASE));
      } catch (EngineException | TransportException e) {
        // Tried again at the next period; the lease outlives two missed renewals.
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  @Override
  public void close() {
    renewer.shutdownNow();
    sessions.values().forEach(Session::close);
    sessions.clear();
  }

  /** Keeps the tail of a followed log and the offset reached. */
  private static final class TailSink implements LogSink {
    private final int limit;
    private final java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    private long offset;

    TailSink(int limit) {
      this.limit = limit;
    }

    @Override
    public synchronized void accept(long at, byte[] chunk, int from, int length) {
      bytes.write(chunk, from, length);
      offset = at + length;
      if (bytes.size() > 2 * limit) {
        byte[] all = bytes.toByteArray();
        bytes.reset();
        bytes.write(all, all.length - limit, limit);
      }
    }

    synchronized long offset() {
      return offset;
    }

    synchronized String text() {
      byte[] all = bytes.toByteArray();
      int from = Math.max(0, all.length - limit);
      return new String(all, from, all.length - from, StandardCharsets.UTF_8);
    }
  }
}
