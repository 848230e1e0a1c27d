package org.herd.transport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one implementation of {@link Execution}, shared by every transport on top of a {@link
 * RawChannel}.
 *
 * <p>It reads the {@link WireCommand} protocol off the head of stderr (the process group id, then
 * for sudo the password prompt and the ready marker), keeps capped copies of the output, streams it
 * to the listener, feeds stdin, and turns timeouts and cancellation into a SIGKILL of the remote
 * process group followed, after a grace period, by closing the channel.
 *
 * <p>It is one (large) class on purpose: the protocol state, the sudo gate on stdin and the stop
 * logic share one lock and one state, and splitting them would spread that invariant.
 *
 * <pre>
 *   PID ──pid marker──▶ COMMAND                       (no sudo)
 *   PID ──pid marker──▶ BECOME ──ready──▶ COMMAND      (sudo; password sent on the first prompt,
 *                          └──second prompt / exit──▶ become failed)
 * </pre>
 */
final class ManagedExecution implements Execution {
  private static final Logger log = LoggerFactory.getLogger(ManagedExecution.class);

  /** How long a killed command may take to close its channel before herd closes it. */
  static final Duration KILL_GRACE = Duration.ofSeconds(2);

  /** How long a stopped command may take to report its process group before herd closes it. */
  static final Duration PID_WAIT = Duration.ofSeconds(30);

  /** Bytes of stderr searched for the pid marker before herd gives up on the protocol. */
  private static final int PREAMBLE_LIMIT = 1 << 20;

  private enum Phase {
    PID,
    BECOME,
    COMMAND
  }

  private enum Ending {
    TIMEOUT,
    CANCELLED,
    BECOME_REJECTED
  }

  private final ManagedSession session;
  private final RemoteCommand command;
  private final ExecOptions options;
  private final Become become;
  private final boolean killable;
  private final char[] password;
  private final Instant started;
  private final CompletableFuture<CommandResult> result = new CompletableFuture<>();
  private final CompletableFuture<Long> pgid = new CompletableFuture<>();
  private final CompletableFuture<Void> ready = new CompletableFuture<>();
  private final Object lock = new Object();
  private final CappedBuffer out;
  private final CappedBuffer err;
  private final ByteArrayOutputStream preamble = new ByteArrayOutputStream();
  private final OutputStream userStdin = new UserStdin();

  // Guarded by lock.
  private Phase phase = Phase.PID;
  private boolean passwordSent;
  private String becomeNoise = "";

  private volatile Ending ending;
  private volatile Signal lastSignal;
  private volatile RawChannel raw;
  private volatile ScheduledFuture<?> deadline;

  private ManagedExecution(
      ManagedSession session,
      RemoteCommand command,
      ExecOptions options,
      Become become,
      boolean killable) {
    this.session = session;
    this.command = command;
    this.options = options;
    this.become = become;
    this.killable = killable;
    this.password = become == Become.SUDO ? session.options().becomePassword() : null;
    this.started = session.options().clock().instant();
    this.out = new CappedBuffer(options.outputLimit());
    this.err = new CappedBuffer(options.outputLimit());
    if (password == null) {
      ready.complete(null);
    }
  }

  /**
   * Starts {@code command} over {@code opener}.
   *
   * @param killable whether stopping it kills its process group; false for herd's own {@code kill}
   *     commands, which are only closed, so a stuck kill never spawns another
   */
  static ManagedExecution start(
      ManagedSession session,
      RawChannel.Opener opener,
      RemoteCommand command,
      ExecOptions options,
      boolean killable)
      throws TransportException {
    Become become = options.become() != null ? options.become() : session.endpoint().become();
    ManagedExecution execution = new ManagedExecution(session, command, options, become, killable);
    String wire = WireCommand.build(command, become, execution.password != null);
    log.debug("{}: start {}", session.endpoint().name(), command);
    execution.raw = opener.open(wire, execution.new Sink());
    execution.afterOpen();
    return execution;
  }

  private void afterOpen() {
    if (options.timeout() != null) {
      deadline =
          session
              .scheduler()
              .schedule(
                  () -> stop(Ending.TIMEOUT), options.timeout().toNanos(), TimeUnit.NANOSECONDS);
    }
    ready.thenRun(this::feedStdin);
    raw.exit().whenComplete(this::finish);
  }

  @Override
  public RemoteCommand command() {
    return command;
  }

  @Override
  public OutputStream stdin() {
    return userStdin;
  }

  @Override
  public CompletableFuture<CommandResult> result() {
    return result;
  }

  @Override
  public void signal(Signal signal) throws TransportException, InterruptedException {
    Long group;
    try {
      group = pgid.get();
    } catch (ExecutionException e) {
      throw TransportException.unwrap(e.getCause(), command);
    }
    if (group == null || result.isDone()) {
      return;
    }
    lastSignal = signal;
    CommandResult killed =
        session.runKill(
            WireCommand.kill(group, signal),
            ExecOptions.defaults().withBecome(become).withTimeout(Duration.ofSeconds(30)));
    if (!killed.ok() && !result.isDone()) {
      log.debug("{}: kill -s {} failed: {}", host(), signal, killed.stderrText());
    }
  }

  @Override
  public void cancel() {
    stop(Ending.CANCELLED);
  }

  private String host() {
    return session.endpoint().name();
  }

  /** Ends the command for {@code why}: SIGKILL to its group, then close the channel. */
  private void stop(Ending why) {
    synchronized (lock) {
      if (result.isDone() || ending != null) {
        return;
      }
      ending = why;
    }
    log.debug("{}: stopping {} ({})", host(), command, why);
    // The channel is open, so the process group id is on its way (a loaded host can take
    // seconds to start a shell); kill the group once it is known, or close when the command ends.
    pgid.completeOnTimeout(null, PID_WAIT.toMillis(), TimeUnit.MILLISECONDS)
        .thenAcceptAsync(this::killGroup, session.workers());
  }

  private void killGroup(Long group) {
    if (group != null && !result.isDone()) {
      try {
        lastSignal = Signal.KILL;
        session.runKill(
            WireCommand.kill(group, Signal.KILL),
            ExecOptions.defaults().withBecome(become).withTimeout(KILL_GRACE.multipliedBy(5)));
      } catch (TransportException e) {
        log.debug("{}: kill failed: {}", host(), e.getMessage());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    if (!result.isDone()) {
      // A child that left the group may still hold the channel open; do not wait for it forever.
      session
          .scheduler()
          .schedule(raw::close, group == null ? 0 : KILL_GRACE.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  private void feedStdin() {
    Stdin stdin = options.stdin();
    if (stdin instanceof Stdin.Open) {
      return;
    }
    if (stdin instanceof Stdin.Empty) {
      closeQuietly(raw.stdin());
      return;
    }
    session.workers().execute(this::pumpStdin);
  }

  private void pumpStdin() {
    OutputStream target = raw.stdin();
    try (target) {
      if (options.stdin() instanceof Stdin.Bytes bytes) {
        target.write(bytes.bytes());
      } else if (options.stdin() instanceof Stdin.Stream stream) {
        try (InputStream source = stream.source().get()) {
          source.transferTo(target);
        }
      }
    } catch (IOException e) {
      // The command closed its stdin or ended; what it did not read is its own business.
      log.debug("{}: stdin: {}", host(), e.toString());
    }
  }

  private static void closeQuietly(OutputStream stream) {
    try {
      stream.close();
    } catch (IOException e) {
      log.trace("closing stdin", e);
    }
  }

  private void finish(RawChannel.Exit exit, Throwable failure) {
    ScheduledFuture<?> timer = deadline;
    if (timer != null) {
      timer.cancel(false);
    }
    CommandResult partial;
    boolean becameReady;
    synchronized (lock) {
      if (phase == Phase.PID) {
        // The protocol never started (no shell, or login refused): show what was printed.
        byte[] bytes = preamble.toByteArray();
        deliver(OutputListener.Stream.STDERR, bytes, 0, bytes.length);
      } else if (phase == Phase.BECOME) {
        becomeNoise = becomeNoise + preamble.toString(StandardCharsets.UTF_8);
      }
      becameReady = phase == Phase.COMMAND;
      partial = resultOf(exit);
    }
    pgid.complete(null);
    ready.completeExceptionally(new IOException("command ended"));
    if (failure != null) {
      result.completeExceptionally(
          new TransportException.Disconnected(host(), failure.toString(), partial, failure));
      return;
    }
    Ending why = ending;
    if (why == Ending.TIMEOUT) {
      result.completeExceptionally(
          new TransportException.CommandTimedOut(host(), options.timeout(), partial));
    } else if (why == Ending.CANCELLED) {
      result.completeExceptionally(new TransportException.Cancelled(host(), partial));
    } else if (why == Ending.BECOME_REJECTED) {
      result.completeExceptionally(
          new TransportException.BecomeFailed(
              host(), "sudo: incorrect password", "sudo rejected the become password"));
    } else if (exit.lostDetail() != null) {
      result.completeExceptionally(
          new TransportException.Disconnected(host(), exit.lostDetail(), partial, null));
    } else if (become == Become.SUDO && !becameReady) {
      String first = firstLine(becomeNoise);
      result.completeExceptionally(
          new TransportException.BecomeFailed(
              host(),
              first.isEmpty() ? "sudo failed" : first,
              "sudo failed (exit " + exit.exitCode() + "): " + becomeNoise.strip()));
    } else {
      result.complete(partial);
    }
  }

  private CommandResult resultOf(RawChannel.Exit exit) {
    Signal signal = exit.signal();
    int code = exit.exitCode();
    Signal sent = lastSignal;
    if (signal == null && sent != null && (code == 128 + sent.number() || code == 255)) {
      // local processes report 128+n; the openssh client reports 255 for a remote signal.
      signal = sent;
    }
    if (signal != null) {
      code = 128 + signal.number();
    }
    Duration duration = Duration.between(started, session.options().clock().instant());
    return new CommandResult(
        code,
        signal,
        out.toByteArray(),
        err.toByteArray(),
        out.truncated(),
        err.truncated(),
        duration);
  }

  private static String firstLine(String text) {
    String stripped = text.strip();
    int newline = stripped.indexOf('\n');
    return newline < 0 ? stripped : stripped.substring(0, newline).strip();
  }

  // Called with lock held.
  private void deliver(OutputListener.Stream stream, byte[] bytes, int offset, int length) {
    if (length == 0) {
      return;
    }
    (stream == OutputListener.Stream.STDOUT ? out : err).append(bytes, offset, length);
    try {
      options.listener().output(stream, bytes, offset, length);
    } catch (RuntimeException e) {
      // A broken listener loses its live view; the command and its kept output go on.
      log.warn("{}: output listener failed: {}", host(), e.toString());
    }
  }

  // Called with lock held: advances the stderr protocol with what preamble holds.
  private void parsePreamble() {
    byte[] bytes = preamble.toByteArray();
    String text = new String(bytes, StandardCharsets.ISO_8859_1);
    if (phase == Phase.PID) {
      int start = text.indexOf(WireCommand.PID_PREFIX);
      int end = start < 0 ? -1 : text.indexOf(WireCommand.PID_SUFFIX, start);
      if (end < 0) {
        if (bytes.length > PREAMBLE_LIMIT) {
          phase = Phase.COMMAND;
          preamble.reset();
          deliver(OutputListener.Stream.STDERR, bytes, 0, bytes.length);
        }
        return;
      }
      long pid = Long.parseLong(text.substring(start + WireCommand.PID_PREFIX.length(), end));
      deliver(OutputListener.Stream.STDERR, bytes, 0, start);
      int rest = end + WireCommand.PID_SUFFIX.length();
      preamble.reset();
      pgid.complete(pid);
      if (become == Become.NONE) {
        phase = Phase.COMMAND;
        deliver(OutputListener.Stream.STDERR, bytes, rest, bytes.length - rest);
        return;
      }
      phase = Phase.BECOME;
      preamble.write(bytes, rest, bytes.length - rest);
      bytes = preamble.toByteArray();
      text = new String(bytes, StandardCharsets.ISO_8859_1);
    }
    while (phase == Phase.BECOME) {
      int prompt = text.indexOf(WireCommand.SUDO_PROMPT);
      int readyAt = text.indexOf(WireCommand.READY);
      if (prompt >= 0 && (readyAt < 0 || prompt < readyAt)) {
        becomeNoise += text.substring(0, prompt);
        text = text.substring(prompt + WireCommand.SUDO_PROMPT.length());
        if (passwordSent || password == null) {
          // sudo asks again: the password was wrong. The command never started, so there is
          // nothing to kill; end-of-file makes sudo give up, and the channel is closed anyway.
          ending = Ending.BECOME_REJECTED;
          preamble.reset();
          closeQuietly(raw.stdin());
          session.scheduler().schedule(raw::close, KILL_GRACE.toMillis(), TimeUnit.MILLISECONDS);
          return;
        }
        passwordSent = true;
        sendPassword();
        continue;
      }
      preamble.reset();
      if (readyAt < 0) {
        preamble.writeBytes(text.getBytes(StandardCharsets.ISO_8859_1));
        return;
      }
      // What sudo said before the command (a lecture, "Sorry, try again") is sudo's, not ours.
      becomeNoise += text.substring(0, readyAt);
      phase = Phase.COMMAND;
      byte[] after =
          text.substring(readyAt + WireCommand.READY.length())
              .getBytes(StandardCharsets.ISO_8859_1);
      deliver(OutputListener.Stream.STDERR, after, 0, after.length);
      ready.complete(null);
    }
  }

  private void sendPassword() {
    byte[] secret = new String(password).concat("\n").getBytes(StandardCharsets.UTF_8);
    try {
      OutputStream stdin = raw.stdin();
      stdin.write(secret);
      stdin.flush();
    } catch (IOException e) {
      log.debug("{}: could not send the become password: {}", host(), e.toString());
    } finally {
      Arrays.fill(secret, (byte) 0);
    }
  }

  /** Raw output from the transport. */
  private final class Sink implements RawChannel.Sink {
    @Override
    public void stdout(byte[] bytes, int offset, int length) {
      synchronized (lock) {
        deliver(OutputListener.Stream.STDOUT, bytes, offset, length);
      }
    }

    @Override
    public void stderr(byte[] bytes, int offset, int length) {
      synchronized (lock) {
        if (phase == Phase.COMMAND) {
          deliver(OutputListener.Stream.STDERR, bytes, offset, length);
        } else {
          preamble.write(bytes, offset, length);
          parsePreamble();
        }
      }
    }
  }

  /** The stdin handed to callers of {@link Stdin#open()}: waits for sudo, then writes through. */
  private final class UserStdin extends OutputStream {
    private OutputStream target() throws IOException {
      if (!(options.stdin() instanceof Stdin.Open)) {
        throw new IOException("stdin is fed by the transport (use Stdin.open() to write it)");
      }
      try {
        ready.get(1, TimeUnit.DAYS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while waiting for sudo", e);
      } catch (ExecutionException | TimeoutException e) {
        throw new IOException("the command has ended", e);
      }
      return raw.stdin();
    }

    @Override
    public void write(int b) throws IOException {
      target().write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      target().write(b, off, len);
    }

    @Override
    public void flush() throws IOException {
      target().flush();
    }

    @Override
    public void close() throws IOException {
      if (options.stdin() instanceof Stdin.Open && !result.isDone()) {
        target().close();
      }
    }
  }
}
