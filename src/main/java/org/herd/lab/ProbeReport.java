package org.herd.lab;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * What a {@link WriteProbe} saw: every write, what the cluster held at the end, and the figures
 * that tell whether clients noticed the upgrade.
 *
 * <ul>
 *   <li>The <b>longest window</b> is the longest stretch during which no member accepted a write:
 *       from the start of the first write of a run of failed writes to the end of the next write
 *       that succeeded (or of the last write, when none did).
 *   <li>The <b>largest gap</b> is the longest time between two consecutive acknowledgements: what a
 *       client waiting on the cluster felt, failed writes or not (a write that succeeded on its
 *       third member after two timeouts is a gap of two seconds and more).
 *   <li>A write is <b>lost</b> when the cluster acknowledged it and does not hold it at the end.
 * </ul>
 *
 * @param writes every write, in order
 * @param stored the sequence numbers the cluster held at the end; empty when it could not be read
 */
public record ProbeReport(List<ProbeWrite> writes, Optional<Set<Long>> stored) {

  /** A copy of {@code writes} and {@code stored}. */
  public ProbeReport {
    writes = List.copyOf(writes);
    stored = stored.map(Set::copyOf);
  }

  /** How many writes were attempted. */
  public int attempted() {
    return writes.size();
  }

  /** How many writes failed. */
  public int failed() {
    return (int) writes.stream().filter(w -> !w.ok()).count();
  }

  /** The longest stretch during which no member accepted a write (zero when none failed). */
  public Duration longestWindow() {
    return longest().map(w -> Duration.between(w.start(), w.end())).orElse(Duration.ZERO);
  }

  /** When the longest window began; empty when no write failed. */
  public Optional<Instant> longestWindowStart() {
    return longest().map(Window::start);
  }

  /** A stretch of failed writes: from the first one's start to the next acknowledgement. */
  private record Window(Instant start, Instant end) {}

  private Optional<Window> longest() {
    Window longest = null;
    Instant outageStart = null;
    for (int i = 0; i < writes.size(); i++) {
      ProbeWrite write = writes.get(i);
      if (!write.ok()) {
        outageStart = outageStart == null ? write.started() : outageStart;
      }
      boolean over = write.ok() || i == writes.size() - 1;
      if (outageStart != null && over) {
        Window window = new Window(outageStart, write.ended());
        if (longest == null
            || Duration.between(window.start(), window.end())
                    .compareTo(Duration.between(longest.start(), longest.end()))
                > 0) {
          longest = window;
        }
        outageStart = null;
      }
    }
    return Optional.ofNullable(longest);
  }

  /**
   * The longest time between two consecutive acknowledgements, or from the last one to the end of
   * the last write when writes failed after it (zero without an acknowledgement).
   */
  public Duration largestGap() {
    Duration largest = Duration.ZERO;
    Instant previous = null;
    for (ProbeWrite write : writes) {
      if (write.ok()) {
        if (previous != null) {
          largest = max(largest, Duration.between(previous, write.ended()));
        }
        previous = write.ended();
      }
    }
    if (previous != null && !writes.get(writes.size() - 1).ok()) {
      largest = max(largest, Duration.between(previous, writes.get(writes.size() - 1).ended()));
    }
    return largest;
  }

  /** How many acknowledged writes the cluster does not hold; empty when it could not be read. */
  public Optional<Integer> lost() {
    return stored.map(
        held -> (int) writes.stream().filter(w -> w.ok() && !held.contains(w.sequence())).count());
  }

  /** How many writes each member acknowledged, by member name. */
  public Map<String, Integer> acknowledgedBy() {
    Map<String, Integer> by = new TreeMap<>();
    for (ProbeWrite write : writes) {
      if (write.ok()) {
        by.merge(write.member(), 1, Integer::sum);
      }
    }
    return by;
  }

  /** The distinct reasons writes failed, with how often, in the order first seen. */
  public Map<String, Integer> failures() {
    Map<String, Integer> why = new java.util.LinkedHashMap<>();
    for (ProbeWrite write : writes) {
      if (!write.ok()) {
        why.merge(write.error(), 1, Integer::sum);
      }
    }
    return why;
  }

  /** One line: attempted, failed, longest window, largest gap, lost. */
  public String summary() {
    return String.format(
        "%d writes, %d failed, longest window %s, largest gap %s, %s acknowledged lost",
        attempted(),
        failed(),
        seconds(longestWindow()),
        seconds(largestGap()),
        lost().map(String::valueOf).orElse("? (not read back)"));
  }

  private static Duration max(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }

  /** {@code d} in seconds with one decimal, as in {@code 0.0 s}. */
  public static String seconds(Duration d) {
    return String.format(java.util.Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
  }
}
