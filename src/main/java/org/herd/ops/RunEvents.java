package org.herd.ops;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.herd.engine.DaemonScheduler;
import org.herd.journal.Journal;
import org.herd.journal.RunId;
import org.herd.journal.RunState;
import org.herd.journal.RunSummary;
import org.herd.journal.StepChange;
import org.herd.journal.StepRecord;

/**
 * Live events of runs, as the journal records them, whoever executes the run (any herd on any
 * machine sharing the journal): {@code stepStarted}, {@code stepFinished}, {@code hostFinished} and
 * {@code runState}. One poller per followed run, shared by all its subscribers, asks the journal
 * for the steps changed since the last change it saw ({@link Journal#stepChanges}) every {@link
 * #POLL_MILLIS} ms, and stops when the run has no subscriber left.
 *
 * <p>An event's id is the run's change number of the write it comes from, so a subscriber that
 * comes back with the last id it saw ({@code Last-Event-ID}) is given every later write first, then
 * the live ones, without gaps or repeats; it is always told the run's current state on arrival.
 */
public final class RunEvents implements AutoCloseable {

  /** How often a followed run's journal rows are asked for. */
  public static final long POLL_MILLIS = 200;

  /**
   * Every how many quiet polls subscribers are given a {@code heartbeat} (15 s): writing it is how
   * a subscriber that went away without a word is noticed, and its poller stopped.
   */
  static final int HEARTBEAT_POLLS = 75;

  /**
   * One event.
   *
   * @param id the change number it comes from (the run's latest, for a {@code runState})
   * @param type {@code stepStarted}, {@code stepFinished}, {@code hostFinished}, {@code runState},
   *     or {@code heartbeat} (nothing happened; a transport may send it as a comment)
   * @param data what it says, for JSON
   */
  public record Event(long id, String type, Map<String, Object> data) {}

  /** Who hears a run's events; called from the poller's thread, one event at a time. */
  public interface Subscriber {
    /**
     * One event.
     *
     * @return false to stop hearing (the client went away)
     */
    boolean accept(Event event);
  }

  /** A subscription; closing it stops its events. */
  public interface Subscription extends AutoCloseable {
    @Override
    void close();
  }

  private final Journal journal;
  private final ScheduledExecutorService scheduler;
  private final Map<RunId, Poller> pollers = new HashMap<>();

  public RunEvents(Journal journal) {
    this.journal = journal;
    this.scheduler = DaemonScheduler.named("herd-run-events");
  }

  /**
   * Follows a run: the writes after {@code lastEventId} first (0: every step so far), the run's
   * state, then the live events until the subscription is closed or the subscriber declines.
   *
   * @throws InvalidRequest when there is no such run
   */
  public Subscription follow(String runId, long lastEventId, Subscriber subscriber) {
    RunId run;
    try {
      run = RunId.of(runId);
    } catch (IllegalArgumentException e) {
      throw new InvalidRequest(e.getMessage());
    }
    if (journal.run(run).isEmpty()) {
      throw new InvalidRequest("run " + runId + ": no such run");
    }
    Listener listener = new Listener(subscriber, lastEventId);
    while (true) {
      Poller poller;
      synchronized (pollers) {
        poller = pollers.computeIfAbsent(run, Poller::new);
      }
      if (poller.add(listener)) {
        return () -> poller.remove(listener);
      }
      // It stopped for want of subscribers just now: a new one takes over.
    }
  }

  /** How many runs are followed now (for tests and metrics). */
  public int followedRuns() {
    synchronized (pollers) {
      return pollers.size();
    }
  }

  @Override
  public void close() {
    scheduler.shutdownNow();
  }

  /** A subscriber and the id of the last event it was given. */
  private static final class Listener {
    final Subscriber subscriber;
    long cursor;
    volatile boolean gone;

    Listener(Subscriber subscriber, long cursor) {
      this.subscriber = subscriber;
      this.cursor = cursor;
    }

    /** Gives a step event if it is newer than what the subscriber has. */
    synchronized void give(Event event, boolean always) {
      if (gone || (!always && event.id() <= cursor)) {
        return;
      }
      try {
        if (!subscriber.accept(event)) {
          gone = true;
        }
      } catch (Exception e) {
        // Any failure to hand an event over (a transport may throw an undeclared IOException,
        // as Javalin's Kotlin code does when a client went away) means the subscriber is gone.
        gone = true;
      }
      cursor = Math.max(cursor, event.id());
    }
  }

  /** The one poller of a run. */
  private final class Poller {
    private final RunId run;
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    // host -> "step#attempt" -> latest record, to tell when a host finishes
    private final Map<String, Map<String, StepRecord>> hosts = new LinkedHashMap<>();
    private long cursor;
    private RunState state;
    private ScheduledFuture<?> task;
    private boolean stopped;
    private int quietPolls;

    Poller(RunId run) {
      this.run = run;
    }

    /** Reads the run so far and starts polling, once. */
    private void start() {
      if (task != null) {
        return;
      }
      for (StepChange change : journal.stepChanges(run, cursor)) {
        apply(change);
      }
      state = journal.run(run).map(RunSummary::state).orElse(null);
      task =
          scheduler.scheduleWithFixedDelay(
              this::poll, POLL_MILLIS, POLL_MILLIS, TimeUnit.MILLISECONDS);
    }

    /**
     * Replays what the listener missed and its run's state, then lets it hear live events.
     *
     * @return false when this poller stopped already
     */
    boolean add(Listener listener) {
      synchronized (this) {
        if (stopped) {
          return false;
        }
        if (task == null) {
          start();
        } else {
          catchUp(); // so that the newcomer's replay and state are current
        }
        synchronized (listener) {
          Map<String, HostProgress> before = new HashMap<>();
          for (StepChange change : journal.stepChanges(run, listener.cursor)) {
            if (change.change() > cursor) {
              break; // written since the catch-up: the next poll gives it, in order
            }
            listener.give(stepEvent(change), false);
            String host = change.step().host();
            HostProgress now = HostProgress.of(List.copyOf(hosts.get(host).values()));
            if (now.finished() && before.put(host, now) == null) {
              listener.give(hostEvent(change.change(), host, now), true);
            }
          }
          listener.give(stateEvent(), true);
          listener.cursor = Math.max(listener.cursor, cursor);
        }
        listeners.add(listener);
      }
      return true;
    }

    /**
     * Forgets a listener. Called by transports from their own threads, maybe holding their own
     * locks (a closing SSE client): it takes no lock, so it cannot deadlock with the poller, which
     * may be writing to that very client; the poller drops it and, if it was the last, stops at
     * once on its own thread.
     */
    void remove(Listener listener) {
      listener.gone = true;
      scheduler.execute(this::reap);
    }

    private synchronized void reap() {
      listeners.removeIf(l -> l.gone);
      stopIfUnheard();
    }

    private synchronized void stopIfUnheard() {
      if (listeners.isEmpty() && !stopped) {
        stopped = true;
        if (task != null) {
          task.cancel(false);
        }
        synchronized (pollers) {
          pollers.remove(run, this);
        }
      }
    }

    private synchronized void poll() {
      try {
        catchUp();
        if (listeners.isEmpty()) {
          stopIfUnheard();
        }
      } catch (Exception e) {
        // The journal is asked again at the next tick. Nothing may escape: a scheduled task that
        // throws is never run again, and its run's subscribers would hear nothing more.
      }
    }

    /** Reads what changed since the last look and gives it to the listeners. */
    private void catchUp() {
      List<Event> events = new ArrayList<>();
      for (StepChange change : journal.stepChanges(run, cursor)) {
        String host = change.step().host();
        HostProgress was = progress(host);
        apply(change);
        events.add(stepEvent(change));
        HostProgress now = progress(host);
        if (now.finished() && now != was) {
          events.add(hostEvent(change.change(), host, now));
        }
      }
      RunState now = journal.run(run).map(RunSummary::state).orElse(state);
      boolean stateChanged = now != state;
      state = now;
      if (events.isEmpty() && !stateChanged && ++quietPolls >= HEARTBEAT_POLLS) {
        events.add(new Event(cursor, "heartbeat", Map.of()));
      }
      if (!events.isEmpty() || stateChanged) {
        quietPolls = 0;
      }
      for (Listener listener : listeners) {
        events.forEach(
            e -> listener.give(e, e.type().equals("hostFinished") || e.type().equals("heartbeat")));
        if (stateChanged) {
          listener.give(stateEvent(), true);
        }
        if (listener.gone) {
          listeners.remove(listener);
        }
      }
    }

    private HostProgress progress(String host) {
      Map<String, StepRecord> steps = hosts.get(host);
      return steps == null ? HostProgress.WAITING : HostProgress.of(List.copyOf(steps.values()));
    }

    private void apply(StepChange change) {
      StepRecord step = change.step();
      hosts
          .computeIfAbsent(step.host(), h -> new LinkedHashMap<>())
          .put(step.step() + "#" + step.attempt(), step);
      cursor = Math.max(cursor, change.change());
    }

    private Event stepEvent(StepChange change) {
      StepRecord s = change.step();
      Map<String, Object> data = new LinkedHashMap<>();
      data.put("run", run.value());
      data.put("host", s.host());
      data.put("step", s.step());
      data.put("attempt", s.attempt());
      data.put("started", s.startedAt().toString());
      data.put("finished", s.finishedAt().map(Object::toString).orElse(null));
      data.put("outcome", s.outcome().map(Enum::name).orElse(null));
      return new Event(change.change(), s.finished() ? "stepFinished" : "stepStarted", data);
    }

    private Event hostEvent(long id, String host, HostProgress progress) {
      Map<String, Object> data = new LinkedHashMap<>();
      data.put("run", run.value());
      data.put("host", host);
      data.put("state", progress.name());
      return new Event(id, "hostFinished", data);
    }

    private Event stateEvent() {
      Map<String, Object> data = new LinkedHashMap<>();
      data.put("run", run.value());
      data.put("state", state == null ? null : state.name());
      return new Event(cursor, "runState", data);
    }
  }
}
