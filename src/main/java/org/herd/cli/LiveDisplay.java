package org.herd.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.herd.fleet.FleetListener;
import org.herd.fleet.HostOutcome;
import org.herd.fleet.HostResult;
import org.herd.fleet.OutputLine;
import org.herd.fleet.StreamKind;
import org.herd.fleet.TextReport;

/**
 * What {@code herd run} (and, progress line only, {@code herd status} and {@code herd changes})
 * shows while hosts are running: live {@code host: line} output (stdout when not gathering; stderr
 * also when gathering only stdout, as clush does) and, on a terminal (or with {@code -P}), one
 * progress line on stderr that is erased before any output and redrawn after it.
 *
 * <p>Events come from many threads; one lock serializes everything written.
 */
final class LiveDisplay implements FleetListener {

  private static final Duration REDRAW_EVERY = Duration.ofMillis(100);

  private final TextReport report;
  private final PrintWriter out;
  private final PrintWriter err;
  private final boolean showStdout;
  private final boolean showStderr;
  private final boolean progress;
  private final Clock clock;
  private final int total;
  private int done;
  private int failed;
  private boolean drawn;
  private Instant lastDrawn = Instant.MIN;

  /**
   * A display for {@code total} hosts.
   *
   * @param showStdout print stdout lines as they come
   * @param showStderr print stderr lines as they come
   * @param progress draw the progress line (on a terminal, or off one with {@code herd run -P})
   */
  LiveDisplay(
      TextReport report,
      PrintWriter out,
      PrintWriter err,
      boolean showStdout,
      boolean showStderr,
      boolean progress,
      Clock clock,
      int total) {
    this.report = report;
    this.out = out;
    this.err = err;
    this.showStdout = showStdout;
    this.showStderr = showStderr;
    this.progress = progress;
    this.clock = clock;
    this.total = total;
  }

  /**
   * Only the progress line, and only on a terminal: for commands that print their report at the end
   * ({@code herd status}, {@code herd changes}).
   */
  static LiveDisplay progressOnly(CliContext context, int total) {
    TextReport silent =
        new TextReport(
            context.out(), context.err(), new TerminalPalette(context.terminal()), false);
    return new LiveDisplay(
        silent,
        context.out(),
        context.err(),
        false,
        false,
        context.terminal().interactive(),
        context.clock(),
        total);
  }

  @Override
  public void line(String host, OutputLine line) {
    boolean stderr = line.stream() == StreamKind.STDERR;
    if (stderr ? !showStderr : !showStdout) {
      return;
    }
    synchronized (this) {
      erase();
      report.line(host, line);
      (stderr ? err : out).flush();
      draw(false);
    }
  }

  @Override
  public synchronized void finished(HostResult result) {
    done++;
    if (!(result.outcome() instanceof HostOutcome.Ok)) {
      failed++;
    }
    draw(done == total);
  }

  /** Removes the progress line, before the final report is printed. */
  synchronized void clear() {
    erase();
  }

  private void draw(boolean force) {
    if (!progress) {
      return;
    }
    Instant now = clock.instant();
    if (!force && Duration.between(lastDrawn, now).compareTo(REDRAW_EVERY) < 0) {
      return;
    }
    lastDrawn = now;
    String text = "herd: " + done + "/" + total + " hosts done";
    if (failed > 0) {
      text += ", " + failed + " failed";
    }
    out.flush();
    err.print("\r" + text + "\u001b[K");
    err.flush();
    drawn = true;
  }

  private void erase() {
    if (drawn) {
      err.print("\r\u001b[K");
      err.flush();
      drawn = false;
    }
  }
}
