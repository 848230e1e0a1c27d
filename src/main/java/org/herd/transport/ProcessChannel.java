package org.herd.transport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * A {@link RawChannel} over a local process: the {@code local} transport's command itself, or the
 * {@code ssh} client of the {@code openssh} transport. Two worker threads copy its stdout and
 * stderr to the sink; the exit completes once the process ended and both streams are drained.
 */
final class ProcessChannel implements RawChannel {
  private final Process process;
  private final CompletableFuture<Exit> exit = new CompletableFuture<>();

  private ProcessChannel(Process process) {
    this.process = process;
  }

  /**
   * Starts {@code command} and copies its output to {@code sink}.
   *
   * @param exitMapper turns the process's exit code into the channel's {@link Exit}
   */
  static ProcessChannel start(
      List<String> command,
      Sink sink,
      Executor workers,
      java.util.function.IntFunction<Exit> exitMapper)
      throws IOException {
    Process process = new ProcessBuilder(command).start();
    ProcessChannel channel = new ProcessChannel(process);
    CompletableFuture<Void> out =
        CompletableFuture.runAsync(() -> copy(process.getInputStream(), sink, false), workers);
    CompletableFuture<Void> err =
        CompletableFuture.runAsync(() -> copy(process.getErrorStream(), sink, true), workers);
    CompletableFuture.allOf(out, err)
        .thenCompose(done -> process.onExit())
        .whenComplete(
            (ended, failure) -> {
              if (failure != null) {
                channel.exit.complete(Exit.lost(failure.toString()));
              } else {
                channel.exit.complete(exitMapper.apply(ended.exitValue()));
              }
            });
    return channel;
  }

  private static void copy(InputStream stream, Sink sink, boolean stderr) {
    byte[] buffer = new byte[32 << 10];
    try (stream) {
      int read;
      while ((read = stream.read(buffer)) >= 0) {
        if (stderr) {
          sink.stderr(buffer, 0, read);
        } else {
          sink.stdout(buffer, 0, read);
        }
      }
    } catch (IOException e) {
      // The process was destroyed; its exit tells what happened.
    }
  }

  @Override
  public OutputStream stdin() {
    return process.getOutputStream();
  }

  @Override
  public CompletableFuture<Exit> exit() {
    return exit;
  }

  @Override
  public void close() {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
  }

  /** The local process, for transports that look at it (pid, liveness). */
  Process process() {
    return process;
  }
}
