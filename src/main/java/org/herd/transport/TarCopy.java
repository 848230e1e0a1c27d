package org.herd.transport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Copies files and directories by streaming GNU {@code tar} over an exec channel.
 *
 * <p>Why tar rather than SCP or SFTP: it runs over the same {@link Session#start} every transport
 * has, so {@code ssh}, {@code openssh} and {@code local} copy the same way and pass the same tests;
 * it goes through {@link Become#SUDO} like any command, so files can be written where only root may
 * (SCP and SFTP cannot sudo); it keeps directories, symlinks, modes and times in one stream with no
 * round trip per file; and it needs no extra library. The cost: GNU tar on both ends (every Debian
 * host has it).
 *
 * <p>Upload semantics follow {@code scp -r}: into {@code remotePath} when it is a directory,
 * otherwise as {@code remotePath} (extracted next to it in a temporary directory, then renamed, so
 * a half-written copy is never visible under the final name).
 */
final class TarCopy {

  private static final long KEPT_OUTPUT = 64 << 10;

  private static final String UPLOAD_SCRIPT =
      String.join(
          "\n",
          "t=$1 n=$2",
          "if [ \"$3\" = p ]; then set -- -p; else set -- -m --no-same-permissions; fi",
          "if [ -d \"$t\" ]; then exec tar -x --no-same-owner \"$@\" -C \"$t\" -f -; fi",
          "tmp=$(mktemp -d \"$(dirname -- \"$t\")/.herd-copy.XXXXXX\") || exit 1",
          "tar -x --no-same-owner \"$@\" -C \"$tmp\" -f - && mv -f -- \"$tmp/$n\" \"$t\"",
          "rc=$?",
          "rm -rf -- \"$tmp\"",
          "exit $rc");

  private TarCopy() {}

  static void upload(ManagedSession session, Path local, String remotePath, boolean preserve)
      throws TransportException, InterruptedException {
    String host = session.endpoint().name();
    Path source = local.toAbsolutePath().normalize();
    if (!Files.exists(source, LinkOption.NOFOLLOW_LINKS)) {
      throw new TransportException.CopyFailed(host, local + ": no such file or directory", null);
    }
    if (source.getParent() == null) {
      throw new TransportException.CopyFailed(host, "cannot copy /", null);
    }
    String name = source.getFileName().toString();
    LocalTar tar =
        LocalTar.start(
            session,
            List.of("tar", "-C", source.getParent().toString(), "-cf", "-", "--", name),
            true);
    RemoteCommand extract =
        RemoteCommand.of(
            "/bin/sh", "-c", UPLOAD_SCRIPT, "sh", remotePath, name, preserve ? "p" : "");
    CommandResult result;
    try {
      result =
          session.run(
              extract,
              ExecOptions.defaults()
                  .withOutputLimit(KEPT_OUTPUT)
                  .withStdin(Stdin.from(tar.process()::getInputStream)));
    } catch (TransportException | RuntimeException e) {
      tar.process().destroyForcibly();
      throw e;
    }
    int localStatus = tar.await();
    if (!result.ok()) {
      throw new TransportException.CopyFailed(
          host, remotePath + ": " + firstLine(result.stderrText(), result.exitCode()), null);
    }
    if (localStatus != 0) {
      throw new TransportException.CopyFailed(host, "local tar: " + tar.errors(), null);
    }
  }

  static void download(
      ManagedSession session, String remotePath, Path localTarget, boolean preserve)
      throws TransportException, InterruptedException {
    String host = session.endpoint().name();
    String path = remotePath;
    while (path.length() > 1 && path.endsWith("/")) {
      path = path.substring(0, path.length() - 1);
    }
    int slash = path.lastIndexOf('/');
    String name = path.substring(slash + 1);
    if (name.isEmpty() || name.equals(".") || name.equals("..")) {
      throw new TransportException.CopyFailed(host, "cannot copy " + remotePath + " by name", null);
    }
    String directory = slash < 0 ? "." : slash == 0 ? "/" : path.substring(0, slash);
    Path target = localTarget.toAbsolutePath().normalize();
    Path staging;
    try {
      staging = Files.createTempDirectory(target.getParent(), ".herd-copy");
    } catch (IOException e) {
      throw new TransportException.CopyFailed(host, target.getParent() + ": " + e, e);
    }
    try {
      List<String> extract = new ArrayList<>(List.of("tar", "-x", "--no-same-owner"));
      extract.addAll(preserve ? List.of("-p") : List.of("-m", "--no-same-permissions"));
      extract.addAll(List.of("-C", staging.toString(), "-f", "-"));
      LocalTar tar = LocalTar.start(session, extract, false);
      OutputStream sink = tar.process().getOutputStream();
      TarFeed feed = new TarFeed(sink);
      CommandResult result =
          session.run(
              RemoteCommand.of("tar", "-C", directory, "-cf", "-", "--", name),
              ExecOptions.defaults().withOutputLimit(KEPT_OUTPUT).withListener(feed));
      feed.close();
      int localStatus = tar.await();
      if (!result.ok()) {
        throw new TransportException.CopyFailed(
            host, remotePath + ": " + firstLine(result.stderrText(), result.exitCode()), null);
      }
      if (localStatus != 0 || feed.failure != null) {
        throw new TransportException.CopyFailed(
            host, "local tar: " + tar.errors() + (feed.failure == null ? "" : feed.failure), null);
      }
      deleteRecursively(target);
      Files.move(staging.resolve(name), target);
    } catch (TransportException e) {
      throw e;
    } catch (IOException | UncheckedIOException e) {
      throw new TransportException.CopyFailed(host, target + ": " + e.getMessage(), e);
    } finally {
      try {
        deleteRecursively(staging);
      } catch (IOException e) {
        // Left behind in the target's directory as .herd-copy*; harmless and visible.
      }
    }
  }

  private static String firstLine(String text, int exitCode) {
    String stripped = text.strip();
    if (stripped.isEmpty()) {
      return "exit code " + exitCode;
    }
    int newline = stripped.indexOf('\n');
    return newline < 0 ? stripped : stripped.substring(0, newline);
  }

  /** Deletes a file or a tree without following symbolic links; nothing when it is absent. */
  static void deleteRecursively(Path path) throws IOException {
    if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    Files.walkFileTree(
        path,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
              throws IOException {
            Files.delete(file);
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
            if (exc != null) {
              throw exc;
            }
            Files.delete(dir);
            return FileVisitResult.CONTINUE;
          }
        });
  }

  /** Writes the remote tar stream into the local tar; remembers the first write failure. */
  private static final class TarFeed implements OutputListener {
    private final OutputStream sink;
    private volatile String failure;

    TarFeed(OutputStream sink) {
      this.sink = sink;
    }

    @Override
    public void output(Stream stream, byte[] bytes, int offset, int length) {
      if (stream != Stream.STDOUT || failure != null) {
        return;
      }
      try {
        sink.write(bytes, offset, length);
      } catch (IOException e) {
        failure = e.toString();
      }
    }

    void close() {
      try {
        sink.close();
      } catch (IOException e) {
        if (failure == null) {
          failure = e.toString();
        }
      }
    }
  }

  /** A local tar process whose stderr is collected in the background. */
  private record LocalTar(Process process, CompletableFuture<String> stderr) {
    static LocalTar start(ManagedSession session, List<String> command, boolean creates)
        throws TransportException {
      try {
        ProcessBuilder builder = new ProcessBuilder(command);
        if (creates) {
          builder.redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        } else {
          builder.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        }
        Process process = builder.start();
        CompletableFuture<String> stderr =
            CompletableFuture.supplyAsync(
                () -> readAll(process.getErrorStream()), session.workers());
        return new LocalTar(process, stderr);
      } catch (IOException e) {
        throw new TransportException.CopyFailed(
            session.endpoint().name(), "cannot run local tar: " + e.getMessage(), e);
      }
    }

    private static String readAll(InputStream stream) {
      try (stream) {
        return new String(stream.readAllBytes(), StandardCharsets.UTF_8).strip();
      } catch (IOException e) {
        return e.toString();
      }
    }

    int await() throws InterruptedException {
      return process.waitFor();
    }

    String errors() {
      return stderr.join();
    }
  }
}
