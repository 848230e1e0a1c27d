package org.herd.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import org.herd.fleet.FakeTransport.FakeExecution;
import org.herd.transport.Endpoint;
import org.herd.transport.OutputListener;
import org.herd.transport.RemoteCommand;
import org.herd.transport.Signal;
import org.herd.transport.TransportException;
import org.junit.jupiter.api.Test;

class FanOutTest {

  private static final RemoteCommand UPTIME = RemoteCommand.shell("uptime");

  private static List<Endpoint> hosts(int count) {
    return IntStream.rangeClosed(1, count).mapToObj(i -> Endpoint.of("n" + i)).toList();
  }

  private static FanOut fanOut(FakeTransport transport, int fanout) {
    return new FanOut(transport, FanOutSettings.defaults().withFanout(fanout), Clock.systemUTC());
  }

  @Test
  void keepsExactlyFanoutHostsInFlightUntilTheQueueIsEmpty() throws Exception {
    FakeTransport transport = new FakeTransport();
    FleetRun run = fanOut(transport, 3).start(hosts(10), UPTIME, FleetListener.NONE);
    // The window fills before anything completes: wait for the third start (under load the
    // fan-out's threads may start them later than the test reaches its first completion).
    long giveUp = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
    while (transport.inFlight.get() < 3 && System.nanoTime() < giveUp) {
      Thread.onSpinWait();
    }
    for (int i = 0; i < 10; i++) {
      FakeExecution next = transport.nextStarted();
      if (i < 7) {
        // Each completion lets exactly one more host in: the window stays full.
        assertThat(transport.inFlight.get()).isLessThanOrEqualTo(3);
      }
      next.exit(0);
    }
    FleetResult result = run.await();
    assertThat(transport.maxInFlight.get()).isEqualTo(3);
    assertThat(result.results())
        .extracting(HostResult::host)
        .containsExactly("n1", "n2", "n3", "n4", "n5", "n6", "n7", "n8", "n9", "n10");
    assertThat(result.allOk()).isTrue();
    assertThat(result.interrupted()).isFalse();
  }

  @Test
  void everyFailureBecomesAnOutcomeNamedForWhatHappened() throws Exception {
    Map<String, TransportException> connectFailures =
        Map.of(
            "n1", new TransportException.ConnectionRefused("n1", "127.0.0.1:1", null),
            "n2", new TransportException.AuthFailed("n2", "root", "tried publickey", null),
            "n3",
                new TransportException.HostKeyChanged(
                    "n3", "ssh-ed25519", "SHA256:x", "ssh-ed25519", java.nio.file.Path.of("kh"), 7),
            "n4",
                new TransportException.ConnectTimedOut(
                    "n4", "10.0.0.4:22", Duration.ofSeconds(10), null));
    FakeTransport transport = new FakeTransport(connectFailures::get);
    FleetRun run = fanOut(transport, 64).start(hosts(8), UPTIME, FleetListener.NONE);
    for (int i = 0; i < 4; i++) {
      FakeExecution execution = transport.nextStarted();
      switch (execution.host) {
        case "n5" -> execution.exit(3);
        case "n6" -> execution.exit(143, Signal.TERM);
        case "n7" ->
            execution.fail(
                new TransportException.CommandTimedOut("n7", Duration.ofSeconds(1), null));
        default -> execution.fail(new TransportException.Disconnected("n8", "EOF", null, null));
      }
    }
    FleetResult result = run.await();
    assertThat(result.results())
        .extracting(HostResult::outcome)
        .containsExactly(
            new HostOutcome.Unreachable("connection refused"),
            new HostOutcome.Refused(
                "authentication failed", "authentication failed for root: tried publickey"),
            result.results().get(2).outcome(),
            new HostOutcome.Unreachable("connect timeout"),
            new HostOutcome.Failed(3),
            new HostOutcome.Failed(143, "SIGTERM"),
            new HostOutcome.TimedOut(),
            new HostOutcome.Unreachable("connection lost"));
    HostOutcome.Refused changed = (HostOutcome.Refused) result.results().get(2).outcome();
    assertThat(changed.reason()).isEqualTo("host key changed");
    assertThat(changed.detail()).contains("kh:7");
    assertThat(result.maxExitCode()).isEqualTo(255);
  }

  @Test
  void linesAreStreamedAsTheyCompleteAndKeptPerStream() throws Exception {
    FakeTransport transport = new FakeTransport();
    List<String> streamed = new CopyOnWriteArrayList<>();
    FleetListener listener =
        new FleetListener() {
          @Override
          public void line(String host, OutputLine line) {
            streamed.add(host + " " + line);
          }
        };
    FleetRun run = fanOut(transport, 1).start(hosts(1), UPTIME, listener);
    FakeExecution execution = transport.nextStarted();
    execution.print("one\ntw");
    assertThat(streamed).containsExactly("n1 STDOUT:one");
    execution.print(OutputListener.Stream.STDERR, "warn\n").print("o\nlast");
    execution.exit(0);
    HostResult result = run.await().results().get(0);
    assertThat(streamed)
        .containsExactly("n1 STDOUT:one", "n1 STDERR:warn", "n1 STDOUT:two", "n1 STDOUT:last");
    assertThat(result.lines(StreamKind.STDOUT))
        .extracting(OutputLine::text)
        .containsExactly("one", "two", "last");
    assertThat(result.lines(StreamKind.STDERR))
        .extracting(OutputLine::text)
        .containsExactly("warn");
  }

  @Test
  void outputBeyondTheCapIsDroppedAndFlagged() throws Exception {
    FakeTransport transport = new FakeTransport();
    FanOut fanOut =
        new FanOut(
            transport,
            FanOutSettings.defaults().withFanout(1).withOutputLimit(10),
            Clock.systemUTC());
    FleetRun run = fanOut.start(hosts(1), UPTIME, FleetListener.NONE);
    transport.nextStarted().print("12345\n6789\nmore\n").exit(0);
    HostResult result = run.await().results().get(0);
    assertThat(result.lines()).extracting(OutputLine::text).containsExactly("12345", "6789");
    assertThat(result.truncated()).isTrue();
  }

  @Test
  void streamingOnlyKeepsNothing() throws Exception {
    FakeTransport transport = new FakeTransport();
    FanOut fanOut =
        new FanOut(transport, FanOutSettings.defaults().withRetainOutput(false), Clock.systemUTC());
    FleetRun run = fanOut.start(hosts(1), UPTIME, FleetListener.NONE);
    transport.nextStarted().print("hello\n").exit(0);
    assertThat(run.await().results().get(0).lines()).isEmpty();
  }

  @Test
  void interruptStopsRunningCommandsAndGivesUpWaitingHosts() throws Exception {
    FakeTransport transport = new FakeTransport();
    List<String> finished = Collections.synchronizedList(new ArrayList<>());
    FleetListener listener =
        new FleetListener() {
          @Override
          public void finished(HostResult result) {
            finished.add(result.host());
          }
        };
    FleetRun run = fanOut(transport, 2).start(hosts(5), UPTIME, listener);
    FakeExecution first = transport.nextStarted();
    first.print("done\n").exit(0);
    FakeExecution second = transport.nextStarted();
    FakeExecution third = transport.nextStarted();
    second.print("partial\n");
    run.interrupt();
    FleetResult result = run.await();
    assertThat(result.interrupted()).isTrue();
    assertThat(second.cancelled()).isTrue();
    assertThat(third.cancelled()).isTrue();
    List<String> incomplete = new ArrayList<>(List.of("n1", "n2", "n3", "n4", "n5"));
    incomplete.remove(first.host);
    assertThat(result.incomplete()).isEqualTo(incomplete);
    int secondIndex = Integer.parseInt(second.host.substring(1)) - 1;
    assertThat(result.results().get(secondIndex).lines())
        .extracting(OutputLine::text)
        .containsExactly("partial");
    assertThat(finished).hasSize(5).doesNotHaveDuplicates();
  }

  @Test
  void aSingleCommandClosesEachConnectionAfterItsCommand() throws Exception {
    FakeTransport transport = new FakeTransport();
    FleetRun run = fanOut(transport, 4).start(hosts(4), UPTIME, FleetListener.NONE);
    for (int i = 0; i < 4; i++) {
      transport.nextStarted().exit(0);
    }
    run.await();
    // Closing happens off the transport's thread, just after the host finished.
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (transport.closes.get() < 4 && System.nanoTime() < deadline) {
      Thread.onSpinWait();
    }
    assertThat(transport.closes.get()).isEqualTo(4);
  }

  @Test
  void aSessionKeepsConnectionsAndDoesNotRetryUnreachableHosts() throws Exception {
    FakeTransport transport =
        new FakeTransport(
            host ->
                host.equals("n2")
                    ? new TransportException.ConnectionRefused("n2", "127.0.0.1:1", null)
                    : null);
    FleetSession session =
        new FleetSession(transport, hosts(3), FanOutSettings.defaults(), Clock.systemUTC());
    for (int command = 0; command < 3; command++) {
      FleetRun run = session.start(UPTIME, FleetListener.NONE);
      transport.nextStarted().exit(0);
      transport.nextStarted().exit(0);
      FleetResult result = run.await();
      assertThat(result.results().get(1).outcome())
          .isEqualTo(new HostOutcome.Unreachable("connection refused"));
      assertThat(result.results().get(0).outcome()).isEqualTo(new HostOutcome.Ok());
    }
    assertThat(transport.opens.get("n2").get()).isEqualTo(1);
    assertThat(transport.opens.get("n1").get()).isEqualTo(3);
    assertThat(transport.closes.get()).isZero();
  }

  @Test
  void tasksRunWithTheSessionAndReportTheirFailures() throws Exception {
    FakeTransport transport = new FakeTransport();
    Map<String, String> seen = new ConcurrentHashMap<>();
    HostAction copy =
        HostAction.task(
            "copy",
            session -> {
              seen.put(session.endpoint().name(), Thread.currentThread().getName());
              if (session.endpoint().name().equals("n2")) {
                throw new TransportException.CopyFailed("n2", "tar: /x: Permission denied", null);
              }
            });
    FleetResult result = fanOut(transport, 8).start(hosts(2), copy, FleetListener.NONE).await();
    assertThat(result.results())
        .extracting(HostResult::outcome)
        .containsExactly(
            new HostOutcome.Ok(),
            new HostOutcome.Errored("copy failed: tar: /x: Permission denied"));
    assertThat(seen.values()).allMatch(name -> name.startsWith("herd-connect-"));
  }

  @Test
  void anEmptyFleetCompletesAtOnce() throws Exception {
    FleetResult result = fanOut(new FakeTransport(), 4).run(List.of(), UPTIME, FleetListener.NONE);
    assertThat(result.results()).isEmpty();
  }
}
