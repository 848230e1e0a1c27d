package org.herd.engine;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The standalone hosts of a wave cut into {@link Serial} batches: a batch is current until every
 * one of its hosts has ended, then the next one is.
 */
final class StandaloneBatches {

  private final List<String> hosts;
  private final List<Integer> sizes;
  private final Set<String> ended = new HashSet<>();
  private int batch;
  private int from;
  private int endedInBatch;
  private int cursor;
  private final java.util.Map<String, Integer> index = new java.util.HashMap<>();

  StandaloneBatches(List<String> hosts, List<Integer> sizes) {
    this.hosts = List.copyOf(hosts);
    this.sizes = List.copyOf(sizes);
    for (int i = 0; i < this.hosts.size(); i++) {
      index.put(this.hosts.get(i), i);
    }
  }

  /**
   * The hosts of the current batch from the first that is still {@code waiting}: the ones before it
   * were started or given up and are not looked at again.
   */
  List<String> pending(java.util.function.Predicate<String> waiting) {
    List<String> current = current();
    if (current.isEmpty()) {
      return current;
    }
    cursor = Math.max(cursor, from);
    int end = from + current.size();
    while (cursor < end && !waiting.test(hosts.get(cursor))) {
      cursor++;
    }
    return hosts.subList(cursor, end);
  }

  /** The hosts of the current batch (some may have started or ended). */
  List<String> current() {
    while (batch < sizes.size() && endedInBatch == sizes.get(batch)) {
      from += sizes.get(batch);
      batch++;
      endedInBatch = 0;
      if (batch < sizes.size()) {
        for (String host : batchHosts()) {
          endedInBatch += ended.contains(host) ? 1 : 0;
        }
      }
    }
    if (batch >= sizes.size()) {
      return List.of();
    }
    return hosts.subList(from, from + sizes.get(batch));
  }

  void ended(String host) {
    Integer at = index.get(host);
    if (ended.add(host)
        && at != null
        && batch < sizes.size()
        && at >= from
        && at < from + sizes.get(batch)) {
      endedInBatch++;
    }
  }

  private List<String> batchHosts() {
    return hosts.subList(from, from + sizes.get(batch));
  }
}
