package org.herd.lab;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a {@link WriteProbe} saw: every write, and the figures that tell whether clients noticed the
 * upgrade.
 *
 * <p>The <b>longest unavailability</b> is the longest stretch during which a client could not
 * write: from the start of the first write of a run of failed writes to the end of the next write
 * that succeeded (or of the last write, when none did); a write that succeeded but took longer than
 * {@link #SLOW} counts too, for its own duration, since a client waiting that long notices.
 *
 * @param writes every write, in order
 */
public record ProbeReport(List<ProbeWrite> writes) {

  /** A successful write slower than this counts as unavailability. */
  public static final Duration SLOW = Duration.ofSeconds(1);

  /** A copy of {@code writes}. */
  public ProbeReport {
    writes = List.copyOf(writes);
  }

  /** How many writes were attempted. */
  public int attempted() {
    return writes.size();
  }

  /** How many writes failed. */
  public int failed() {
    return (int) writes.stream().filter(w -> !w.ok()).count();
  }

  /** The longest stretch during which writes were unavailable (zero when none failed or lagged). */
  public Duration longestUnavailable() {
    Duration longest = Duration.ZERO;
    Instant outageStart = null;
    for (ProbeWrite write : writes) {
      if (!write.ok()) {
        if (outageStart == null) {
          outageStart = write.started();
        }
        continue;
      }
      Duration span =
          outageStart != null
              ? Duration.between(outageStart, write.ended())
              : (write.took().compareTo(SLOW) > 0 ? write.took() : Duration.ZERO);
      longest = span.compareTo(longest) > 0 ? span : longest;
      outageStart = null;
    }
    if (outageStart != null) {
      Duration span = Duration.between(outageStart, writes.get(writes.size() - 1).ended());
      longest = span.compareTo(longest) > 0 ? span : longest;
    }
    return longest;
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

  /** One line: attempted, failed, longest unavailability. */
  public String summary() {
    return String.format(
        "%d writes, %d failed, longest unavailability %s",
        attempted(), failed(), seconds(longestUnavailable()));
  }

  /** {@code d} in seconds with one decimal, as in {@code 0.0 s}. */
  public static String seconds(Duration d) {
    return String.format(java.util.Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
  }
}
