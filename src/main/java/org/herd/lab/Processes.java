package org.herd.lab;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Finds and stops the processes the lab started, by the pid and start time recorded in its journal,
 * so that a pid reused by an unrelated process is never signalled.
 */
public final class Processes {

  private Processes() {}

  /** The live process {@code proc} names, if it still runs (same pid and start time). */
  public static Optional<ProcessHandle> live(Resource.Proc proc) {
    if (proc.pid() <= 0) {
      return Optional.empty();
    }
    return ProcessHandle.of(proc.pid())
        .filter(ProcessHandle::isAlive)
        .filter(h -> startMillis(h) == proc.startMillis());
  }

  /** When {@code handle} started (epoch ms), or 0 when unknown. */
  public static long startMillis(ProcessHandle handle) {
    return handle.info().startInstant().map(Instant::toEpochMilli).orElse(0L);
  }

  /** The record of a running process. */
  public static Resource.Proc describe(String role, ProcessHandle handle, String marker) {
    return new Resource.Proc(role, handle.pid(), startMillis(handle), marker);
  }

  /**
   * Stops {@code handle}: SIGTERM, then SIGKILL if it is still alive after {@code grace}. Returns
   * whether it is gone.
   */
  public static boolean stop(ProcessHandle handle, Duration grace) {
    if (!handle.isAlive()) {
      return true;
    }
    handle.destroy();
    if (!awaitExit(handle, grace)) {
      handle.destroyForcibly();
      awaitExit(handle, Duration.ofSeconds(10));
    }
    return !handle.isAlive();
  }

  private static boolean awaitExit(ProcessHandle handle, Duration timeout) {
    try {
      handle.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      return true;
    } catch (TimeoutException e) {
      return false;
    } catch (ExecutionException e) {
      return !handle.isAlive();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return !handle.isAlive();
    }
  }

  /** The programs the lab starts and leaves running: only these are ever found by marker. */
  static final List<String> LAB_PROGRAMS =
      List.of("systemd-nspawn", RepoServer.class.getName(), "gpg-agent", "dirmngr", "keyboxd");

  /**
   * Every lab program (see {@link #LAB_PROGRAMS}) whose command line contains {@code marker} (a
   * path inside one lab's directory): how {@code lab down} finds a process that {@code lab up}
   * started but died before recording. A shell or an editor looking at the lab's files is never
   * among them.
   */
  public static List<ProcessHandle> withMarker(String marker) {
    List<ProcessHandle> found = new ArrayList<>();
    long self = ProcessHandle.current().pid();
    ProcessHandle.allProcesses()
        .filter(h -> h.pid() != self)
        .forEach(
            h -> {
              String cmdline = cmdline(h.pid());
              if (cmdline.contains(marker) && LAB_PROGRAMS.stream().anyMatch(cmdline::contains)) {
                found.add(h);
              }
            });
    return found;
  }

  /** The command line of {@code pid}, arguments separated by spaces; empty when it is gone. */
  static String cmdline(long pid) {
    try {
      byte[] raw = Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline"));
      return new String(raw, StandardCharsets.UTF_8).replace('\0', ' ');
    } catch (IOException e) {
      return "";
    }
  }
}
