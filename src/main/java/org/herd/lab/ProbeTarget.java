package org.herd.lab;

import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * A cluster a {@link WriteProbe} writes to, one member at a time: the probe, not the target, tries
 * the members in turn, as an application with a list of endpoints and an ordinary per-request
 * timeout does.
 */
public interface ProbeTarget extends AutoCloseable {

  /** The members' names, in the order the client tries them. */
  List<String> members();

  /**
   * Writes record {@code sequence} through {@code member}, waiting at most {@code timeout} for the
   * acknowledgement.
   *
   * @throws Exception when the member did not acknowledge it in time (the message says why)
   */
  void write(String member, long sequence, Duration timeout) throws Exception;

  /**
   * The sequence numbers the cluster holds now, read through the first member that answers: after
   * the upgrade, to tell whether an acknowledged write was lost.
   *
   * @throws Exception when no member answered
   */
  Set<Long> stored(Duration timeout) throws Exception;

  /** What is written to, for output, as in {@code etcd at 10.213.0.11-13:2379}. */
  String describe();

  @Override
  void close();
}
