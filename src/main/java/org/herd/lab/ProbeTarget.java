package org.herd.lab;

/**
 * A cluster a {@link WriteProbe} writes to, through a client that fails over across the members as
 * an application's client would.
 */
public interface ProbeTarget extends AutoCloseable {

  /**
   * Writes record {@code sequence} to the cluster and returns the name of the member that
   * acknowledged it.
   *
   * @throws Exception when no member acknowledged it (the message says why)
   */
  String write(long sequence) throws Exception;

  /** What is written to, for output, as in {@code etcd at 10.213.0.11-13:2379}. */
  String describe();

  @Override
  void close();
}
