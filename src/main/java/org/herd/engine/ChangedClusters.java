package org.herd.engine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * Which clusters an {@link Admission} must look at again: those whose state changed since it last
 * looked. This is what makes the admission incremental — with hundreds of clusters, an event (a
 * host ended) changes one or two of them, so a decision costs what changed, not the whole fleet.
 *
 * <p>Clusters are tracked by <em>component</em>: clusters that share a member (an OpenStack
 * controller in both RabbitMQ and Galera) belong to one component, because whether a shared member
 * may go out depends on every one of its clusters. A component changes when one of its members
 * changes status or one of its clusters is given up; it is also kept changed while a gate or an
 * ok-to-stop check of it is failing, since those answers come from outside and may change at any
 * time — unless the failing answer said until when it stays the same ({@link
 * GateVerdict.Fail#sameUntil()}): then the component is <em>held</em> until then and changes when
 * the time comes. Looking again at a component that did not change would decide nothing new: it
 * would stop where it stopped before (at its budget, no next member, member order, degraded, the
 * same failing gate), so it is not looked at.
 *
 * <pre>
 *   host ended / admitted / given up ─► its component changed ─┐
 *   gate or ok-to-stop failing ───────► still changed ─────────┤
 *     … the same until T ─────────────► held until T ─► T ─────┤
 *   new wave, canary phase over ──────► all changed ───────────┤
 *                                                               ▼
 *   Admission.next: take() the changed components' clusters, in declaration order
 * </pre>
 */
final class ChangedClusters {

  private final List<ClusterProgress> clusters;
  private final int[] componentOf;
  private final List<List<ClusterProgress>> components = new ArrayList<>();
  private final Map<String, Integer> componentOfHost = new HashMap<>();
  private final BitSet changed = new BitSet();
  private final BitSet taken = new BitSet();
  private final Instant[] heldUntil;
  private final PriorityQueue<Hold> holds =
      new PriorityQueue<>((a, b) -> a.until.compareTo(b.until));
  private int held;

  private record Hold(Instant until, int component) {}

  /** Groups {@code clusters} (in declaration order) into components; all start changed. */
  ChangedClusters(List<ClusterProgress> clusters) {
    this.clusters = List.copyOf(clusters);
    int[] parent = new int[clusters.size()];
    Map<String, Integer> firstClusterOf = new HashMap<>();
    for (int i = 0; i < parent.length; i++) {
      parent[i] = i;
      for (String member : clusters.get(i).rule.members()) {
        Integer other = firstClusterOf.putIfAbsent(member, i);
        if (other != null) {
          parent[root(parent, i)] = root(parent, other);
        }
      }
    }
    componentOf = new int[parent.length];
    Map<Integer, Integer> componentOfRoot = new HashMap<>();
    for (int i = 0; i < parent.length; i++) {
      int component =
          componentOfRoot.computeIfAbsent(
              root(parent, i),
              r -> {
                components.add(new ArrayList<>());
                return components.size() - 1;
              });
      componentOf[i] = component;
      components.get(component).add(clusters.get(i));
    }
    firstClusterOf.forEach((member, cluster) -> componentOfHost.put(member, componentOf[cluster]));
    heldUntil = new Instant[components.size()];
    all();
  }

  private static int root(int[] parent, int i) {
    while (parent[i] != i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  }

  /** The component of {@code host} changed (its status did); nothing for a standalone host. */
  void host(String host) {
    Integer component = componentOfHost.get(host);
    if (component != null) {
      changed.set(component);
    }
  }

  /** The component of the cluster at {@code index} (declaration order) changed. */
  void cluster(int index) {
    changed.set(componentOf[index]);
  }

  /** Every cluster must be looked at again (a new wave; the canary phase ended). */
  void all() {
    changed.set(0, components.size());
  }

  /**
   * The component of the cluster at {@code index} waits on a failing answer that stays the same
   * before {@code until}: it changes then (or earlier, for another reason). Several holds of one
   * component keep the earliest.
   */
  void hold(int index, Instant until) {
    int component = componentOf[index];
    Instant was = heldUntil[component];
    if (was == null || until.isBefore(was)) {
      held += was == null ? 1 : 0;
      heldUntil[component] = until;
      holds.add(new Hold(until, component));
    }
  }

  /** The holds that are due at {@code now} end: their components changed. */
  void release(Instant now) {
    while (!holds.isEmpty() && !holds.peek().until.isAfter(now)) {
      Hold hold = holds.poll();
      if (hold.until.equals(heldUntil[hold.component])) {
        drop(hold.component);
        changed.set(hold.component);
      }
    }
  }

  /** Whether some component is held: something waits on a failing gate or ok-to-stop check. */
  boolean anyHeld() {
    return held > 0;
  }

  private void drop(int component) {
    if (heldUntil[component] != null) {
      heldUntil[component] = null;
      held--;
    }
  }

  /**
   * The clusters of every changed component, in declaration order, and forgets the changes and
   * their holds: what changes from now on is noted for the next call.
   */
  List<ClusterProgress> take() {
    for (int c = changed.nextSetBit(0); c >= 0; c = changed.nextSetBit(c + 1)) {
      drop(c);
    }
    if (changed.cardinality() == components.size()) {
      changed.clear();
      return clusters;
    }
    taken.clear();
    for (int c = changed.nextSetBit(0); c >= 0; c = changed.nextSetBit(c + 1)) {
      for (ClusterProgress cluster : components.get(c)) {
        taken.set(cluster.index);
      }
    }
    changed.clear();
    List<ClusterProgress> list = new ArrayList<>(taken.cardinality());
    for (int i = taken.nextSetBit(0); i >= 0; i = taken.nextSetBit(i + 1)) {
      list.add(clusters.get(i));
    }
    return list;
  }
}
