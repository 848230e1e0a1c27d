package org.herd.fleet;

import java.util.Objects;
import org.herd.transport.RemoteCommand;
import org.herd.transport.Session;
import org.herd.transport.TransportException;

/** What a fan-out does on each host once it is connected. */
public sealed interface HostAction {

  /** A short description for reports ({@code --json}'s {@code command}). */
  String description();

  /** Runs a command; its host holds no thread while the command runs. */
  static HostAction command(RemoteCommand command) {
    return new Command(command);
  }

  /**
   * Does blocking work with the host's session, such as a copy; the work holds one connector thread
   * (of at most {@code fanout}) while it runs.
   */
  static HostAction task(String description, SessionTask task) {
    return new Task(description, task);
  }

  /** Blocking work with one host's session. */
  @FunctionalInterface
  interface SessionTask {
    /**
     * Does the work; returning normally means success.
     *
     * @throws TransportException when the work failed on this host
     */
    void run(Session session) throws TransportException, InterruptedException;
  }

  /** See {@link HostAction#command}. */
  record Command(RemoteCommand command) implements HostAction {
    public Command {
      Objects.requireNonNull(command);
    }

    @Override
    public String description() {
      return command.line();
    }
  }

  /** See {@link HostAction#task}. */
  record Task(String description, SessionTask work) implements HostAction {
    public Task {
      Objects.requireNonNull(description);
      Objects.requireNonNull(work);
    }
  }
}
