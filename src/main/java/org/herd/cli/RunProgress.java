package org.herd.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.herd.engine.GuardLeaseEvent;
import org.herd.engine.HostEnd;
import org.herd.engine.MaxFail;
import org.herd.engine.StepActions;
import org.herd.engine.StepResult;
import org.herd.engine.UpgradeStep;
import org.herd.ops.RunObserver;

/**
 * What {@code herd apply}, {@code upgrade} and {@code resume} show while a run executes, in one of
 * three forms: on a terminal, one progress line (hosts done, running, failed; each running host's
 * step; an estimate of the time left) redrawn in place, with failures printed above it; otherwise
 * one plain line per event; with {@code --json}, one JSON object per event and line on stdout.
 */
final class RunProgress implements RunObserver {

  /** The form of the display. */
  enum Form {
    TERMINAL,
    LINES,
    JSON
  }

  private static final DateTimeFormatter CLOCK =
      DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Form form;
  private final PrintWriter out;
  private final PrintWriter err;
  private final Terminal terminal;
  private final Clock clock;
  private final int total;
  private final Instant started;
  private final Map<String, UpgradeStep> running = new TreeMap<>();
  private final Map<String, Instant> stepStarts = new TreeMap<>();
  private int done;
  private int failed;
  private boolean drawn;

  RunProgress(Form form, CliContext context, int total) {
    this.form = form;
    this.out = context.out();
    this.err = context.err();
    this.terminal = context.terminal();
    this.clock = context.clock();
    this.total = total;
    this.started = clock.instant();
  }

  @Override
  public synchronized void stepStarted(String host, UpgradeStep step, StepActions.Attempt attempt) {
    running.put(host, step);
    stepStarts.put(host, clock.instant());
    switch (form) {
      case JSON ->
          event("stepStarted", host)
              .put("step", step.journalName())
              .put("reattach", attempt == StepActions.Attempt.REATTACH);
      case LINES ->
          line(
              host
                  + ": "
                  + step.journalName()
                  + (attempt == StepActions.Attempt.REATTACH ? " (re-attaching)" : "")
                  + "...");
      case TERMINAL -> redraw();
    }
    flushEvent();
  }

  @Override
  public synchronized void stepFinished(String host, UpgradeStep step, StepResult result) {
    Duration took =
        Duration.between(stepStarts.getOrDefault(host, clock.instant()), clock.instant());
    String outcome = result.outcome().name().toLowerCase(Locale.ROOT);
    switch (form) {
      case JSON -> {
        ObjectNode node =
            event("stepFinished", host)
                .put("step", step.journalName())
                .put("outcome", outcome)
                .put("seconds", took.toMillis() / 1000.0);
        if (!result.reason().isEmpty()) {
          node.put("reason", result.reason());
        }
      }
      case LINES ->
          line(
              host
                  + ": "
                  + step.journalName()
                  + " "
                  + outcome
                  + " ("
                  + took.toSeconds()
                  + "s)"
                  + (result.reason().isEmpty() ? "" : ": " + result.reason()));
      case TERMINAL -> {
        if (!result.succeeded()) {
          above(
              terminal.paint(
                  "31", host + ": " + step.journalName() + " " + outcome + ": " + result.reason()));
        }
        redraw();
      }
    }
    flushEvent();
  }

  @Override
  public synchronized void hostFinished(String host, HostEnd end) {
    running.remove(host);
    done++;
    if (end instanceof HostEnd.Failed) {
      failed++;
    }
    String word = describe(end);
    switch (form) {
      case JSON -> event("hostFinished", host).put("end", word);
      case LINES -> line(host + ": " + word);
      case TERMINAL -> redraw();
    }
    flushEvent();
  }

  @Override
  public synchronized void abortedByPolicy(int failedHosts, int totalHosts, MaxFail policy) {
    String message =
        failedHosts
            + " of "
            + totalHosts
            + " hosts failed, more than --max-fail "
            + policy
            + ": no more hosts are started; running hosts stop after their step";
    switch (form) {
      case JSON -> event("aborted", null).put("reason", message);
      case LINES -> line("run aborted: " + message);
      case TERMINAL -> above(terminal.paint("31", "run aborted: " + message));
    }
    flushEvent();
  }

  /**
   * The lease of a host's guard could not be renewed twice in a row, or is renewed again after that
   * ({@link GuardLeaseEvent}); {@code then} says what the run does about it (empty for nothing).
   */
  @Override
  public synchronized void guardLease(GuardLeaseEvent event, String then) {
    String message = "herd: " + event.describe() + (then.isEmpty() ? "" : "; " + then);
    boolean atRisk = event instanceof GuardLeaseEvent.AtRisk;
    switch (form) {
      case JSON -> {
        ObjectNode node =
            event(atRisk ? "guardLeaseAtRisk" : "guardLeaseRenewed", event.host())
                .put("message", event.describe());
        if (event instanceof GuardLeaseEvent.AtRisk risk) {
          node.put("reason", risk.reason()).put("expires", risk.expires().toString());
        } else if (event instanceof GuardLeaseEvent.Renewed renewed) {
          node.put("until", renewed.until().toString());
        }
        if (!then.isEmpty()) {
          node.put("then", then);
        }
        // The operator hears it on stderr too, as a lost run lease is told there.
        err.println(message);
        err.flush();
      }
      case LINES -> line(message);
      case TERMINAL -> {
        above(atRisk ? terminal.paint("31", message) : message);
        redraw();
      }
    }
    flushEvent();
  }

  /** A line for the operator, on stderr, above the progress line (the JSON stream has none). */
  @Override
  public synchronized void notice(String text) {
    if (form == Form.TERMINAL) {
      above("herd: " + text);
      redraw();
    } else {
      err.println("herd: " + text);
      err.flush();
    }
  }

  /** Erases the progress line, for the final report. */
  synchronized void finish() {
    if (drawn) {
      err.print("\r\033[K");
      err.flush();
      drawn = false;
    }
  }

  static String describe(HostEnd end) {
    if (end instanceof HostEnd.Failed f) {
      return (f.unreachable() ? "unreachable at " : "failed at ")
          + f.step().journalName()
          + ": "
          + f.reason();
    }
    if (end instanceof HostEnd.Stopped s) {
      return "stopped before " + s.next().journalName();
    }
    if (end instanceof HostEnd.NotStarted n) {
      return "not started: " + n.reason();
    }
    return end instanceof HostEnd.Skipped ? "skipped" : "done";
  }

  private ObjectNode current;

  private ObjectNode event(String kind, String host) {
    current = JSON.createObjectNode();
    current.put("time", clock.instant().toString()).put("event", kind);
    if (host != null) {
      current.put("host", host);
    }
    return current;
  }

  private void flushEvent() {
    if (current != null) {
      out.println(current);
      out.flush();
      current = null;
    }
  }

  private void line(String text) {
    err.println(CLOCK.format(clock.instant()) + " " + text);
    err.flush();
  }

  private void above(String text) {
    if (drawn) {
      err.print("\r\033[K");
    }
    err.println(text);
    drawn = false;
  }

  private void redraw() {
    StringBuilder line = new StringBuilder();
    line.append(
        String.format("[%d/%d done, %d running, %d failed]", done, total, running.size(), failed));
    running.forEach(
        (host, step) -> line.append(' ').append(host).append(':').append(step.journalName()));
    if (done > 0 && done < total) {
      long perHost = Duration.between(started, clock.instant()).toMillis() / done;
      line.append(" ETA ")
          .append(Duration.ofMillis(perHost * (total - done)).toSeconds())
          .append("s");
    }
    String text = line.length() > 160 ? line.substring(0, 157) + "..." : line.toString();
    err.print("\r\033[K" + text);
    err.flush();
    drawn = true;
  }
}
