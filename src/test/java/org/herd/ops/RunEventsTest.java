package org.herd.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.herd.journal.Journal;
import org.herd.journal.RunId;
import org.herd.journal.RunState;
import org.herd.journal.StepOutcome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Live events of a run from the journal: what another process writes reaches subscribers, a
 * subscriber coming back with its last id misses nothing and gets nothing twice, and the poller
 * stops when no one listens. Waits on the events themselves (with a generous bound), never sleeps.
 */
class RunEventsTest {

  /** The most an event is waited for before the test fails: far beyond the target of 1 s. */
  private static final long WAIT_SECONDS = 30;

  @TempDir Path dir;
  ServeFixture site;
  RunEvents events;
  Journal writer;

  @BeforeEach
  void site() throws Exception {
    site = new ServeFixture(dir);
    events = new RunEvents(site.journal);
    // Another herd process writing the same journal.
    writer = Journal.open(site.location, java.time.Clock.systemUTC());
  }

  @AfterEach
  void close() {
    events.close();
    writer.close();
    site.close();
  }

  private static RunEvents.Event next(BlockingQueue<RunEvents.Event> queue) throws Exception {
    while (true) {
      RunEvents.Event event = queue.poll(WAIT_SECONDS, TimeUnit.SECONDS);
      assertThat(event).as("an event within " + WAIT_SECONDS + " s").isNotNull();
      if (!event.type().equals("heartbeat")) {
        return event;
      }
    }
  }

  @Test
  void aStepWrittenByAnotherProcessReachesTheSubscriberThenTheHostsEndAndTheRunsState()
      throws Exception {
    RunId run = site.runningRun();
    BlockingQueue<RunEvents.Event> queue = new LinkedBlockingQueue<>();
    RunEvents.Subscription subscription = events.follow(run.value(), 0, queue::add);
    List<RunEvents.Event> replayed = new ArrayList<>();
    for (RunEvents.Event e = next(queue); ; e = next(queue)) {
      replayed.add(e);
      if (e.type().equals("runState")) {
        break;
      }
    }
    assertThat(replayed)
        .extracting(RunEvents.Event::type)
        .contains("stepStarted", "stepFinished", "hostFinished");
    assertThat(replayed.get(replayed.size() - 1).data()).containsEntry("state", "RUNNING");

    writer.stepFinished(run, "db2", "install", StepOutcome.CHANGED, "done");
    RunEvents.Event finished = next(queue);
    assertThat(finished.type()).isEqualTo("stepFinished");
    assertThat(finished.data())
        .containsEntry("host", "db2")
        .containsEntry("step", "install")
        .containsEntry("outcome", "CHANGED");

    writer.stepStarted(run, "db2", "verify");
    assertThat(next(queue).type()).isEqualTo("stepStarted");
    writer.stepFinished(run, "db2", "verify", StepOutcome.OK, "");
    assertThat(next(queue).type()).isEqualTo("stepFinished");
    RunEvents.Event host = next(queue);
    assertThat(host.type()).isEqualTo("hostFinished");
    assertThat(host.data()).containsEntry("host", "db2").containsEntry("state", "SUCCEEDED");

    writer.setState(run, RunState.PAUSED);
    RunEvents.Event state = next(queue);
    assertThat(state.type()).isEqualTo("runState");
    assertThat(state.data()).containsEntry("state", "PAUSED");
    subscription.close();
  }

  @Test
  void aSubscriberComingBackWithItsLastIdGetsExactlyWhatItMissed() throws Exception {
    RunId run = site.runningRun();
    BlockingQueue<RunEvents.Event> first = new LinkedBlockingQueue<>();
    RunEvents.Subscription a = events.follow(run.value(), 0, first::add);
    long last = 0;
    for (RunEvents.Event e = next(first); !e.type().equals("runState"); e = next(first)) {
      last = Math.max(last, e.id());
    }
    a.close();

    writer.stepFinished(run, "db2", "install", StepOutcome.CHANGED, "");
    writer.stepStarted(run, "db3", "precheck");

    BlockingQueue<RunEvents.Event> again = new LinkedBlockingQueue<>();
    RunEvents.Subscription b = events.follow(run.value(), last, again::add);
    RunEvents.Event one = next(again);
    RunEvents.Event two = next(again);
    RunEvents.Event state = next(again);
    assertThat(List.of(one.data().get("host"), two.data().get("host")))
        .containsExactly("db2", "db3");
    assertThat(one.id()).isGreaterThan(last);
    assertThat(state.type()).isEqualTo("runState");
    writer.stepFinished(run, "db3", "precheck", StepOutcome.OK, "");
    RunEvents.Event live = next(again);
    assertThat(live.type()).isEqualTo("stepFinished");
    assertThat(live.id()).isGreaterThan(two.id());
    b.close();
  }

  @Test
  void aSubscriberWhoseTransportThrowsIsDroppedAndTheOthersGoOnHearing() throws Exception {
    RunId run = site.runningRun();
    BlockingQueue<RunEvents.Event> healthy = new LinkedBlockingQueue<>();
    events.follow(run.value(), 0, healthy::add);
    for (RunEvents.Event e = next(healthy); !e.type().equals("runState"); e = next(healthy)) {}
    // As Javalin's Kotlin code does when a client went away: an undeclared IOException.
    java.util.concurrent.atomic.AtomicBoolean live =
        new java.util.concurrent.atomic.AtomicBoolean();
    events.follow(
        run.value(),
        0,
        e -> {
          if (live.get()) {
            RunEventsTest.<RuntimeException>sneaky(new java.io.IOException("Broken pipe"));
          }
          return true;
        });
    live.set(true);

    writer.stepFinished(run, "db2", "install", StepOutcome.CHANGED, "");
    assertThat(next(healthy).type()).isEqualTo("stepFinished");
    writer.stepStarted(run, "db2", "restart");
    assertThat(next(healthy).type()).isEqualTo("stepStarted");
  }

  @SuppressWarnings("unchecked")
  private static <E extends Throwable> void sneaky(Throwable e) throws E {
    throw (E) e;
  }

  @Test
  void anUnknownRunIsRefused() {
    assertThatThrownBy(() -> events.follow("20990101-000000-abcdef", 0, e -> true))
        .isInstanceOf(InvalidRequest.class);
  }
}
