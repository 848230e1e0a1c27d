package org.herd.transport;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.apache.sshd.client.channel.ChannelExec;
import org.apache.sshd.client.session.ClientSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link RawChannel} on one exec channel of a MINA session. Output is written by MINA's I/O
 * threads straight into the sink (no thread per channel); SSH flow control pushes back while the
 * sink works.
 */
final class SshChannel implements RawChannel {
  private static final Logger log = LoggerFactory.getLogger(SshChannel.class);

  private final ChannelExec channel;
  private final CompletableFuture<Exit> exit = new CompletableFuture<>();

  private SshChannel(ChannelExec channel) {
    this.channel = channel;
  }

  /**
   * Opens an exec channel for {@code command}.
   *
   * @throws IOException when the channel cannot be opened (connection gone, server refused)
   */
  static SshChannel open(ClientSession session, String command, Sink sink, Duration timeout)
      throws IOException {
    ChannelExec exec = session.createExecChannel(command);
    exec.setOut(new SinkStream(sink, false));
    exec.setErr(new SinkStream(sink, true));
    SshChannel channel = new SshChannel(exec);
    exec.addCloseFutureListener(closed -> channel.closed(session));
    try {
      exec.open().verify(timeout);
    } catch (IOException | RuntimeException e) {
      exec.close(true);
      throw e;
    }
    return channel;
  }

  private void closed(ClientSession session) {
    Integer status = channel.getExitStatus();
    String signalName = channel.getExitSignal();
    if (signalName != null) {
      Signal signal = Signal.byName(signalName);
      exit.complete(
          signal != null ? new Exit(128 + signal.number(), signal, null) : Exit.exited(255));
    } else if (status != null) {
      exit.complete(Exit.exited(status));
    } else {
      exit.complete(
          Exit.lost(
              session.isOpen() ? "channel closed without an exit status" : "connection closed"));
    }
  }

  @Override
  public OutputStream stdin() {
    return channel.getInvertedIn();
  }

  @Override
  public CompletableFuture<Exit> exit() {
    return exit;
  }

  @Override
  public void close() {
    channel.close(true);
  }

  /** Hands what MINA writes to the sink. */
  private static final class SinkStream extends OutputStream {
    private final Sink sink;
    private final boolean stderr;

    SinkStream(Sink sink, boolean stderr) {
      this.sink = sink;
      this.stderr = stderr;
    }

    @Override
    public void write(int b) {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) {
      try {
        if (stderr) {
          sink.stderr(bytes, offset, length);
        } else {
          sink.stdout(bytes, offset, length);
        }
      } catch (RuntimeException e) {
        // A failing listener must not break the channel (or MINA's I/O thread).
        log.warn("output listener failed: {}", e.toString());
      }
    }
  }
}
