package org.herd.fleet;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.herd.transport.CommandResult;
import org.herd.transport.TransportException;

/** Translates what the transport reports into the fleet's {@link HostOutcome} vocabulary. */
final class TransportOutcomes {

  private TransportOutcomes() {}

  /** The outcome of a command that ran to its end. */
  static HostOutcome of(CommandResult result) {
    if (result.exitCode() == 0 && result.signal() == null) {
      return new HostOutcome.Ok();
    }
    String signal = result.signal() == null ? null : "SIG" + result.signal().name();
    // The transport gives 128 + n for signal n; 0 with a signal would be a transport bug, but it
    // must not read as success.
    int code = result.exitCode() != 0 ? result.exitCode() : 128 + result.signal().number();
    return new HostOutcome.Failed(code, signal);
  }

  /** The outcome of a failure to connect, or of a command that did not end normally. */
  static HostOutcome of(Throwable failure) {
    Throwable cause = unwrap(failure);
    if (cause instanceof TransportException.CommandTimedOut) {
      return new HostOutcome.TimedOut();
    }
    if (cause instanceof TransportException.Cancelled
        || cause instanceof InterruptedException
        || cause instanceof CancellationException) {
      return new HostOutcome.Interrupted();
    }
    if (cause instanceof TransportException.UnknownHostKey
        || cause instanceof TransportException.HostKeyChanged
        || cause instanceof TransportException.AuthFailed
        || cause instanceof TransportException.BecomeFailed) {
      TransportException refused = (TransportException) cause;
      return new HostOutcome.Refused(refused.reason(), detail(refused));
    }
    if (cause instanceof TransportException.CopyFailed copy) {
      return new HostOutcome.Errored(detail(copy));
    }
    if (cause instanceof TransportException transport) {
      return new HostOutcome.Unreachable(transport.reason());
    }
    return new HostOutcome.Errored(String.valueOf(cause));
  }

  /** The exception's message without the {@code host: } prefix the transport puts in front. */
  private static String detail(TransportException e) {
    String message = e.getMessage();
    String prefix = e.host() + ": ";
    return e.host() != null && message.startsWith(prefix)
        ? message.substring(prefix.length())
        : message;
  }

  private static Throwable unwrap(Throwable failure) {
    Throwable cause = failure;
    while ((cause instanceof CompletionException || cause instanceof ExecutionException)
        && cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause;
  }
}
