package org.herd.ops;

import java.util.List;
import org.herd.journal.HostChange;
import org.herd.journal.Journal;

/**
 * What changed on one host, when, in which run and started by whom (the history page and API): the
 * journal's version records of every run that recorded what it left on the host.
 */
public final class HostChangeLog {

  /** One package changed by one run; {@code from}/{@code to} are null for "not installed". */
  public record Entry(String run, String at, String by, String pkg, String from, String to) {}

  private final Journal journal;

  public HostChangeLog(Journal journal) {
    this.journal = journal;
  }

  /**
   * The host's changes, oldest first.
   *
   * @throws InvalidRequest when {@code host} is no host name
   */
  public List<Entry> of(String host) {
    List<HostChange> changes;
    try {
      changes = journal.hostChanges(host);
    } catch (IllegalArgumentException e) {
      throw new InvalidRequest(e.getMessage());
    }
    return changes.stream()
        .map(
            c ->
                new Entry(
                    c.run().value(),
                    c.recordedAt().toString(),
                    c.startedBy(),
                    c.packageName(),
                    c.before().orElse(null),
                    c.after().orElse(null)))
        .toList();
  }
}
