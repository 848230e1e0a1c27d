package org.herd.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The behaviour every {@link Transport} must have, written once and run against each implementation
 * by a subclass that provides the transport and an endpoint.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class TransportContract {

  private Transport transport;
  private Session session;

  /** Creates the transport under test (called once per class, after {@link #setUpHost()}). */
  protected abstract Transport createTransport() throws Exception;

  /** The endpoint of the host to test against. */
  protected abstract Endpoint endpoint();

  /** Starts whatever the transport talks to (a server); nothing by default. */
  protected void setUpHost() throws Exception {}

  /** Stops what {@link #setUpHost()} started. */
  protected void tearDownHost() throws Exception {}

  /**
   * How many connections (handshakes) the host has accepted so far, or -1 when the transport has no
   * connections (local).
   */
  protected long connectionCount() throws Exception {
    return -1;
  }

  @BeforeAll
  void openSession() throws Exception {
    setUpHost();
    transport = createTransport();
    session = transport.open(endpoint());
  }

  @AfterAll
  void closeTransport() throws Exception {
    try {
      if (transport != null) {
        transport.close();
      }
    } finally {
      tearDownHost();
    }
  }

  protected Session session() {
    return session;
  }

  protected Transport transport() {
    return transport;
  }

  private CommandResult run(String line) throws Exception {
    return session.run(RemoteCommand.shell(line), ExecOptions.defaults());
  }

  @Test
  void runsACommand() throws Exception {
    CommandResult result = run("echo hello");

    assertThat(result.exitCode()).isZero();
    assertThat(result.ok()).isTrue();
    assertThat(result.stdoutText()).isEqualTo("hello\n");
    assertThat(result.stderr()).isEmpty();
  }

  @Test
  void reportsANonZeroExitCode() throws Exception {
    CommandResult result = run("echo partial; exit 3");

    assertThat(result.exitCode()).isEqualTo(3);
    assertThat(result.ok()).isFalse();
    assertThat(result.signal()).isNull();
    assertThat(result.stdoutText()).isEqualTo("partial\n");
  }

  @Test
  void runsTheLineAsShDashCWould() throws Exception {
    CommandResult result = run("echo \"[$0][$#][$1]\"; f() { echo \"f:$1\"; }; f x\necho two");

    assertThat(result.exitCode()).isZero();
    assertThat(result.stdoutText()).isEqualTo("[sh][0][]\nf:x\ntwo\n");
  }

  @Test
  void reportsASyntaxErrorAsTheShellDoes() throws Exception {
    CommandResult result = run("echo never; if then");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.stdoutText()).isEmpty();
    assertThat(result.stderrText()).containsIgnoringCase("syntax error");
  }

  @Test
  void keepsStdoutAndStderrApart() throws Exception {
    CommandResult result = run("echo out1; echo err1 >&2; echo out2; echo err2 >&2");

    assertThat(result.stdoutText()).isEqualTo("out1\nout2\n");
    assertThat(result.stderrText()).isEqualTo("err1\nerr2\n");
  }

  @Test
  void passesArgumentsExactly() throws Exception {
    String word = "it's $HOME `id` \"q\" \\ * ; | & \n été 🐑 -n";

    CommandResult result =
        session.run(RemoteCommand.of("printf", "%s", word), ExecOptions.defaults());

    assertThat(result.stdoutText()).isEqualTo(word);
  }

  @Test
  void forwardsStdinBytes() throws Exception {
    byte[] input = "line one\nline two\n".getBytes(StandardCharsets.UTF_8);

    CommandResult result =
        session.run(RemoteCommand.of("cat"), ExecOptions.defaults().withStdin(Stdin.of(input)));

    assertThat(result.stdout()).isEqualTo(input);
  }

  @Test
  void streamsStdinWrittenByTheCaller() throws Exception {
    Execution execution =
        session.start(RemoteCommand.shell("wc -c"), ExecOptions.defaults().withStdin(Stdin.open()));
    try (OutputStream stdin = execution.stdin()) {
      for (int i = 0; i < 1000; i++) {
        stdin.write(new byte[1000]);
      }
    }

    CommandResult result = execution.await();

    assertThat(result.stdoutText().strip()).isEqualTo("1000000");
  }

  @Test
  void givesEndOfFileOnStdinByDefault() throws Exception {
    CommandResult result = run("cat; echo done");

    assertThat(result.stdoutText()).isEqualTo("done\n");
  }

  @Test
  void streamsAHundredMegabytesAndKeepsOnlyTheCap() throws Exception {
    AtomicLong streamed = new AtomicLong();
    AtomicLong nonZero = new AtomicLong();
    OutputListener counter =
        (stream, bytes, offset, length) -> {
          if (stream == OutputListener.Stream.STDOUT) {
            streamed.addAndGet(length);
            for (int i = offset; i < offset + length; i++) {
              if (bytes[i] != 0) {
                nonZero.incrementAndGet();
              }
            }
          }
        };

    CommandResult result =
        session.run(
            RemoteCommand.shell("head -c 100000000 /dev/zero"),
            ExecOptions.defaults().withOutputLimit(1 << 20).withListener(counter));

    assertThat(streamed.get()).isEqualTo(100_000_000L);
    assertThat(nonZero.get()).isZero();
    assertThat(result.stdout()).hasSize(1 << 20);
    assertThat(result.stdoutTruncated()).isTrue();
    assertThat(result.stderrTruncated()).isFalse();
  }

  @Test
  void keepsOutputUnderTheCapWhole() throws Exception {
    CommandResult result =
        session.run(
            RemoteCommand.shell("head -c 5000 /dev/zero"),
            ExecOptions.defaults().withOutputLimit(5000));

    assertThat(result.stdout()).hasSize(5000);
    assertThat(result.stdoutTruncated()).isFalse();
  }

  @Test
  void returnsBinaryOutputByteForByte() throws Exception {
    byte[] all = new byte[256 * 64];
    for (int i = 0; i < all.length; i++) {
      all[i] = (byte) (i * 7 + i / 256);
    }
    CommandResult echoed =
        session.run(RemoteCommand.of("cat"), ExecOptions.defaults().withStdin(Stdin.of(all)));
    CommandResult printed = run("printf '\\377\\376\\000\\001\\351t\\351\\n'; printf '\\200' >&2");

    assertThat(echoed.stdout()).isEqualTo(all);
    assertThat(printed.stdout())
        .isEqualTo(
            new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1, (byte) 0xe9, 't', (byte) 0xe9, '\n'});
    assertThat(printed.stderr()).isEqualTo(new byte[] {(byte) 0x80});
  }

  @Test
  void killsTheWholeCommandWhenItTimesOut() throws Exception {
    String tag = uniqueSleep();
    Execution execution =
        session.start(
            RemoteCommand.shell("echo started; sleep " + tag + " | sleep " + tag + "; echo never"),
            ExecOptions.defaults().withTimeout(Duration.ofSeconds(1)));

    assertThatThrownBy(execution::await)
        .isInstanceOfSatisfying(
            TransportException.CommandTimedOut.class,
            e -> {
              assertThat(e.reason()).isEqualTo("command timeout");
              // Whether "started" arrived before the deadline depends on the load; never "never".
              assertThat(e.partial().stdoutText()).isIn("", "started\n");
            });
    assertNoProcessRuns(tag);
  }

  @Test
  void deliversSignalsToTheCommand() throws Exception {
    CompletableFuture<Void> ready = new CompletableFuture<>();
    Execution execution =
        session.start(
            RemoteCommand.shell(
                "trap 'echo got-term; exit 7' TERM; echo ready; while :; do sleep 0.1; done"),
            ExecOptions.defaults()
                .withTimeout(Duration.ofMinutes(2))
                .withListener(
                    (stream, bytes, offset, length) -> {
                      if (new String(bytes, offset, length, StandardCharsets.UTF_8)
                          .contains("ready")) {
                        ready.complete(null);
                      }
                    }));
    ready.get();

    execution.signal(Signal.TERM);
    CommandResult result = execution.await();

    assertThat(result.exitCode()).isEqualTo(7);
    assertThat(result.stdoutText()).isEqualTo("ready\ngot-term\n");
  }

  @Test
  void reportsTheSignalThatKilledTheCommand() throws Exception {
    CompletableFuture<Void> ready = new CompletableFuture<>();
    String tag = uniqueSleep();
    Execution execution =
        session.start(
            RemoteCommand.shell("echo ready; exec sleep " + tag),
            ExecOptions.defaults()
                .withTimeout(Duration.ofMinutes(2))
                .withListener((stream, bytes, offset, length) -> ready.complete(null)));
    ready.get();

    execution.signal(Signal.TERM);
    CommandResult result = execution.await();

    assertThat(result.signal()).isEqualTo(Signal.TERM);
    assertThat(result.exitCode()).isEqualTo(128 + 15);
    assertNoProcessRuns(tag);
  }

  @Test
  void cancelsACommand() throws Exception {
    CompletableFuture<Void> ready = new CompletableFuture<>();
    String tag = uniqueSleep();
    Execution execution =
        session.start(
            RemoteCommand.shell("echo ready; sleep " + tag + "; echo never"),
            ExecOptions.defaults()
                .withTimeout(Duration.ofMinutes(2))
                .withListener((stream, bytes, offset, length) -> ready.complete(null)));
    ready.get();

    execution.cancel();

    assertThatThrownBy(execution::await)
        .isInstanceOfSatisfying(
            TransportException.Cancelled.class,
            e -> assertThat(e.partial().stdoutText()).isEqualTo("ready\n"));
    assertNoProcessRuns(tag);
  }

  @Test
  void runsManyCommandsOnOneConnection() throws Exception {
    long before = connectionCount();
    for (int i = 0; i < 5; i++) {
      assertThat(run("echo " + i).stdoutText()).isEqualTo(i + "\n");
    }
    Execution[] parallel = new Execution[5];
    for (int i = 0; i < parallel.length; i++) {
      parallel[i] = session.start(RemoteCommand.shell("echo p" + i), ExecOptions.defaults());
    }
    for (int i = 0; i < parallel.length; i++) {
      assertThat(parallel[i].await().stdoutText()).isEqualTo("p" + i + "\n");
    }

    assertThat(transport.open(endpoint())).isSameAs(session);
    assertThat(connectionCount()).isEqualTo(before);
  }

  @Test
  void uploadsAndDownloadsAFileKeepingItsMode(@TempDir Path local) throws Exception {
    Path remote = Path.of(run("mktemp -d").stdoutText().strip());
    try {
      Path file = local.resolve("tool.sh");
      Files.writeString(file, "#!/bin/sh\necho tool\n");
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-x---"));
      Files.setLastModifiedTime(file, FileTime.from(Instant.parse("2020-01-02T03:04:05Z")));

      session.upload(file, remote.toString(), true);
      CommandResult listed = run("cd " + remote + " && stat -c '%n %a %Y' tool.sh && ./tool.sh");
      session.upload(file, remote.resolve("renamed.sh").toString(), false);
      CommandResult renamed = run("cat " + remote + "/renamed.sh");
      Path back = local.resolve("tool.sh.host");
      session.download(remote.resolve("tool.sh").toString(), back, true);

      assertThat(listed.stdoutText()).isEqualTo("tool.sh 750 1577934245\ntool\n");
      assertThat(renamed.stdoutText()).isEqualTo("#!/bin/sh\necho tool\n");
      assertThat(Files.readString(back)).isEqualTo("#!/bin/sh\necho tool\n");
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(back)))
          .isEqualTo("rwxr-x---");
      assertThat(Files.getLastModifiedTime(back).toInstant())
          .isEqualTo(Instant.parse("2020-01-02T03:04:05Z"));
    } finally {
      run("rm -rf " + RemoteCommand.quote(remote.toString()));
    }
  }

  @Test
  void copiesDirectoriesBothWays(@TempDir Path local) throws Exception {
    Path remote = Path.of(run("mktemp -d").stdoutText().strip());
    try {
      Path tree = local.resolve("conf");
      Files.createDirectories(tree.resolve("sub dir"));
      Files.writeString(tree.resolve("a.txt"), "a");
      Files.write(tree.resolve("sub dir").resolve("b.bin"), new byte[] {0, (byte) 0xff, 10});
      Files.setPosixFilePermissions(
          tree.resolve("a.txt"), PosixFilePermissions.fromString("rw-------"));
      Files.createSymbolicLink(tree.resolve("link"), Path.of("a.txt"));

      session.upload(tree, remote.toString() + "/", true);
      CommandResult listed =
          run(
              "cd "
                  + remote
                  + "/conf && stat -c '%n %a' a.txt && readlink link && od -An -tx1 'sub dir/b.bin'");
      Path back = local.resolve("conf.host");
      Files.createDirectories(back.resolve("stale"));
      session.download(remote + "/conf/", back, false);

      assertThat(listed.stdoutText()).isEqualTo("a.txt 600\na.txt\n 00 ff 0a\n");
      assertThat(Files.readString(back.resolve("a.txt"))).isEqualTo("a");
      assertThat(Files.readAllBytes(back.resolve("sub dir").resolve("b.bin")))
          .isEqualTo(new byte[] {0, (byte) 0xff, 10});
      assertThat(Files.readSymbolicLink(back.resolve("link"))).isEqualTo(Path.of("a.txt"));
      assertThat(back.resolve("stale")).doesNotExist();
    } finally {
      run("rm -rf " + RemoteCommand.quote(remote.toString()));
    }
  }

  @Test
  void reportsAFailedCopy(@TempDir Path local) throws Exception {
    Path file = Files.writeString(local.resolve("f"), "x");

    assertThatThrownBy(() -> session.upload(file, "/nonexistent-dir/sub/f", false))
        .isInstanceOfSatisfying(
            TransportException.CopyFailed.class,
            e -> assertThat(e.getMessage()).contains("/nonexistent-dir/sub/f"));
    assertThatThrownBy(() -> session.download("/nonexistent-file", local.resolve("g"), false))
        .isInstanceOf(TransportException.CopyFailed.class)
        .hasMessageContaining("nonexistent-file");
    assertThat(local.resolve("g")).doesNotExist();
  }

  /** A sleep duration no other process uses, to find this test's processes by name. */
  private static String uniqueSleep() {
    return "30" + ThreadLocalRandom.current().nextInt(10_000, 99_999);
  }

  private void assertNoProcessRuns(String sleepTag) throws Exception {
    // The kill is sent before the result completes, but the kernel reaps asynchronously: poll.
    String pattern = "[s]leep " + sleepTag;
    CommandResult result = null;
    for (int i = 0; i < 100; i++) {
      result =
          session.run(
              RemoteCommand.of("pgrep", "-f", "-a", pattern),
              ExecOptions.defaults().withBecome(null));
      if (result.exitCode() == 1) {
        return;
      }
      Thread.sleep(50);
    }
    assertThat(result.stdoutText() + result.stderrText()).as("processes left running").isEmpty();
    assertThat(result.exitCode()).as("pgrep exit code (1: no process)").isEqualTo(1);
  }
}
