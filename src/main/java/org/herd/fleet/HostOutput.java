package org.herd.fleet;

import java.util.ArrayList;
import java.util.List;
import org.herd.transport.OutputListener;

/**
 * Collects one host's output as it arrives: cuts it into lines, passes each line to the {@link
 * FleetListener} and keeps it for the report, up to the per-host cap.
 *
 * <p>The transport never calls one execution's listener concurrently, but an interrupted run reads
 * the lines from another thread, hence the lock (uncontended in the normal case).
 */
final class HostOutput implements OutputListener {

  private final String host;
  private final FleetListener listener;
  private final boolean retain;
  private final long limit;
  private final LineSplitter stdout;
  private final LineSplitter stderr;
  private final List<OutputLine> lines = new ArrayList<>();
  private long kept;
  private boolean truncated;

  HostOutput(String host, FleetListener listener, boolean retain, long limit) {
    this.host = host;
    this.listener = listener;
    this.retain = retain;
    this.limit = limit;
    this.stdout = new LineSplitter(StreamKind.STDOUT, this::line);
    this.stderr = new LineSplitter(StreamKind.STDERR, this::line);
  }

  @Override
  public synchronized void output(Stream stream, byte[] bytes, int offset, int length) {
    (stream == Stream.STDERR ? stderr : stdout).accept(bytes, offset, length);
  }

  /** Emits the unterminated last lines; called once the command has ended. */
  synchronized void finish() {
    stdout.finish();
    stderr.finish();
  }

  private void line(OutputLine line) {
    listener.line(host, line);
    if (!retain) {
      return;
    }
    if (kept + line.bytes().length > limit) {
      truncated = true;
      return;
    }
    kept += line.bytes().length + 1;
    lines.add(line);
  }

  synchronized List<OutputLine> lines() {
    return List.copyOf(lines);
  }

  synchronized boolean truncated() {
    return truncated;
  }
}
