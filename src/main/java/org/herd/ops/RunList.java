package org.herd.ops;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.herd.journal.Journal;
import org.herd.journal.RunSummary;
import org.herd.journal.StepRecord;

/** The runs in the journal, newest first, each with its hosts' progress (the runs page and API). */
public final class RunList {

  /**
   * How far a run's hosts are.
   *
   * @param done hosts that succeeded
   * @param failed hosts that failed
   * @param running hosts with steps under way or begun
   * @param waiting hosts not started yet
   */
  public record Progress(int done, int failed, int running, int waiting) {}

  /** One run and its progress. */
  public record Row(RunSummary run, Progress progress) {}

  private final Journal journal;

  /**
   * The progress of runs that are over, by their summary: such a run's steps no longer change
   * (resuming it changes its state and end, hence its summary), so it is read once.
   */
  private final Map<RunSummary, Progress> over = new java.util.concurrent.ConcurrentHashMap<>();

  public RunList(Journal journal) {
    this.journal = journal;
  }

  /** The newest {@code limit} runs. */
  public List<Row> newest(int limit) {
    List<Row> rows = new ArrayList<>();
    for (RunSummary run : journal.runs()) {
      if (rows.size() >= limit) {
        break;
      }
      Progress progress = run.state().terminal() ? over.get(run) : null;
      if (progress == null) {
        progress = progress(run.hosts(), byHost(journal.steps(run.id())));
        if (run.state().terminal()) {
          over.put(run, progress);
        }
      }
      rows.add(new Row(run, progress));
    }
    return rows;
  }

  static Map<String, List<StepRecord>> byHost(List<StepRecord> steps) {
    Map<String, List<StepRecord>> byHost = new LinkedHashMap<>();
    steps.forEach(s -> byHost.computeIfAbsent(s.host(), h -> new ArrayList<>()).add(s));
    return byHost;
  }

  static Progress progress(int hosts, Map<String, List<StepRecord>> byHost) {
    int done = 0;
    int failed = 0;
    int running = 0;
    for (List<StepRecord> steps : byHost.values()) {
      switch (HostProgress.of(steps)) {
        case SUCCEEDED -> done++;
        case FAILED -> failed++;
        case RUNNING -> running++;
        case WAITING -> {}
      }
    }
    return new Progress(done, failed, running, Math.max(0, hosts - done - failed - running));
  }
}
