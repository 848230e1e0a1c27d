package org.herd.lab;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One lab host running: a {@code systemd-nspawn --boot} container on the host's overlay root and
 * network namespace, started detached (in its own session, its console written to a log) so that it
 * outlives {@code herd lab up}.
 *
 * <p>The machine's PID 1 need not be systemd: the container is neither registered with machined nor
 * given a scope unit of its own ({@code --register=no --keep-unit}). Commands are run in it with
 * {@code nsenter} into the namespaces of its init, which needs neither sshd nor machined.
 */
public final class Container {

  private static final List<String> PATH_ENV =
      List.of(
          "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
          "LANG=C.UTF-8",
          "HOME=/root",
          "DEBIAN_FRONTEND=noninteractive");

  private final LabHost host;
  private final Path root;
  private final Path netns;
  private final ProcessRunner runner;

  /** The container of {@code host} booting {@code root} in namespace {@code netns}. */
  public Container(LabHost host, Path root, Path netns, ProcessRunner runner) {
    this.host = host;
    this.root = root;
    this.netns = netns;
    this.runner = runner;
  }

  /** The role under which the journal records this container's nspawn process. */
  public static String role(String hostName) {
    return "container " + hostName;
  }

  /**
   * Keeps the container running across reboots: nspawn exits with status 133 when the container
   * asks for a reboot ({@code systemctl reboot}), and is then started again on the same root and
   * network, as a machine would boot again. SIGTERM is passed on to nspawn, which halts the
   * container cleanly.
   */
  static final String SUPERVISOR =
      "trap 'kill -TERM \"$child\" 2>/dev/null; wait \"$child\"; exit 0' TERM INT HUP\n"
          + "while :; do\n"
          + "  \"$@\" &\n"
          + "  child=$!\n"
          + "  wait \"$child\"; rc=$?\n"
          + "  [ \"$rc\" = 133 ] || exit \"$rc\"\n"
          + "  echo 'herd lab: the container asked for a reboot; booting it again'\n"
          + "done\n";

  /** The command line: in {@code cgroups}, in a session of its own, nspawn under its supervisor. */
  List<String> command(List<Path> cgroups) {
    List<String> supervised = new ArrayList<>(List.of("setsid", "/bin/sh", "-c", SUPERVISOR, "sh"));
    supervised.addAll(nspawn());
    return Cgroups.enter(cgroups, supervised);
  }

  private List<String> nspawn() {
    return List.of(
        "systemd-nspawn",
        "--directory=" + root,
        "--machine=" + host.name(),
        "--boot",
        "--register=no",
        "--keep-unit",
        "--network-namespace-path=" + netns,
        "--console=passive",
        "--resolv-conf=off",
        "--timezone=off",
        "--link-journal=no");
  }

  /**
   * Starts the container, recording it in {@code journal} before (by marker) and after (by pid),
   * with its console output in {@code log}.
   */
  public Resource.Proc start(StateJournal journal, Path log) {
    List<Path> cgroups = Cgroups.system().of(host.name());
    for (Path cgroup : cgroups) {
      journal.record(new Resource.Cgroup(cgroup.toString()));
    }
    Resource.Proc pending =
        journal.record(new Resource.Proc(role(host.name()), 0, 0, root.toString()));
    ProcessBuilder builder = new ProcessBuilder(command(cgroups));
    runner.prepare(builder);
    builder.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    builder.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    builder.redirectErrorStream(true);
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      throw LabException.failed("systemd-nspawn: cannot run: " + e.getMessage(), e);
    }
    // sh and setsid exec in place (sh is not a group leader): this pid is the supervisor's.
    return journal.replace(
        pending, Processes.describe(role(host.name()), process.toHandle(), root.toString()));
  }

  /**
   * The container's init, once it exists: the process under the supervisor that runs in a PID
   * namespace of its own while its parent does not. nspawn first forks a helper in the machine's
   * namespace, which forks the init and exits; that helper must not be taken for the container.
   */
  public static Optional<ProcessHandle> leader(Resource.Proc supervisor) {
    return Processes.live(supervisor)
        .flatMap(
            h -> {
              String outer = pidNamespace(h.pid());
              return h.descendants()
                  .filter(
                      c -> {
                        String inner = pidNamespace(c.pid());
                        String parent = c.parent().map(p -> pidNamespace(p.pid())).orElse("");
                        return !inner.isEmpty() && !inner.equals(outer) && parent.equals(outer);
                      })
                  .findFirst();
            });
  }

  private static String pidNamespace(long pid) {
    try {
      return java.nio.file.Files.readSymbolicLink(Path.of("/proc", Long.toString(pid), "ns", "pid"))
          .toString();
    } catch (IOException e) {
      return "";
    }
  }

  /** Waits until nspawn has started the container's init, and returns it. */
  public static ProcessHandle awaitLeader(Resource.Proc nspawn, Duration timeout) {
    Deadline deadline = Deadline.in(timeout);
    while (deadline.pending()) {
      Optional<ProcessHandle> leader = leader(nspawn);
      if (leader.isPresent()) {
        return leader.get();
      }
      if (Processes.live(nspawn).isEmpty()) {
        throw LabException.failed(nspawn.role() + ": systemd-nspawn exited at start");
      }
      sleep(Duration.ofMillis(100));
    }
    throw LabException.failed(
        nspawn.role() + ": no container init after " + timeout.toSeconds() + " s");
  }

  /**
   * The command that runs {@code script} with sh inside the container whose init is {@code leader}.
   */
  public static List<String> execCommand(long leader, String script) {
    List<String> command =
        new ArrayList<>(
            List.of(
                "nsenter",
                "--target",
                Long.toString(leader),
                "--all",
                "--root",
                "--wd",
                "--",
                "/usr/bin/env",
                "-i"));
    command.addAll(PATH_ENV);
    command.addAll(List.of("/bin/sh", "-c", script));
    return command;
  }

  /**
   * Waits until systemd in the container reports the boot finished ({@code running} or {@code
   * degraded}) and returns that state.
   */
  public static String awaitBoot(long leader, ProcessRunner runner, Duration timeout, String name) {
    Deadline deadline = Deadline.in(timeout);
    String last = "unknown";
    while (deadline.pending()) {
      Duration left = deadline.left();
      try {
        ProcessRunner.Result result =
            runner.run(
                execCommand(leader, "systemctl is-system-running --wait"),
                null,
                null,
                left.plusSeconds(1));
        last = result.stdout().strip();
      } catch (LabException timedOut) {
        break;
      }
      if (last.equals("running") || last.equals("degraded")) {
        return last;
      }
      sleep(Duration.ofMillis(300));
    }
    throw LabException.failed(
        name
            + ": systemd did not finish booting in "
            + timeout.toSeconds()
            + " s (state: "
            + last
            + ")");
  }

  static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw LabException.failed("interrupted");
    }
  }
}
