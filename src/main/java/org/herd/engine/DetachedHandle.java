package org.herd.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Objects;

/**
 * A detached step on a host, as it was started: enough to find it again after a dropped connection
 * or a restart of herd. Journal it with {@link #toJson()} right after {@link DetachedCommand#start}
 * returns; {@link #fromJson(String)} reads it back.
 *
 * <p>Files of the step on the host, all in {@link #directory()}: {@code STEP.sh} (the runner),
 * {@code STEP.log} (stdout and stderr of the command), {@code STEP.pid} (the runner's pid), {@code
 * STEP.status} (its exit status, written when it ends), {@code STEP.started} (the mode; created
 * atomically, it makes a second start of the same step a re-attach).
 *
 * @param run the run id
 * @param step the step name
 * @param mode how it was started
 * @param unit the transient unit's name ({@code herd-RUN-STEP.service}); null for {@link
 *     DetachedMode#SETSID}
 * @param pid the runner's pid on the host, or 0 when it had not reported it yet
 * @param directory the step's directory on the host, {@code /var/lib/herd/runs/RUN}
 * @param reattached whether {@code start} found the step already started (nothing was run twice)
 */
public record DetachedHandle(
    String run,
    String step,
    DetachedMode mode,
    String unit,
    long pid,
    String directory,
    boolean reattached) {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Checks the fields. */
  public DetachedHandle {
    Objects.requireNonNull(run, "run");
    Objects.requireNonNull(step, "step");
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(directory, "directory");
  }

  /** The log file on the host: the command's stdout and stderr, interleaved as written. */
  public String log() {
    return directory + "/" + step + ".log";
  }

  /** The exit status file on the host; it exists once the command ended. */
  public String statusFile() {
    return directory + "/" + step + ".status";
  }

  /** The handle as one line of JSON, for the journal. */
  public String toJson() {
    try {
      return JSON.writeValueAsString(this);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a handle as JSON", e);
    }
  }

  /**
   * Reads a handle written by {@link #toJson()}.
   *
   * @throws IllegalArgumentException when the text is not such a handle
   */
  public static DetachedHandle fromJson(String json) {
    try {
      return JSON.readValue(json, DetachedHandle.class);
    } catch (JsonProcessingException | RuntimeException e) {
      throw new IllegalArgumentException("not a detached step handle: " + e.getMessage(), e);
    }
  }
}
