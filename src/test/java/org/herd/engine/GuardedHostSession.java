package org.herd.engine;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.herd.journal.RunId;
import org.herd.transport.CommandResult;
import org.herd.transport.Endpoint;
import org.herd.transport.ExecOptions;
import org.herd.transport.Execution;
import org.herd.transport.RemoteCommand;
import org.herd.transport.Session;
import org.herd.transport.Transport;
import org.herd.transport.TransportException;
import org.herd.transport.TransportKind;

/**
 * A host with herd's guard, as far as renewing its lease goes: it answers the guard's files and
 * records each lease the guard is reinstalled with, or is unreachable, or has lost its guard, as
 * the test sets it. For unit tests of lease renewal; the guard itself is tested on real hosts.
 */
final class GuardedHostSession implements Session {

  /** What the host does with the next renewal. */
  enum State {
    GUARDED,
    UNREACHABLE,
    GUARD_GONE
  }

  private final Endpoint endpoint;
  private final RunId run;
  private volatile State state = State.GUARDED;
  private final List<Instant> leases = new CopyOnWriteArrayList<>();
  private final List<String> commands = new CopyOnWriteArrayList<>();

  GuardedHostSession(String host, RunId run) {
    this.endpoint = Endpoint.of(host);
    this.run = run;
  }

  void set(State state) {
    this.state = state;
  }

  /** The lease ends the guard was reinstalled with, in order. */
  List<Instant> leases() {
    return List.copyOf(leases);
  }

  /** Every command sent, reachable or not. */
  List<String> commands() {
    return List.copyOf(commands);
  }

  /** A transport whose every host is one of {@code hosts}. */
  static Transport transport(List<GuardedHostSession> hosts) {
    return new Transport() {
      @Override
      public TransportKind kind() {
        return TransportKind.LOCAL;
      }

      @Override
      public Session open(Endpoint endpoint) {
        return hosts.stream()
            .filter(h -> h.endpoint.name().equals(endpoint.name()))
            .findFirst()
            .orElseThrow();
      }

      @Override
      public void close() {}
    };
  }

  @Override
  public CommandResult run(RemoteCommand command, ExecOptions options) throws TransportException {
    commands.add(command.line());
    if (state == State.UNREACHABLE) {
      throw new TransportException.Disconnected(endpoint.name(), "no route to host", null, null);
    }
    List<String> argv = command.argv();
    if (argv != null && argv.size() > 8 && argv.get(3).equals("herd-guard-install")) {
      leases.add(Instant.ofEpochSecond(Long.parseLong(argv.get(8))));
      return result(0, "installed script");
    }
    if (command.line().startsWith("cat ")) {
      return state == State.GUARD_GONE
          ? result(1, "")
          : result(0, run.value() + "\nnginx.service\n");
    }
    throw new AssertionError("unexpected command: " + command.line());
  }

  private static CommandResult result(int status, String stdout) {
    return new CommandResult(
        status,
        null,
        stdout.getBytes(StandardCharsets.UTF_8),
        new byte[0],
        false,
        false,
        Duration.ZERO);
  }

  @Override
  public Endpoint endpoint() {
    return endpoint;
  }

  @Override
  public Execution start(RemoteCommand command, ExecOptions options) {
    throw new UnsupportedOperationException("only run");
  }

  @Override
  public void upload(Path local, String remotePath, boolean preserve) {
    throw new UnsupportedOperationException("only run");
  }

  @Override
  public void download(String remotePath, Path localTarget, boolean preserve) {
    throw new UnsupportedOperationException("only run");
  }

  @Override
  public boolean isOpen() {
    return true;
  }

  @Override
  public void close() {}
}
