package org.herd.web;

import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.herd.journal.StepRecord;
import org.herd.ops.FleetMetrics;
import org.herd.ops.RunList;

/**
 * {@code /metrics} in Prometheus' text format, through Micrometer; every number is read from the
 * journal at the scrape ({@link FleetMetrics}). docs/serve.md lists the names.
 */
final class Metrics {

  private final FleetMetrics source;
  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final MultiGauge pending;
  private final MultiGauge security;
  private final MultiGauge reboot;
  private final MultiGauge runHosts;
  private final MultiGauge leases;
  private final MultiGauge guards;

  Metrics(FleetMetrics source) {
    this.source = source;
    pending = gauge("herd.hosts.pending", "hosts with pending upgrades, per cluster or wave");
    security = gauge("herd.hosts.security", "hosts with pending security upgrades");
    reboot = gauge("herd.hosts.reboot", "hosts that need a reboot");
    runHosts = gauge("herd.run.hosts", "hosts of running runs, by progress");
    leases = gauge("herd.leases", "leases in the journal, held or expired, by kind");
    guards = gauge("herd.guards", "hosts by the state of herd's service guard (latest facts)");
  }

  private MultiGauge gauge(String name, String description) {
    return MultiGauge.builder(name).description(description).register(registry);
  }

  /** The metrics now, in Prometheus' text format. Scrapes are served one at a time. */
  synchronized String scrape() {
    FleetMetrics.Snapshot snapshot = source.snapshot();
    List<MultiGauge.Row<?>> p = new ArrayList<>();
    List<MultiGauge.Row<?>> s = new ArrayList<>();
    List<MultiGauge.Row<?>> r = new ArrayList<>();
    for (FleetMetrics.Group g : snapshot.groups()) {
      Tags tags = Tags.of(g.kind(), g.name());
      p.add(MultiGauge.Row.of(tags, g.pending()));
      s.add(MultiGauge.Row.of(tags, g.security()));
      r.add(MultiGauge.Row.of(tags, g.reboot()));
    }
    pending.register(p, true);
    security.register(s, true);
    reboot.register(r, true);
    List<MultiGauge.Row<?>> runs = new ArrayList<>();
    for (RunList.Row row : snapshot.running()) {
      String id = row.run().id().value();
      RunList.Progress progress = row.progress();
      runs.add(MultiGauge.Row.of(Tags.of("run", id, "progress", "done"), progress.done()));
      runs.add(MultiGauge.Row.of(Tags.of("run", id, "progress", "failed"), progress.failed()));
      runs.add(MultiGauge.Row.of(Tags.of("run", id, "progress", "running"), progress.running()));
      runs.add(MultiGauge.Row.of(Tags.of("run", id, "progress", "waiting"), progress.waiting()));
    }
    runHosts.register(runs, true);
    List<MultiGauge.Row<?>> held = new ArrayList<>();
    snapshot
        .leases()
        .forEach(
            (key, count) -> {
              String[] parts = key.split(":", 2);
              held.add(MultiGauge.Row.of(Tags.of("kind", parts[0], "state", parts[1]), count));
            });
    leases.register(held, true);
    List<MultiGauge.Row<?>> guarded = new ArrayList<>();
    snapshot
        .guards()
        .forEach((state, count) -> guarded.add(MultiGauge.Row.of(Tags.of("state", state), count)));
    guards.register(guarded, true);
    for (StepRecord step : source.finishedSinceLastCall()) {
      Timer.builder("herd.step.duration")
          .description("how long steps took, from the journal's finished steps")
          .tag("step", step.step())
          .publishPercentileHistogram()
          // Steps take from a second (precheck) to many minutes (install, reboot, health waits).
          .minimumExpectedValue(Duration.ofMillis(100))
          .maximumExpectedValue(Duration.ofHours(2))
          .register(registry)
          .record(Duration.between(step.startedAt(), step.finishedAt().orElseThrow()));
    }
    return registry.scrape();
  }
}
