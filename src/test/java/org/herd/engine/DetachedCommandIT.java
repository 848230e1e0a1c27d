package org.herd.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.herd.journal.RunId;
import org.herd.lab.LabExtension;
import org.herd.lab.LabHost;
import org.herd.lab.TestLab;
import org.herd.transport.Session;
import org.herd.transport.Transport;
import org.herd.transport.TransportException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Detached steps on real lab hosts (systemd is PID 1 there) over herd's SSH transport: a dropped
 * connection does not stop the step, and herd re-attaches and gets its status and the rest of its
 * log.
 */
@ExtendWith(LabExtension.class)
class DetachedCommandIT {

  private final DetachedCommand detached =
      new DetachedCommand("/var/lib/herd/runs", Duration.ofMillis(200));

  /** Collects the log and remembers where the next byte goes. */
  private static final class Collected implements LogSink {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final CountDownLatch first = new CountDownLatch(1);
    private volatile long next;

    @Override
    public synchronized void accept(long offset, byte[] buffer, int from, int length) {
      assertThat(offset).isEqualTo(next);
      bytes.write(buffer, from, length);
      next = offset + length;
      first.countDown();
    }

    synchronized String text() {
      return bytes.toString(StandardCharsets.UTF_8);
    }
  }

  @Test
  void aDroppedConnectionNeitherStopsTheStepNorLosesItsResult(TestLab lab) throws Exception {
    LabHost host = lab.host(1);
    RunId run = RunId.of("it-" + Long.toString(System.nanoTime(), 36));
    DetachedSpec spec =
        DetachedSpec.of(run, "install", List.of("sh", "-c", "echo begin; sleep 5; echo done"));
    Collected log = new Collected();
    DetachedHandle handle;
    try (Transport first = LabSessions.transport(lab)) {
      Session session = LabSessions.open(first, host);
      handle = detached.start(session, spec);
      DetachedHandle h = handle;
      CompletableFuture<DetachedState> following =
          CompletableFuture.supplyAsync(
              () -> {
                try {
                  return detached.follow(session, h, 0, log);
                } catch (Exception e) {
                  throw new java.util.concurrent.CompletionException(e);
                }
              });
      assertThat(log.first.await(2, TimeUnit.MINUTES)).as("the log's first line").isTrue();
      first.close();
      assertThatThrownBy(() -> following.get(2, TimeUnit.MINUTES))
          .isInstanceOf(ExecutionException.class)
          .hasCauseInstanceOf(TransportException.class);
    }
    try (Transport second = LabSessions.transport(lab)) {
      Session session = LabSessions.open(second, host);
      DetachedHandle again = DetachedHandle.fromJson(handle.toJson());
      DetachedHandle restarted = detached.start(session, spec);
      DetachedState end = detached.follow(session, again, log.next, log);

      assertThat(handle.mode()).isEqualTo(DetachedMode.SYSTEMD);
      assertThat(handle.unit()).isEqualTo("herd-" + run.value() + "-install.service");
      assertThat(restarted.reattached()).isTrue();
      assertThat(restarted.pid()).isEqualTo(handle.pid());
      assertThat(end).isEqualTo(new DetachedState.Finished(0));
      assertThat(log.text()).isEqualTo("begin\ndone\n");
      assertThat(detached.attach(session, again)).isEqualTo(new DetachedState.Finished(0));
      // --collect: the finished unit is gone, whatever its result.
      assertThat(lab.run(host, "systemctl is-active " + handle.unit()).stdout().strip())
          .isIn("inactive", "unknown");
    } finally {
      lab.run(host, "rm -rf /var/lib/herd/runs/" + run.value());
    }
  }

  @Test
  void aFailingStepReportsItsStatusAndEnvironment(TestLab lab) throws Exception {
    LabHost host = lab.host(1);
    RunId run = RunId.of("it-" + Long.toString(System.nanoTime(), 36));
    DetachedSpec spec =
        DetachedSpec.of(run, "fail", List.of("sh", "-c", "echo \"$DEBIAN_FRONTEND $PATH\"; exit 3"))
            .withEnv("DEBIAN_FRONTEND", "noninteractive");
    try (Transport transport = LabSessions.transport(lab)) {
      Session session = LabSessions.open(transport, host);
      DetachedHandle handle = detached.start(session, spec);
      Collected log = new Collected();

      assertThat(detached.follow(session, handle, 0, log)).isEqualTo(new DetachedState.Finished(3));
      assertThat(log.text()).isEqualTo("noninteractive " + DetachedCommand.PATH + "\n");
      detached.forget(session, run.value());
      assertThat(detached.attach(session, handle)).isEqualTo(new DetachedState.Absent());
    } finally {
      lab.run(host, "rm -rf /var/lib/herd/runs/" + run.value());
    }
  }

  @Test
  void aBackgroundStepRunsNicedAndSoDoesItsSessionsAutogroup(TestLab lab) throws Exception {
    LabHost host = lab.host(1);
    RunId run = RunId.of("it-bg-" + Long.toString(System.nanoTime(), 36));
    List<String> argv = new java.util.ArrayList<>(InstallSteps.BACKGROUND);
    argv.addAll(List.of("sh", "-c", "cat /proc/self/autogroup; nice"));
    try (Transport transport = LabSessions.transport(lab)) {
      Session session = LabSessions.open(transport, host);
      DetachedHandle handle = detached.start(session, DetachedSpec.of(run, "preinstall", argv));
      Collected log = new Collected();

      assertThat(detached.follow(session, handle, 0, log)).isEqualTo(new DetachedState.Finished(0));
      assertThat(handle.mode()).isEqualTo(DetachedMode.SYSTEMD);
      assertThat(log.text()).matches("/autogroup-[0-9]+ nice 10\n10\n");
    } finally {
      lab.run(host, "rm -rf /var/lib/herd/runs/" + run.value());
    }
  }

  private static void link(TestLab lab, LabHost host, String state) throws Exception {
    Process ip =
        new ProcessBuilder("ip", "link", "set", "hv-" + lab.name() + "-" + host.index(), state)
            .redirectErrorStream(true)
            .start();
    String out = new String(ip.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(ip.waitFor()).as(out).isZero();
  }

  @Test
  void aHostCutOffForTwentySecondsFinishesItsStepAndHerdPicksItUp(TestLab lab) throws Exception {
    LabHost host = lab.host(3);
    RunId run = RunId.of("it-cut-" + Long.toString(System.nanoTime(), 36));
    DetachedSpec spec =
        DetachedSpec.of(run, "install", List.of("sh", "-c", "echo begin; sleep 10; echo done"));
    Collected log = new Collected();
    DetachedState end;
    try (Transport transport = LabSessions.transport(lab)) {
      Session session = LabSessions.open(transport, host);
      DetachedHandle handle = detached.start(session, spec);
      CompletableFuture<DetachedState> following =
          CompletableFuture.supplyAsync(
              () -> {
                try {
                  return detached.follow(session, handle, 0, log);
                } catch (Exception e) {
                  throw new java.util.concurrent.CompletionException(e);
                }
              });
      assertThat(log.first.await(2, TimeUnit.MINUTES)).as("the log's first line").isTrue();
      link(lab, host, "down");
      try {
        Thread.sleep(20_000);
      } finally {
        link(lab, host, "up");
      }
      // Either the connection lived through the cut (TCP retransmits) and the follow ends by
      // itself, or it was declared dead: then a new connection follows from the last offset.
      try {
        end = following.get(5, TimeUnit.MINUTES);
      } catch (ExecutionException e) {
        assertThat(e.getCause()).isInstanceOf(TransportException.class);
        try (Transport again = LabSessions.transport(lab)) {
          end = detached.follow(LabSessions.open(again, host), handle, log.next, log);
        }
      }
    } finally {
      lab.run(host, "rm -rf /var/lib/herd/runs/" + run.value());
    }
    assertThat(end).isEqualTo(new DetachedState.Finished(0));
    assertThat(log.text()).isEqualTo("begin\ndone\n");
  }
}
