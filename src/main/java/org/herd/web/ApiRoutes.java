package org.herd.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.sse.SseClient;
import io.javalin.http.sse.SseHandler;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.herd.engine.RunLease;
import org.herd.facts.StatusJson;
import org.herd.journal.RunSummary;
import org.herd.ops.ClusterView;
import org.herd.ops.FleetView;
import org.herd.ops.HostChangeLog;
import org.herd.ops.InvalidRequest;
import org.herd.ops.RunActions;
import org.herd.ops.RunEvents;
import org.herd.ops.RunList;
import org.herd.ops.RunOptions;
import org.herd.ops.RunView;

/** The JSON API under {@code /api/v1} and its live events; docs/serve.md shows every answer. */
final class ApiRoutes {

  /** How many runs {@code /api/v1/runs} lists unless asked. */
  static final int DEFAULT_LIMIT = 50;

  private final Map<String, Object> about;
  private final RunList runList;
  private final RunView runView;
  private final FleetView fleetView;
  private final ClusterView clusterView;
  private final HostChangeLog history;
  private final RunEvents events;
  private final RunActions actions;
  private final Guard guard;
  private final FleetJson fleetJson = new FleetJson();

  ApiRoutes(
      Map<String, Object> about,
      RunList runList,
      RunView runView,
      FleetView fleetView,
      ClusterView clusterView,
      HostChangeLog history,
      RunEvents events,
      RunActions actions,
      Guard guard) {
    this.about = about;
    this.runList = runList;
    this.runView = runView;
    this.fleetView = fleetView;
    this.clusterView = clusterView;
    this.history = history;
    this.events = events;
    this.actions = actions;
    this.guard = guard;
  }

  void register(RoutesConfig routes) {
    routes.get("/api/v1", ctx -> Json.answer(ctx, 200, about));
    routes.get("/api/v1/runs", this::runs);
    routes.get("/api/v1/runs/{id}", this::run);
    routes.get("/api/v1/runs/{id}/events", this::events);
    routes.get("/api/v1/hosts", this::hosts);
    routes.get(
        "/api/v1/hosts/{host}/history",
        ctx -> Json.answer(ctx, 200, history.of(ctx.pathParam("host"))));
    routes.get("/api/v1/clusters", ctx -> Json.answer(ctx, 200, clusterView.clusters()));
    routes.post(
        "/api/v1/runs",
        ctx ->
            act(ctx, by -> actions.start(ctx.body(), by, RunOptions.parameters(ctx::queryParam))));
    routes.post(
        "/api/v1/runs/{id}/abort", ctx -> act(ctx, by -> actions.abort(ctx.pathParam("id"), by)));
    routes.post(
        "/api/v1/runs/{id}/pause", ctx -> act(ctx, by -> actions.pause(ctx.pathParam("id"), by)));
    routes.post(
        "/api/v1/runs/{id}/resume", ctx -> act(ctx, by -> actions.resume(ctx.pathParam("id"), by)));
    routes.exception(InvalidRequest.class, (e, ctx) -> Json.error(ctx, 400, e.getMessage()));
    routes.exception(
        RunLease.HostsHeldException.class, (e, ctx) -> Json.error(ctx, 409, e.getMessage()));
    routes.error(
        404,
        ctx -> {
          String type = ctx.res().getContentType();
          if (type == null || !type.startsWith("application/json")) {
            Json.error(ctx, 404, "not found: " + ctx.path());
          }
        });
  }

  private void runs(Context ctx) {
    int limit = DEFAULT_LIMIT;
    String asked = ctx.queryParam("limit");
    if (asked != null) {
      try {
        limit = Integer.parseInt(asked);
      } catch (NumberFormatException e) {
        limit = -1;
      }
      if (limit < 1) {
        Json.error(ctx, 400, "limit: expected a positive number, got " + asked);
        return;
      }
    }
    List<Map<String, Object>> rows =
        runList.newest(limit).stream().map(r -> run(r.run(), r.progress())).toList();
    Json.answer(ctx, 200, rows);
  }

  static Map<String, Object> run(RunSummary run, RunList.Progress progress) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("id", run.id().value());
    row.put("state", run.state().name());
    row.put("started", run.startedAt().toString());
    row.put("finished", run.finishedAt().map(Object::toString).orElse(null));
    row.put("startedBy", run.startedBy());
    row.put("command", run.command());
    row.put("hosts", run.hosts());
    row.put("progress", progress);
    return row;
  }

  private void run(Context ctx) {
    String id = ctx.pathParam("id");
    Optional<RunView.Detail> detail = runView.of(id);
    if (detail.isEmpty()) {
      Json.error(ctx, 404, "run " + id + ": no such run");
      return;
    }
    RunView.Detail d = detail.get();
    Map<String, Object> answer = run(d.run(), d.progress());
    answer.put("hostDetails", d.hosts());
    answer.put("clusters", d.clusters());
    answer.put("actions", d.actions());
    Json.answer(ctx, 200, answer);
  }

  private void events(Context ctx) throws Exception {
    String id = ctx.pathParam("id");
    if (runView.of(id).isEmpty()) {
      Json.error(ctx, 404, "run " + id + ": no such run");
      return;
    }
    long last = 0;
    String header = ctx.header("Last-Event-ID");
    if (header != null) {
      try {
        last = Math.max(0, Long.parseLong(header.strip()));
      } catch (NumberFormatException e) {
        last = 0;
      }
    }
    long from = last;
    new SseHandler(client -> follow(client, id, from)).handle(ctx);
  }

  private void follow(SseClient client, String id, long from) {
    client.keepAlive();
    RunEvents.Subscription subscription =
        events.follow(
            id,
            from,
            event -> {
              if (event.type().equals("heartbeat")) {
                client.sendComment("heartbeat");
              } else {
                client.sendEvent(event.type(), Json.text(event.data()), String.valueOf(event.id()));
              }
              return !client.terminated();
            });
    client.onClose(subscription::close);
  }

  private void hosts(Context ctx) {
    FleetView.Fleet fleet =
        fleetView.of(
            new FleetView.Filter(
                ctx.queryParam("nodes"),
                ctx.queryParam("group"),
                ctx.queryParam("cluster"),
                ctx.queryParam("wave")));
    // facts=false: each host's collection time, not its full facts; hosts=false: no host at all,
    // only the folded rows (what a fleet page of 10,000 hosts shows).
    StatusJson.HostDetail detail =
        "false".equals(ctx.queryParam("hosts"))
            ? StatusJson.HostDetail.NONE
            : "false".equals(ctx.queryParam("facts"))
                ? StatusJson.HostDetail.COLLECTION_TIMES
                : StatusJson.HostDetail.FACTS;
    ctx.status(200).contentType("application/json").result(fleetJson.utf8(fleet, detail));
  }

  /** An action, after the guard let its caller through. */
  private interface Action {
    RunActions.Outcome run(String by) throws Exception;
  }

  private void act(Context ctx, Action action) throws Exception {
    Optional<String> by = guard.actor(ctx);
    if (by.isEmpty()) {
      return;
    }
    RunActions.Outcome outcome = action.run(by.get());
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("by", by.get());
    if (outcome instanceof RunActions.Outcome.Executing executing) {
      answer.put("run", executing.run());
      answer.put("executing", true);
      Json.answer(ctx, 202, answer);
    } else if (outcome instanceof RunActions.Outcome.Recorded recorded) {
      answer.put("run", recorded.run());
      answer.put("executing", false);
      answer.put("note", recorded.note());
      Json.answer(ctx, 200, answer);
    }
  }
}
