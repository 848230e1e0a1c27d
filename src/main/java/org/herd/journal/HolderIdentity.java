package org.herd.journal;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Who holds a lease, in words an operator can act on: {@code alice@ops1 pid=4242
 * started=2026-12-03T16:24:33.12Z proc=1a2b3c4d+123456 run=ID}. Another operator refused by a lease
 * reads it to know whom to ask, on which machine, and which process to look for; {@code run=} is
 * absent for commands that are not runs. {@code started=} is for people; {@code proc=} (see {@link
 * ProcessStart}) tells a live holder from a later process that reused its pid, so that {@code herd
 * resume} can take over the lease of a herd that died on this machine (see {@link #parse}).
 */
public record HolderIdentity(
    String user,
    String hostname,
    long pid,
    Optional<Instant> started,
    Optional<ProcessStart> process,
    Optional<RunId> run) {

  private static final Pattern TEXT =
      Pattern.compile(
          "(?<user>[^@ ]+)@(?<host>\\S+) pid=(?<pid>\\d+)(?: started=(?<started>\\S+))?"
              + "(?: proc=(?<proc>\\S+))?(?: run=(?<run>\\S+))?");

  public HolderIdentity {
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(hostname, "hostname");
    Objects.requireNonNull(started, "started");
    Objects.requireNonNull(process, "process");
    Objects.requireNonNull(run, "run");
  }

  /** A holder whose process start is not known (an older herd, or a test). */
  public HolderIdentity(String user, String hostname, long pid, Optional<RunId> run) {
    this(user, hostname, pid, Optional.empty(), Optional.empty(), run);
  }

  /** Who, as runs and actions are journaled: {@code user@host}. */
  public String operator() {
    return user + "@" + hostname;
  }

  /**
   * This process: the user from {@code USER} or {@code LOGNAME} (else the JVM's idea), the kernel's
   * host name, this process id and its start time.
   */
  public static HolderIdentity ofThisProcess(Map<String, String> env, Optional<RunId> run) {
    String user = env.getOrDefault("USER", env.getOrDefault("LOGNAME", ""));
    if (user.isBlank()) {
      user = System.getProperty("user.name", "unknown");
    }
    ProcessHandle self = ProcessHandle.current();
    return new HolderIdentity(
        user,
        localHostname(),
        self.pid(),
        self.info().startInstant(),
        ProcessStart.of(self.pid()),
        run);
  }

  /**
   * Reads a holder back from its {@link #text()}; empty when the text is not one (a holder written
   * by something else).
   */
  public static Optional<HolderIdentity> parse(String text) {
    Matcher m = TEXT.matcher(text);
    if (!m.matches()) {
      return Optional.empty();
    }
    try {
      Optional<Instant> started = Optional.ofNullable(m.group("started")).map(Instant::parse);
      Optional<String> proc = Optional.ofNullable(m.group("proc"));
      Optional<ProcessStart> process = proc.flatMap(ProcessStart::parse);
      if (proc.isPresent() && process.isEmpty()) {
        return Optional.empty();
      }
      Optional<RunId> run = Optional.ofNullable(m.group("run")).map(RunId::of);
      return Optional.of(
          new HolderIdentity(
              m.group("user"),
              m.group("host"),
              Long.parseLong(m.group("pid")),
              started,
              process,
              run));
    } catch (DateTimeParseException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** The text stored in the journal as the lease's holder. */
  public String text() {
    StringBuilder text = new StringBuilder(user).append('@').append(hostname);
    text.append(" pid=").append(pid);
    started.ifPresent(at -> text.append(" started=").append(at));
    process.ifPresent(start -> text.append(" proc=").append(start.text()));
    run.ifPresent(id -> text.append(" run=").append(id));
    return text.toString();
  }

  @Override
  public String toString() {
    return text();
  }

  /** The kernel's name for this machine, as {@link #ofThisProcess} records it. */
  public static String localHostname() {
    try {
      String name = Files.readString(Path.of("/proc/sys/kernel/hostname")).strip();
      if (!name.isEmpty()) {
        return name;
      }
    } catch (IOException | SecurityException e) {
      // not Linux: ask the JVM
    }
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      return "localhost";
    }
  }
}
