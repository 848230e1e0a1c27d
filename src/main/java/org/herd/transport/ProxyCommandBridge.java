package org.herd.transport;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs an ssh_config {@code ProxyCommand} for the {@code ssh} transport, as OpenSSH does ({@code
 * /bin/sh -c "exec COMMAND"}, its stdin and stdout the connection), and hands it to MINA, which can
 * only dial sockets, through a loopback listener that accepts exactly one connection.
 *
 * <p>Life cycle: {@link #start} binds {@code 127.0.0.1:0} and starts the command; MINA dials {@link
 * #address()}; the first connection accepted is pumped to and from the command, and the listener
 * closes. When either side ends, the other is closed. {@link #close()} (when the session closes, or
 * the handshake fails) closes the sockets and ends the command by its PID. Only the first local
 * connection is ever bridged: another local process that dialled the port first would take the
 * place of herd's client, whose handshake then fails; it would see only what the target sends
 * before authentication, and host-key verification keeps herd from trusting anything else.
 */
final class ProxyCommandBridge implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ProxyCommandBridge.class);
  private static final int STDERR_LINES = 3;
  private static final int STDERR_CHARS = 300;
  private static final String LOOPBACK = "127.0.0.1";

  private final String host;
  private final String command;
  private final ServerSocket listener;
  private final InetSocketAddress address;
  private final Process process;
  private final Deque<String> stderr = new ArrayDeque<>();
  private final CountDownLatch stderrRead = new CountDownLatch(1);
  private volatile Socket connection;

  private ProxyCommandBridge(String host, String command, ServerSocket listener, Process process) {
    this.host = host;
    this.command = command;
    this.listener = listener;
    this.address = new InetSocketAddress(LOOPBACK, listener.getLocalPort());
    this.process = process;
  }

  /**
   * Starts {@code command} for {@code host}, with {@code SSH_AUTH_SOCK} as in {@code environment},
   * its pumps on {@code workers}.
   *
   * @throws TransportException when the listener cannot be bound or the shell cannot be started
   */
  static ProxyCommandBridge start(
      String host, String command, Map<String, String> environment, ExecutorService workers)
      throws TransportException {
    ServerSocket listener = null;
    try {
      listener = new ServerSocket();
      listener.bind(new InetSocketAddress(LOOPBACK, 0), 1);
      ProcessBuilder builder = new ProcessBuilder(List.of("/bin/sh", "-c", "exec " + command));
      String agent = environment.get("SSH_AUTH_SOCK");
      if (agent == null) {
        builder.environment().remove("SSH_AUTH_SOCK");
      } else {
        builder.environment().put("SSH_AUTH_SOCK", agent);
      }
      ProxyCommandBridge bridge = new ProxyCommandBridge(host, command, listener, builder.start());
      workers.execute(bridge::drainStderr);
      workers.execute(() -> bridge.accept(workers));
      log.debug("{}: ProxyCommand started (pid {}): {}", host, bridge.process.pid(), command);
      return bridge;
    } catch (IOException e) {
      closeQuietly(listener);
      throw new TransportException.Failed(
          host, "proxy command failed", "cannot run ProxyCommand: " + e.getMessage(), e);
    }
  }

  /** Where MINA dials. */
  InetSocketAddress address() {
    return address;
  }

  /** {@code host:port} of {@link #address()}, as MINA reports the address a session dialled. */
  String dialled() {
    return address.getHostString() + ":" + address.getPort();
  }

  /**
   * Why the connection failed, called when it did, if the command is the cause: it had already
   * ended, or it fails within {@code grace}; with the tail of its stderr on one line. Null when it
   * runs on, or ends well only because the connection closed.
   */
  TransportException failure(Duration grace) throws InterruptedException {
    boolean endedFirst = !process.isAlive();
    if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)
        || (process.exitValue() == 0 && !endedFirst)) {
      return null;
    }
    stderrRead.await(1, TimeUnit.SECONDS);
    String tail;
    synchronized (stderr) {
      tail = String.join("; ", stderr);
    }
    if (tail.length() > STDERR_CHARS) {
      tail = "…" + tail.substring(tail.length() - STDERR_CHARS);
    }
    return new TransportException.Failed(
        host,
        "proxy command failed",
        "ProxyCommand exited with status "
            + process.exitValue()
            + (tail.isEmpty() ? " and printed nothing" : ": " + tail)
            + " ("
            + command
            + ")",
        null);
  }

  private void accept(ExecutorService workers) {
    try {
      Socket socket;
      try {
        socket = listener.accept();
      } finally {
        closeQuietly(listener);
      }
      connection = socket;
      workers.execute(() -> pump(process.getInputStream(), socket, true));
      pump(socket.getInputStream(), socket, false);
    } catch (IOException e) {
      log.debug("{}: ProxyCommand bridge ended: {}", host, e.toString());
      close();
    }
  }

  /**
   * Copies the command's stdout to the socket ({@code toSocket}) or the socket to the command's
   * stdin; when the source ends, the other side is closed so that it ends too.
   */
  private void pump(InputStream from, Socket socket, boolean toSocket) {
    try (from;
        OutputStream to = toSocket ? socket.getOutputStream() : process.getOutputStream()) {
      // The command's stdin is buffered: flush every chunk, or the handshake waits forever.
      byte[] buffer = new byte[32 * 1024];
      for (int n = from.read(buffer); n >= 0; n = from.read(buffer)) {
        to.write(buffer, 0, n);
        to.flush();
      }
    } catch (IOException e) {
      log.debug("{}: ProxyCommand stream ended: {}", host, e.toString());
    }
    if (toSocket) {
      closeQuietly(socket);
    }
  }

  private void drainStderr() {
    try (var reader =
        new BufferedReader(
            new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        if (line.isBlank()) {
          continue;
        }
        log.debug("{}: ProxyCommand: {}", host, line);
        synchronized (stderr) {
          stderr.addLast(line.strip());
          if (stderr.size() > STDERR_LINES) {
            stderr.removeFirst();
          }
        }
      }
    } catch (IOException e) {
      log.debug("{}: ProxyCommand stderr: {}", host, e.toString());
    } finally {
      stderrRead.countDown();
    }
  }

  /** Closes the sockets and ends the command (SIGTERM, then SIGKILL after 2 s); idempotent. */
  @Override
  public void close() {
    closeQuietly(listener);
    closeQuietly(connection);
    if (process.isAlive()) {
      process.destroy();
      try {
        if (!process.waitFor(2, TimeUnit.SECONDS)) {
          process.destroyForcibly();
        }
      } catch (InterruptedException e) {
        process.destroyForcibly();
        Thread.currentThread().interrupt();
      }
    }
  }

  private static void closeQuietly(Closeable closeable) {
    if (closeable == null) {
      return;
    }
    try {
      closeable.close();
    } catch (IOException e) {
      // already closed
    }
  }
}
