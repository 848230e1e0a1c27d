package org.herd.lab;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A client that writes to a cluster every {@link #INTERVAL} from the machine herd runs on, as an
 * application would, and records every write, so that what an upgrade did to the cluster's clients
 * can be measured rather than guessed. Used by {@code herd demo}, by the rollout benchmark and by
 * integration tests.
 *
 * <p>Writes are sequential: a write that hangs delays the next (as for a real client); a write is
 * started at the next tick after the previous one ended. {@link #start()} runs the writes on a
 * thread of their own until {@link #stop()}, which returns the {@link ProbeReport}.
 */
public final class WriteProbe {

  /** How often the probe writes. */
  public static final Duration INTERVAL = Duration.ofMillis(100);

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

  /** Stops writing (after the write in flight), closes the target and returns what was seen. */
  public synchronized ProbeReport stop() {
    running = false;
    if (thread != null) {
      try {
        thread.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    target.close();
    synchronized (writes) {
      return new ProbeReport(writes);
    }
  }

  /** What was seen so far, while the probe runs. */
  public ProbeReport sofar() {
    synchronized (writes) {
      return new ProbeReport(writes);
    }
  }

  /** What is written to. */
  public String describe() {
    return target.describe();
  }

  private void writeUntilStopped() {
    long sequence = 0;
    while (running) {
      long tick = System.nanoTime();
      sequence++;
      ProbeWrite write = writeOnce(sequence);
      synchronized (writes) {
        writes.add(write);
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

  private ProbeWrite writeOnce(long sequence) {
    Instant started = clock.instant();
    try {
      String member = target.write(sequence);
      return new ProbeWrite(sequence, started, clock.instant(), true, member, "");
    } catch (Exception e) {
      return new ProbeWrite(sequence, started, clock.instant(), false, "", reason(e));
    }
  }

  /** A short reason for a failed write: the exception's message, its first line only. */
  static String reason(Throwable e) {
    String message = e.getMessage();
    if (message == null || message.isBlank()) {
      message = e.getClass().getSimpleName();
    }
    return message.lines().findFirst().orElse(message).strip();
  }
}
