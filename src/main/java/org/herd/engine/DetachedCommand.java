package org.herd.engine;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.herd.journal.RunId;
import org.herd.transport.CommandResult;
import org.herd.transport.ExecOptions;
import org.herd.transport.OutputListener;
import org.herd.transport.RemoteCommand;
import org.herd.transport.Session;
import org.herd.transport.TransportException;

/**
 * Runs long commands on a host detached from the SSH session, so that a dropped connection or a
 * dead herd never interrupts them (dpkg half-way is the case this exists for).
 *
 * <p>Where systemd is PID 1 ({@code /run/systemd/system} exists) the command runs as a transient
 * service, {@code systemd-run --collect --unit=herd-RUN-STEP}; elsewhere with {@code setsid -f}.
 * Either way a small runner script on the host ({@code /var/lib/herd/runs/RUN/STEP.sh}) writes its
 * pid, appends the command's stdout and stderr to {@code STEP.log}, and writes the exit status to
 * {@code STEP.status} when the command ends. herd only ever reads those files, so it can come and
 * go:
 *
 * <ul>
 *   <li>{@link #start} is idempotent: a second start of the same run and step (after a crash
 *       between starting and journaling, say) finds the atomic {@code STEP.started} marker and
 *       returns a handle to the step already running, never starting it twice.
 *   <li>{@link #follow} streams the log from an offset until the step ends, then returns its state;
 *       after a dropped connection, follow again from the last offset the {@link LogSink} saw.
 *   <li>{@link #attach} tells, in one round trip, whether the step still runs, finished (with its
 *       status), or was lost (the runner died without a status: killed, or the host rebooted).
 * </ul>
 *
 * <p>Thread-safe and stateless: everything is on the host and in the {@link DetachedHandle}.
 */
public final class DetachedCommand {

  /** Where steps keep their files on hosts. */
  public static final String DEFAULT_ROOT = "/var/lib/herd/runs";

  /** The {@code PATH} every detached command gets: root's usual one on Debian. */
  public static final String PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

  private static final String START = HostScripts.load("detached-start.sh");
  private static final String STATE = HostScripts.load("detached-state.sh");
  private static final String FOLLOW = HostScripts.load("detached-follow.sh");
  private static final Duration SHORT = Duration.ofMinutes(2);

  private final String root;
  private final Duration pollInterval;

  /**
   * @param root the directory on hosts under which each run gets its own directory
   * @param pollInterval how often {@link #follow} looks at the log on the host
   */
  public DetachedCommand(String root, Duration pollInterval) {
    this.root = Objects.requireNonNull(root, "root");
    if (!root.startsWith("/")) {
      throw new IllegalArgumentException("root must be absolute: " + root);
    }
    if (pollInterval.isNegative() || pollInterval.isZero()) {
      throw new IllegalArgumentException("pollInterval must be positive: " + pollInterval);
    }
    this.pollInterval = pollInterval;
  }

  /** Files under {@link #DEFAULT_ROOT}, the log polled every 200 ms. */
  public static DetachedCommand standard() {
    return new DetachedCommand(DEFAULT_ROOT, Duration.ofMillis(200));
  }

  /**
   * Starts the step on the host, or, when it was started before, re-attaches to it.
   *
   * @return the handle; {@link DetachedHandle#reattached()} tells which happened
   * @throws EngineException when the host could not start it ({@code systemd-run} or {@code setsid}
   *     failed); nothing is left behind then, so a retry starts afresh
   * @throws TransportException when the connection failed; the step may or may not have started,
   *     and a retry of start finds out which
   */
  public DetachedHandle start(Session session, DetachedSpec spec)
      throws EngineException, TransportException, InterruptedException {
    String directory = directory(spec.run().value());
    String unit = unitName(spec.run().value(), spec.step());
    String body = runnerScript(directory, spec);
    CommandResult result =
        session.run(
            RemoteCommand.of(
                "/bin/sh", "-c", START, "herd-start", directory, spec.step(), unit, body),
            ExecOptions.defaults().withTimeout(SHORT));
    String host = session.endpoint().name();
    if (!result.ok()) {
      throw new EngineException(
          host,
          "cannot start step "
              + spec.step()
              + " detached (exit "
              + result.exitCode()
              + "): "
              + result.stderrText().strip());
    }
    String[] words = result.stdoutText().strip().split(" ");
    if (words.length < 2 || !(words[0].equals("started") || words[0].equals("existing"))) {
      throw new EngineException(
          host, "unexpected answer when starting step " + spec.step() + ": " + result.stdoutText());
    }
    DetachedMode mode = words[1].equals("systemd") ? DetachedMode.SYSTEMD : DetachedMode.SETSID;
    long pid = words.length > 2 ? parsePid(words[2]) : 0;
    return new DetachedHandle(
        spec.run().value(),
        spec.step(),
        mode,
        mode == DetachedMode.SYSTEMD ? unit + ".service" : null,
        pid,
        directory,
        words[0].equals("existing"));
  }

  /** Where the step is now, in one round trip. */
  public DetachedState attach(Session session, DetachedHandle handle)
      throws EngineException, TransportException, InterruptedException {
    CommandResult result =
        session.run(
            RemoteCommand.of(
                "/bin/sh", "-c", STATE, "herd-state", handle.directory(), handle.step()),
            ExecOptions.defaults().withTimeout(SHORT));
    String answer = result.stdoutText().strip();
    if (!result.ok()) {
      throw new EngineException(
          session.endpoint().name(),
          "cannot read the state of step " + handle.step() + ": " + result.stderrText().strip());
    }
    return parseState(answer)
        .orElseThrow(
            () ->
                new EngineException(
                    session.endpoint().name(),
                    "unexpected state of step " + handle.step() + ": " + answer));
  }

  /**
   * Streams the step's log from {@code offset} to {@code sink} until the step ends, and returns how
   * it ended ({@link DetachedState.Finished} or {@link DetachedState.Lost}). Returns at once when
   * it has ended already, after streaming what is left of the log.
   *
   * @throws TransportException when the connection drops; follow again from the last offset the
   *     sink saw
   */
  public DetachedState follow(Session session, DetachedHandle handle, long offset, LogSink sink)
      throws EngineException, TransportException, InterruptedException {
    if (offset < 0) {
      throw new IllegalArgumentException("offset must not be negative: " + offset);
    }
    long[] position = {offset};
    OutputListener listener =
        (stream, bytes, from, length) -> {
          if (stream == OutputListener.Stream.STDOUT) {
            sink.accept(position[0], bytes, from, length);
            position[0] += length;
          }
        };
    CommandResult result =
        session.run(
            RemoteCommand.of(
                "/bin/sh",
                "-c",
                FOLLOW,
                "herd-follow",
                handle.directory(),
                handle.step(),
                Long.toString(offset),
                seconds(pollInterval)),
            ExecOptions.defaults().withListener(listener).withOutputLimit(64 * 1024));
    if (result.exitCode() == 3) {
      return new DetachedState.Lost();
    }
    if (!result.ok()) {
      throw new EngineException(
          session.endpoint().name(),
          "cannot follow step "
              + handle.step()
              + " (exit "
              + result.exitCode()
              + "): "
              + result.stderrText().strip());
    }
    String[] said = result.stderrText().strip().split("\n");
    Optional<DetachedState> end = parseState(said[said.length - 1]);
    if (end.isPresent() && end.get() instanceof DetachedState.Finished) {
      return end.get();
    }
    return attach(session, handle);
  }

  /**
   * The last {@code maxBytes} of the step's log, decoded as UTF-8: for failure messages.
   *
   * @return the tail, empty when there is no log
   */
  public String tail(Session session, DetachedHandle handle, int maxBytes)
      throws TransportException, InterruptedException {
    CommandResult result =
        session.run(
            RemoteCommand.shell(
                "tail -c "
                    + maxBytes
                    + " "
                    + RemoteCommand.quote(handle.log())
                    + " 2>/dev/null || true"),
            ExecOptions.defaults().withTimeout(SHORT));
    return new String(result.stdout(), StandardCharsets.UTF_8);
  }

  /**
   * Removes the files of one step that is not running (finished, lost or absent), so that {@link
   * #start} runs it afresh: for a retry of a failed step. The step's log goes with it.
   *
   * @throws EngineException when the step is still running (stop it first, or follow it)
   */
  public void discard(Session session, DetachedHandle handle)
      throws EngineException, TransportException, InterruptedException {
    if (attach(session, handle) instanceof DetachedState.Running) {
      throw new EngineException(
          session.endpoint().name(), "step " + handle.step() + " is still running");
    }
    List<String> argv = new ArrayList<>(List.of("rm", "-f", "--"));
    for (String suffix : List.of(".started", ".sh", ".pid", ".status", ".log")) {
      argv.add(handle.directory() + "/" + handle.step() + suffix);
    }
    session.run(RemoteCommand.of(argv), ExecOptions.defaults().withTimeout(SHORT));
  }

  /**
   * Removes the files of every step of {@code run} on the host. Steps still running keep running
   * (but can no longer be followed); call it when the run is over.
   */
  public void forget(Session session, String run) throws TransportException, InterruptedException {
    session.run(
        RemoteCommand.of("rm", "-rf", "--", directory(new RunId(run).value())),
        ExecOptions.defaults().withTimeout(SHORT));
  }

  /** The directory of {@code run}'s steps on hosts. */
  public String directory(String run) {
    return root + "/" + run;
  }

  /** The transient unit's name for a step, without the {@code .service} suffix. */
  static String unitName(String run, String step) {
    return "herd-" + run + "-" + step;
  }

  /**
   * The runner: records its pid, sends everything to the log, exports the environment, runs the
   * command, then records the status atomically (temporary file, then rename), so a reader never
   * sees half a status.
   */
  static String runnerScript(String directory, DetachedSpec spec) {
    String base = directory + "/" + spec.step();
    List<String> lines = new ArrayList<>();
    lines.add("#!/bin/sh");
    lines.add("# herd detached step " + spec.step() + " of run " + spec.run().value());
    lines.add("echo $$ >" + RemoteCommand.quote(base + ".pid.tmp"));
    lines.add(
        "mv -f "
            + RemoteCommand.quote(base + ".pid.tmp")
            + " "
            + RemoteCommand.quote(base + ".pid"));
    lines.add("exec >>" + RemoteCommand.quote(base + ".log") + " 2>&1 </dev/null");
    lines.add("PATH=" + RemoteCommand.quote(PATH));
    lines.add("export PATH");
    for (Map.Entry<String, String> e : spec.environment().entrySet()) {
      lines.add(e.getKey() + "=" + RemoteCommand.quote(e.getValue()));
      lines.add("export " + e.getKey());
    }
    lines.add(RemoteCommand.of(spec.argv()).line());
    lines.add("rc=$?");
    lines.add("echo \"$rc\" >" + RemoteCommand.quote(base + ".status.tmp"));
    lines.add(
        "mv -f "
            + RemoteCommand.quote(base + ".status.tmp")
            + " "
            + RemoteCommand.quote(base + ".status"));
    lines.add("exit \"$rc\"");
    return String.join("\n", lines) + "\n";
  }

  /** Parses the state script's answer. */
  static Optional<DetachedState> parseState(String answer) {
    String[] words = answer.strip().split(" ");
    switch (words[0]) {
      case "running":
        return Optional.of(new DetachedState.Running());
      case "lost":
        return Optional.of(new DetachedState.Lost());
      case "absent":
        return Optional.of(new DetachedState.Absent());
      case "finished":
        if (words.length == 2 && words[1].matches("[0-9]{1,3}")) {
          return Optional.of(new DetachedState.Finished(Integer.parseInt(words[1])));
        }
        return Optional.empty();
      default:
        return Optional.empty();
    }
  }

  private static long parsePid(String word) {
    return word.matches("[0-9]{1,10}") ? Long.parseLong(word) : 0;
  }

  private static String seconds(Duration d) {
    long millis = Math.max(1, d.toMillis());
    return millis % 1000 == 0
        ? Long.toString(millis / 1000)
        : String.format(java.util.Locale.ROOT, "%d.%03d", millis / 1000, millis % 1000);
  }
}
