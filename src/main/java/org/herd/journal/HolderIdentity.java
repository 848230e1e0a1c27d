package org.herd.journal;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Who holds a lease, in words an operator can act on: {@code alice@ops1 pid=4242 run=ID}. Another
 * operator refused by a lease reads it to know whom to ask, on which machine, and which process to
 * look for; {@code run=} is absent for commands that are not runs.
 */
public record HolderIdentity(String user, String hostname, long pid, Optional<RunId> run) {

  public HolderIdentity {
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(hostname, "hostname");
    Objects.requireNonNull(run, "run");
  }

  /**
   * This process: the user from {@code USER} or {@code LOGNAME} (else the JVM's idea), the kernel's
   * host name, and this process id.
   */
  public static HolderIdentity ofThisProcess(Map<String, String> env, Optional<RunId> run) {
    String user = env.getOrDefault("USER", env.getOrDefault("LOGNAME", ""));
    if (user.isBlank()) {
      user = System.getProperty("user.name", "unknown");
    }
    return new HolderIdentity(user, localHostname(), ProcessHandle.current().pid(), run);
  }

  /** The text stored in the journal as the lease's holder. */
  public String text() {
    String text = user + "@" + hostname + " pid=" + pid;
    return run.map(id -> text + " run=" + id).orElse(text);
  }

  @Override
  public String toString() {
    return text();
  }

  // The kernel's name for this machine, without a DNS lookup that could hang.
  private static String localHostname() {
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
