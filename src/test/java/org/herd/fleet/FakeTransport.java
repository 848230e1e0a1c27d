package org.herd.fleet;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.herd.transport.CommandResult;
import org.herd.transport.Endpoint;
import org.herd.transport.ExecOptions;
import org.herd.transport.Execution;
import org.herd.transport.OutputListener;
import org.herd.transport.RemoteCommand;
import org.herd.transport.Session;
import org.herd.transport.Signal;
import org.herd.transport.Transport;
import org.herd.transport.TransportException;
import org.herd.transport.TransportKind;

/**
 * A transport whose hosts do what the test says: fail to connect with a given exception, or run
 * commands that stay pending until the test finishes them. Counts what the fan-out does with it.
 */
final class FakeTransport implements Transport {

  /** Decides, per host, whether it connects: null to connect, else the failure. */
  private final Function<String, TransportException> connectFailure;

  final BlockingQueue<FakeExecution> started = new LinkedBlockingQueue<>();
  final Map<String, AtomicInteger> opens = new ConcurrentHashMap<>();
  final AtomicInteger closes = new AtomicInteger();
  final AtomicInteger inFlight = new AtomicInteger();
  final AtomicInteger maxInFlight = new AtomicInteger();

  FakeTransport(Function<String, TransportException> connectFailure) {
    this.connectFailure = connectFailure;
  }

  FakeTransport() {
    this(host -> null);
  }

  /** The next command started, waiting at most 10 s (a hang is a failure, not a timing test). */
  FakeExecution nextStarted() throws InterruptedException {
    FakeExecution execution = started.poll(10, TimeUnit.SECONDS);
    if (execution == null) {
      throw new AssertionError("no command was started");
    }
    return execution;
  }

  @Override
  public TransportKind kind() {
    return TransportKind.LOCAL;
  }

  @Override
  public Session open(Endpoint endpoint) throws TransportException {
    opens.computeIfAbsent(endpoint.name(), k -> new AtomicInteger()).incrementAndGet();
    TransportException failure = connectFailure.apply(endpoint.name());
    if (failure != null) {
      throw failure;
    }
    return new FakeSession(endpoint);
  }

  @Override
  public void close() {}

  final class FakeSession implements Session {
    private final Endpoint endpoint;
    private volatile boolean open = true;

    FakeSession(Endpoint endpoint) {
      this.endpoint = endpoint;
    }

    @Override
    public Endpoint endpoint() {
      return endpoint;
    }

    @Override
    public Execution start(RemoteCommand command, ExecOptions options) {
      int now = inFlight.incrementAndGet();
      maxInFlight.accumulateAndGet(now, Math::max);
      FakeExecution execution =
          new FakeExecution(endpoint.name(), command, options, inFlight::decrementAndGet);
      started.add(execution);
      return execution;
    }

    @Override
    public void upload(Path local, String remotePath, boolean preserve) {}

    @Override
    public void download(String remotePath, Path localTarget, boolean preserve) {}

    @Override
    public boolean isOpen() {
      return open;
    }

    @Override
    public void close() {
      open = false;
      closes.incrementAndGet();
    }
  }

  /** A command that runs until the test says how it ends. */
  static final class FakeExecution implements Execution {
    final String host;
    final RemoteCommand command;
    final ExecOptions options;
    final CompletableFuture<CommandResult> result = new CompletableFuture<>();
    private final java.util.concurrent.CountDownLatch cancelled =
        new java.util.concurrent.CountDownLatch(1);

    private final Runnable onEnd;

    FakeExecution(String host, RemoteCommand command, ExecOptions options, Runnable onEnd) {
      this.onEnd = onEnd;
      this.host = host;
      this.command = command;
      this.options = options;
    }

    /** Writes a chunk to the listener, as the transport would. */
    FakeExecution print(OutputListener.Stream stream, String chunk) {
      byte[] bytes = chunk.getBytes(StandardCharsets.UTF_8);
      options.listener().output(stream, bytes, 0, bytes.length);
      return this;
    }

    FakeExecution print(String chunk) {
      return print(OutputListener.Stream.STDOUT, chunk);
    }

    /**
     * Whether the fan-out cancelled this command within 10 s (it may do so just after the run
     * reported every host, from the thread that started the command).
     */
    boolean cancelled() throws InterruptedException {
      return cancelled.await(10, TimeUnit.SECONDS);
    }

    void exit(int code) {
      exit(code, null);
    }

    void exit(int code, Signal signal) {
      onEnd.run();
      result.complete(
          new CommandResult(
              code, signal, new byte[0], new byte[0], false, false, Duration.ofMillis(1)));
    }

    void fail(TransportException failure) {
      onEnd.run();
      result.completeExceptionally(failure);
    }

    @Override
    public RemoteCommand command() {
      return command;
    }

    @Override
    public OutputStream stdin() {
      return OutputStream.nullOutputStream();
    }

    @Override
    public void signal(Signal signal) {}

    @Override
    public void cancel() {
      cancelled.countDown();
      if (!result.isDone()) {
        onEnd.run();
      }
      result.completeExceptionally(new TransportException.Cancelled(host, null));
    }

    @Override
    public CompletableFuture<CommandResult> result() {
      return result;
    }
  }
}
