package org.herd.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.herd.Prerequisites.require;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.herd.journal.RunId;
import org.herd.transport.CommandResult;
import org.herd.transport.Endpoint;
import org.herd.transport.ExecOptions;
import org.herd.transport.RemoteCommand;
import org.herd.transport.Session;
import org.herd.transport.Transport;
import org.herd.transport.TransportKind;
import org.herd.transport.TransportOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Detached steps on this machine through the local transport, where systemd is not PID 1 (so the
 * {@code setsid} mode runs; the lab's {@code DetachedCommandIT} covers systemd and real SSH).
 */
class DetachedCommandLocalTest {

  private static final RunId RUN = RunId.of("20261125-170000-abc123");

  @TempDir Path dir;
  private Transport transport;
  private DetachedCommand detached;

  @BeforeEach
  void setUp() {
    require(Files.isExecutable(Path.of("/usr/bin/setsid")), "needs setsid");
    assumeTrue(!Files.isDirectory(Path.of("/run/systemd/system")), "systemd runs here: see the IT");
    transport = localTransport();
    detached = new DetachedCommand(dir.resolve("runs").toString(), Duration.ofMillis(100));
  }

  @AfterEach
  void tearDown() throws Exception {
    // Whatever a failed test left running: the runners are session leaders, kill their groups.
    if (Files.isDirectory(dir.resolve("runs"))) {
      try (var files = Files.walk(dir.resolve("runs"))) {
        for (Path pid : files.filter(p -> p.toString().endsWith(".pid")).toList()) {
          String value = Files.readString(pid).strip();
          new ProcessBuilder("/bin/kill", "-s", "KILL", "--", "-" + value).start().waitFor();
        }
      }
    }
    if (transport != null) {
      transport.close();
    }
  }

  private static Transport localTransport() {
    return TransportKind.LOCAL.create(
        TransportOptions.defaults(Path.of(System.getProperty("user.home")), Map.of()));
  }

  private Session session() throws Exception {
    return transport.open(Endpoint.of("localhost"));
  }

  private static final class Collected implements LogSink {
    final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    long next = -1;

    @Override
    public void accept(long offset, byte[] buffer, int from, int length) {
      if (next >= 0) {
        assertThat(offset).isEqualTo(next);
      }
      bytes.write(buffer, from, length);
      next = offset + length;
    }

    String text() {
      return bytes.toString(StandardCharsets.UTF_8);
    }
  }

  @Test
  void runsTheCommandWithItsEnvironmentAndReturnsItsStatusAndLog() throws Exception {
    DetachedSpec spec =
        DetachedSpec.of(
                RUN,
                "install",
                List.of(
                    "sh",
                    "-c",
                    "printf '%s|' \"$HERD_X\" \"$1\"; echo oops >&2; exit 7",
                    "sh",
                    "it's $HOME `x`"))
            .withEnv("HERD_X", "a 'quoted' \"value\"\n$(nothing)");
    DetachedHandle handle = detached.start(session(), spec);
    Collected log = new Collected();

    DetachedState end = detached.follow(session(), handle, 0, log);

    assertThat(handle.mode()).isEqualTo(DetachedMode.SETSID);
    assertThat(handle.reattached()).isFalse();
    assertThat(handle.pid()).isPositive();
    assertThat(end).isEqualTo(new DetachedState.Finished(7));
    assertThat(log.text()).isEqualTo("a 'quoted' \"value\"\n$(nothing)|it's $HOME `x`|oops\n");
    assertThat(detached.attach(session(), handle)).isEqualTo(new DetachedState.Finished(7));
    assertThat(Files.readString(Path.of(handle.statusFile()))).isEqualTo("7\n");
    assertThat(detached.tail(session(), handle, 5)).isEqualTo("oops\n");
  }

  @Test
  void aBackgroundStepRunsNicedAndSoDoesItsSessionsAutogroup() throws Exception {
    assumeTrue(Files.exists(Path.of("/proc/self/autogroup")), "a kernel with autogroups");
    List<String> argv = new java.util.ArrayList<>(InstallSteps.BACKGROUND);
    argv.addAll(List.of("sh", "-c", "cat /proc/self/autogroup; nice"));
    DetachedHandle handle = detached.start(session(), DetachedSpec.of(RUN, "preinstall", argv));
    Collected log = new Collected();

    assertThat(detached.follow(session(), handle, 0, log)).isEqualTo(new DetachedState.Finished(0));
    // nice -n 10 adds to the niceness the test runs with, up to 19.
    int expected = Math.min(19, ownNiceness() + 10);
    assertThat(log.text()).matches("/autogroup-[0-9]+ nice 10\n" + expected + "\n");
  }

  /** The niceness of this JVM: field 19 of /proc/self/stat (the 17th after the name's ")"). */
  private static int ownNiceness() throws Exception {
    String stat = Files.readString(Path.of("/proc/self/stat"));
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return Integer.parseInt(fields[16]);
  }

  @Test
  void aSecondStartOfTheSameStepReattachesInsteadOfRunningItTwice() throws Exception {
    Path counter = dir.resolve("counter");
    DetachedSpec spec =
        DetachedSpec.of(
            RUN,
            "download",
            List.of("sh", "-c", "echo ran >> \"$1\"; sleep 1", "sh", counter.toString()));

    DetachedHandle first = detached.start(session(), spec);
    DetachedHandle second = detached.start(session(), spec);
    DetachedState end = detached.follow(session(), second, 0, LogSink.NONE);
    DetachedHandle third = detached.start(session(), spec);

    assertThat(second.reattached()).isTrue();
    assertThat(second.pid()).isEqualTo(first.pid());
    assertThat(end).isEqualTo(new DetachedState.Finished(0));
    assertThat(third.reattached()).isTrue();
    assertThat(Files.readAllLines(counter)).containsExactly("ran");
  }

  @Test
  void survivesTheTransportThatStartedItAndResumesFromAnOffset() throws Exception {
    DetachedSpec spec =
        DetachedSpec.of(RUN, "long", List.of("sh", "-c", "echo begin; sleep 2; echo done"));
    DetachedHandle handle = detached.start(session(), spec);
    String json = handle.toJson();
    transport.close();

    transport = localTransport();
    DetachedHandle again = DetachedHandle.fromJson(json);
    Collected log = new Collected();
    DetachedState end = detached.follow(session(), again, 6, log);

    assertThat(again).isEqualTo(handle);
    assertThat(end).isEqualTo(new DetachedState.Finished(0));
    assertThat(log.text()).isEqualTo("done\n");
  }

  @Test
  void aDiscardedStepStartsAfreshButARunningOneCannotBeDiscarded() throws Exception {
    Path counter = dir.resolve("counter");
    DetachedSpec spec =
        DetachedSpec.of(
            RUN,
            "retry",
            List.of("sh", "-c", "echo ran >> \"$1\"; exit 1", "sh", counter.toString()));
    DetachedHandle first = detached.start(session(), spec);
    assertThat(detached.follow(session(), first, 0, LogSink.NONE))
        .isEqualTo(new DetachedState.Finished(1));

    detached.discard(session(), first);
    DetachedHandle second = detached.start(session(), spec);
    DetachedState end = detached.follow(session(), second, 0, LogSink.NONE);
    DetachedHandle running =
        detached.start(session(), DetachedSpec.of(RUN, "running", List.of("sleep", "600")));

    assertThat(second.reattached()).isFalse();
    assertThat(end).isEqualTo(new DetachedState.Finished(1));
    assertThat(Files.readAllLines(counter)).containsExactly("ran", "ran");
    assertThatThrownBy(() -> detached.discard(session(), running))
        .isInstanceOf(EngineException.class)
        .hasMessageContaining("still running");
  }

  @Test
  void aRunnerKilledWithoutAStatusIsLost() throws Exception {
    DetachedHandle handle =
        detached.start(session(), DetachedSpec.of(RUN, "killed", List.of("sleep", "600")));
    // The runner is a session and group leader: kill it and its command, as an OOM kill would.
    CommandResult kill =
        session()
            .run(
                RemoteCommand.of("/bin/kill", "-s", "KILL", "--", "-" + handle.pid()),
                ExecOptions.defaults().withTimeout(Duration.ofSeconds(30)));
    assertThat(kill.ok()).as(kill.stderrText()).isTrue();

    assertThat(detached.follow(session(), handle, 0, LogSink.NONE))
        .isEqualTo(new DetachedState.Lost());
    assertThat(detached.attach(session(), handle)).isEqualTo(new DetachedState.Lost());
  }

  @Test
  void aStepNeverStartedIsAbsentAndForgetRemovesTheRun() throws Exception {
    DetachedHandle done = detached.start(session(), DetachedSpec.of(RUN, "quick", List.of("true")));
    detached.follow(session(), done, 0, LogSink.NONE);
    DetachedHandle never =
        new DetachedHandle(
            RUN.value(), "never", DetachedMode.SETSID, null, 0, done.directory(), false);

    assertThat(detached.attach(session(), never)).isEqualTo(new DetachedState.Absent());
    detached.forget(session(), RUN.value());
    assertThat(Path.of(done.directory())).doesNotExist();
  }
}
