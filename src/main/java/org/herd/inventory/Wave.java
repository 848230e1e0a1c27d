package org.herd.inventory;

import java.time.Duration;
import java.util.List;
import org.herd.nodeset.NodeSet;

/**
 * One stage of a rollout (staging, canary, production). Waves run in order; after a wave, herd
 * watches it for its soak time before it starts the next.
 *
 * @param name the wave name
 * @param hosts its hosts: those of its node sets that no earlier wave has
 * @param nodes the node-set expressions it was declared with
 * @param soak how long to watch the wave before the next one starts
 */
public record Wave(String name, NodeSet hosts, List<String> nodes, Duration soak) {

  /** Freezes the wave. */
  public Wave {
    nodes = List.copyOf(nodes);
  }
}
