package org.herd.lab;

import java.time.Duration;
import java.time.Instant;

/**
 * One write of a {@link WriteProbe}: when it started and ended, whether the cluster accepted it,
 * and which member answered (or why it failed).
 *
 * @param sequence its number, from 1
 * @param started when the client sent it
 * @param ended when the client had the answer (or gave up)
 * @param ok whether the cluster acknowledged the write
 * @param member the member that acknowledged it; empty when it failed
 * @param error why it failed; empty when it succeeded
 */
public record ProbeWrite(
    long sequence, Instant started, Instant ended, boolean ok, String member, String error) {

  /** How long the write took. */
  public Duration took() {
    return Duration.between(started, ended);
  }
}
