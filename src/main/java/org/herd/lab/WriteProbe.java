package org.herd.lab;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A client that writes to a cluster every {@link #INTERVAL} from the machine herd runs on, as an
 * application with ordinary timeouts would, and records every write, so that what an upgrade did to
 * the cluster's clients can be measured rather than guessed. Used by {@code herd demo}, by the
 * rollout benchmark and by integration tests.
 *
 * <p>Each write tries the members in turn, starting with the one that acknowledged the previous
 * write, giving each {@link #TRY_TIMEOUT}; it fails when no member acknowledged it. Writes are
 * sequential: a write that hangs delays the next (as for a real client); a write is started at the
 * next tick after the previous one ended. {@link #start()} runs the writes on a thread of their own
 * until {@link #stop()}, which reads back what the cluster stored and returns the {@link
 * ProbeReport}.
 */
public final class WriteProbe {

  /** How often the probe writes. */
  public static final Duration INTERVAL = Duration.ofMillis(100);

  /** How long one member is given to acknowledge a write: an application's ordinary timeout. */
  public static final Duration TRY_TIMEOUT = Duration.ofSeconds(1);

  /** How long the read-back after the writes may take, all members tried. */
  private static final Duration READ_BACK = Duration.ofSeconds(10);

  private final ProbeTarget target;
  private final Clock clock;
  private final List<ProbeWrite> writes = new ArrayList<>();
  private volatile boolean running;
  private Thread thread;

  /** A probe writing to {@code target}, timing writes with {@code clock}. */
  public WriteProbe(ProbeTarget target, Clock clock) {
    this.target = target;
    this.clock = clock;
  }

  /** Starts writing, on a thread of its own. */
  public synchronized void start() {
    if (thread != null) {
      throw new IllegalStateException("the probe is already started");
    }
    running = true;
    thread = new Thread(this::writeUntilStopped, "herd-write-probe");
    thread.setDaemon(true);
    thread.start();
  }

  /**
   * Stops writing (after the write in flight), reads back what the cluster stored, closes the
   * target and returns what was seen.
   */
  public synchronized ProbeReport stop() {
    running = false;
    if (thread != null) {
      try {
        thread.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    Optional<Set<Long>> stored = readBack();
    target.close();
    synchronized (writes) {
      return new ProbeReport(writes, stored);
    }
  }

  /** What is written to. */
  public String describe() {
    return target.describe()
        + ", each member given "
        + ProbeReport.seconds(TRY_TIMEOUT)
        + " per try";
  }

  private Optional<Set<Long>> readBack() {
    Instant deadline = clock.instant().plus(READ_BACK);
    while (true) {
      try {
        return Optional.of(target.stored(TRY_TIMEOUT));
      } catch (Exception e) {
        if (clock.instant().isAfter(deadline)) {
          return Optional.empty();
        }
        try {
          Thread.sleep(INTERVAL.toMillis());
        } catch (InterruptedException stop) {
          Thread.currentThread().interrupt();
          return Optional.empty();
        }
      }
    }
  }

  private void writeUntilStopped() {
    long sequence = 0;
    int current = 0;
    List<String> members = target.members();
    while (running) {
      long tick = System.nanoTime();
      sequence++;
      Instant started = clock.instant();
      List<String> refusals = new ArrayList<>();
      String acknowledgedBy = null;
      for (int tried = 0; tried < members.size() && acknowledgedBy == null; tried++) {
        String member = members.get((current + tried) % members.size());
        try {
          target.write(member, sequence, TRY_TIMEOUT);
          acknowledgedBy = member;
          current = (current + tried) % members.size();
        } catch (Exception e) {
          refusals.add(member + ": " + reason(e));
        }
      }
      ProbeWrite write =
          acknowledgedBy != null
              ? new ProbeWrite(sequence, started, clock.instant(), true, acknowledgedBy, "")
              : new ProbeWrite(
                  sequence, started, clock.instant(), false, "", String.join("; ", refusals));
      synchronized (writes) {
        writes.add(write);
      }
      if (acknowledgedBy == null) {
        current = (current + 1) % members.size();
      }
      long left = INTERVAL.toNanos() - (System.nanoTime() - tick);
      if (left > 0 && running) {
        try {
          Thread.sleep(left / 1_000_000, (int) (left % 1_000_000));
        } catch (InterruptedException e) {
          return;
        }
      }
    }
  }

  /** A short reason for a failed try: the exception's message, its first line only. */
  static String reason(Throwable e) {
    String message = e.getMessage();
    if (message == null || message.isBlank()) {
      message = e.getClass().getSimpleName();
    }
    return message.lines().findFirst().orElse(message).strip();
  }
}
