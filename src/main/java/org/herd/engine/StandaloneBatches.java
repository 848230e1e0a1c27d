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

  StandaloneBatches(List<String> hosts, List<Integer> sizes) {
    this.hosts = List.copyOf(hosts);
    this.sizes = List.copyOf(sizes);
  }

  /** The hosts of the current batch (some may have started or ended). */
  List<String> current() {
    while (batch < sizes.size() && batchEnded()) {
      from += sizes.get(batch);
      batch++;
    }
    if (batch >= sizes.size()) {
      return List.of();
    }
    return hosts.subList(from, from + sizes.get(batch));
  }

  void ended(String host) {
    ended.add(host);
  }

  private boolean batchEnded() {
    for (String host : hosts.subList(from, from + sizes.get(batch))) {
      if (!ended.contains(host)) {
        return false;
      }
    }
    return true;
  }
}
