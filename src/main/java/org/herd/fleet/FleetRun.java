package org.herd.fleet;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.herd.transport.Endpoint;
import org.herd.transport.ExecOptions;
import org.herd.transport.Execution;
import org.herd.transport.RemoteCommand;
import org.herd.transport.Session;
import org.herd.transport.Transport;
import org.herd.transport.TransportException;

/**
 * One command running on a fleet: its progress, its result, and the means to stop it.
 *
 * <p>Every host is finished exactly once (a compare-and-set on its result slot), whichever comes
 * first of its own completion and an {@link #interrupt()}; the {@link #result()} completes when the
 * last host is finished.
 */
public final class FleetRun {

  private static final AtomicInteger RUNS = new AtomicInteger();

  private final Transport transport;
  private final FanOutSettings settings;
  private final Clock clock;
  private final List<Endpoint> hosts;
  private final HostAction action;
  private final FleetListener listener;
  private final AtomicReferenceArray<HostResult> results;
  private final AtomicReferenceArray<HostOutput> outputs;
  private final AtomicReferenceArray<Instant> startedAt;
  private final Map<Integer, Execution> running = new ConcurrentHashMap<>();
  private final Map<String, HostOutcome> preset;
  private final List<Integer> toRun;
  private final AtomicInteger next = new AtomicInteger();
  private final AtomicInteger remaining;
  private final CompletableFuture<FleetResult> done = new CompletableFuture<>();
  private final ThreadPoolExecutor connectors;
  private volatile boolean interrupted;

  FleetRun(
      Transport transport,
      FanOutSettings settings,
      Clock clock,
      List<Endpoint> hosts,
      HostAction action,
      FleetListener listener,
      Map<String, HostOutcome> preset) {
    this.transport = transport;
    this.settings = settings;
    this.clock = clock;
    this.hosts = List.copyOf(hosts);
    this.action = action;
    this.listener = listener;
    this.results = new AtomicReferenceArray<>(this.hosts.size());
    this.outputs = new AtomicReferenceArray<>(this.hosts.size());
    this.startedAt = new AtomicReferenceArray<>(this.hosts.size());
    this.remaining = new AtomicInteger(this.hosts.size());
    this.preset = Map.copyOf(preset);
    this.toRun = new ArrayList<>();
    for (int i = 0; i < this.hosts.size(); i++) {
      if (!this.preset.containsKey(this.hosts.get(i).name())) {
        toRun.add(i);
      }
    }
    int threads = Math.max(1, Math.min(settings.fanout(), toRun.size()));
    this.connectors =
        new ThreadPoolExecutor(
            threads,
            threads,
            10,
            TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(),
            connectorThreads(RUNS.incrementAndGet()));
    this.connectors.allowCoreThreadTimeOut(true);
  }

  private static ThreadFactory connectorThreads(int run) {
    AtomicInteger count = new AtomicInteger();
    return task -> {
      Thread thread = new Thread(task, "herd-connect-" + run + "-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }

  void begin() {
    if (hosts.isEmpty()) {
      complete();
      return;
    }
    for (int i = 0; i < hosts.size(); i++) {
      HostOutcome outcome = preset.get(hosts.get(i).name());
      if (outcome != null) {
        finish(i, outcome, null, false);
      }
    }
    for (int i = 0; i < Math.min(settings.fanout(), toRun.size()); i++) {
      launchNext();
    }
  }

  /** What runs on each host. */
  public HostAction action() {
    return action;
  }

  /** Completes with every host's result, in the order the hosts were given. */
  public CompletableFuture<FleetResult> result() {
    return done;
  }

  /**
   * Waits for every host.
   *
   * @throws InterruptedException when the waiting thread is interrupted; the run is stopped first
   */
  public FleetResult await() throws InterruptedException {
    try {
      return done.get();
    } catch (InterruptedException e) {
      interrupt();
      throw e;
    } catch (ExecutionException e) {
      throw new IllegalStateException("a fleet run cannot fail as a whole", e.getCause());
    }
  }

  /** How many hosts are finished so far. */
  public int finishedCount() {
    return hosts.size() - remaining.get();
  }

  /**
   * Stops the run (Ctrl-C): commands still running are killed, hosts still connecting or waiting
   * are given up, and each of them is finished as {@link HostOutcome.Interrupted} with the output
   * it printed so far. Returns at once; safe to call from any thread, several times.
   */
  public void interrupt() {
    interrupted = true;
    connectors.shutdownNow();
    for (Execution execution : running.values()) {
      execution.cancel();
    }
    for (int i = 0; i < hosts.size(); i++) {
      finish(i, new HostOutcome.Interrupted(), outputs.get(i));
    }
  }

  private void launchNext() {
    int position = next.getAndIncrement();
    if (position >= toRun.size() || interrupted) {
      return;
    }
    int index = toRun.get(position);
    try {
      connectors.execute(() -> connect(index));
    } catch (RejectedExecutionException e) {
      finish(index, new HostOutcome.Interrupted(), null);
    }
  }

  private void connect(int index) {
    Endpoint endpoint = hosts.get(index);
    startedAt.set(index, clock.instant());
    if (interrupted) {
      finish(index, new HostOutcome.Interrupted(), null);
      return;
    }
    listener.started(endpoint.name());
    HostOutput output =
        new HostOutput(endpoint.name(), listener, settings.retainOutput(), settings.outputLimit());
    outputs.set(index, output);
    Session session;
    try {
      session = transport.open(endpoint);
    } catch (TransportException e) {
      finish(index, TransportOutcomes.of(e), output);
      return;
    } catch (InterruptedException e) {
      finish(index, new HostOutcome.Interrupted(), output);
      return;
    } catch (RuntimeException e) {
      finish(index, new HostOutcome.Errored(String.valueOf(e)), output);
      return;
    }
    if (action instanceof HostAction.Command command) {
      startCommand(index, session, command.command(), output);
    } else if (action instanceof HostAction.Task task) {
      runTask(index, session, task.work(), output);
    }
  }

  private void startCommand(int index, Session session, RemoteCommand command, HostOutput output) {
    Execution execution;
    try {
      execution = session.start(command, execOptions(output));
    } catch (TransportException e) {
      finish(index, TransportOutcomes.of(e), output);
      return;
    } catch (RuntimeException e) {
      finish(index, new HostOutcome.Errored(String.valueOf(e)), output);
      return;
    }
    running.put(index, execution);
    if (interrupted) {
      execution.cancel();
    }
    execution
        .result()
        .whenComplete(
            (result, failure) -> {
              running.remove(index);
              output.finish();
              HostOutcome outcome =
                  failure == null ? TransportOutcomes.of(result) : TransportOutcomes.of(failure);
              if (!settings.keepConnections()) {
                closeLater(session);
              }
              finish(index, outcome, output);
            });
  }

  /** Blocking work runs on this connector thread, which Ctrl-C interrupts. */
  private void runTask(int index, Session session, HostAction.SessionTask work, HostOutput output) {
    HostOutcome outcome;
    try {
      work.run(session);
      outcome = new HostOutcome.Ok();
    } catch (TransportException e) {
      outcome = TransportOutcomes.of(e);
    } catch (InterruptedException e) {
      outcome = new HostOutcome.Interrupted();
    } catch (RuntimeException e) {
      outcome = new HostOutcome.Errored(String.valueOf(e));
    }
    if (!settings.keepConnections()) {
      session.close();
    }
    finish(index, outcome, output);
  }

  private ExecOptions execOptions(HostOutput output) {
    // The transport keeps nothing: lines are kept (capped) by HostOutput, once.
    return ExecOptions.defaults()
        .withTimeout(settings.commandTimeout())
        .withOutputLimit(0)
        .withListener(output);
  }

  /**
   * Closes a connection off the transport's own thread (a completion callback runs on it, and
   * closing from there could wait on itself).
   */
  private void closeLater(Session session) {
    try {
      connectors.execute(session::close);
    } catch (RejectedExecutionException e) {
      // The run was interrupted: the owner of the transport closes every session.
    }
  }

  private void finish(int index, HostOutcome outcome, HostOutput output) {
    finish(index, outcome, output, true);
  }

  /**
   * Records a host's result once; {@code freesSlot} is false for hosts that never held a fan-out
   * slot, so that finishing them starts nobody.
   */
  private void finish(int index, HostOutcome outcome, HostOutput output, boolean freesSlot) {
    String host = hosts.get(index).name();
    Instant started = startedAt.get(index);
    Duration duration =
        started == null ? Duration.ZERO : Duration.between(started, clock.instant());
    HostResult result =
        output == null
            ? HostResult.withoutOutput(host, outcome, duration)
            : new HostResult(host, outcome, output.lines(), output.truncated(), duration);
    if (!results.compareAndSet(index, null, result)) {
      return;
    }
    listener.finished(result);
    if (remaining.decrementAndGet() == 0) {
      complete();
    } else if (freesSlot && !interrupted) {
      launchNext();
    }
  }

  private void complete() {
    connectors.shutdown();
    List<HostResult> all = new ArrayList<>(hosts.size());
    for (int i = 0; i < hosts.size(); i++) {
      all.add(results.get(i));
    }
    done.complete(new FleetResult(all, interrupted));
  }
}
