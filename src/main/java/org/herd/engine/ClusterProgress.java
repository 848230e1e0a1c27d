package org.herd.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One cluster's state in an {@link Admission}: its member order, how many members are out, whether
 * it is degraded (a member failed) or given up (its gate kept failing), and its canary.
 */
final class ClusterProgress {

  final Rollout.ClusterRule rule;
  final int index;
  private List<String> order;
  private int cursor;
  int out;
  String degradedBy;
  String givenUp;
  Instant failingSince;
  boolean canaryDone;

  /** The progress of {@code rule}, the {@code index}-th cluster of the rollout. */
  ClusterProgress(Rollout.ClusterRule rule, int index) {
    this.rule = rule;
    this.index = index;
  }

  String name() {
    return rule.name();
  }

  /**
   * The member order, asked of the policy once; members it leaves out keep their place at the end.
   */
  List<String> order(ClusterPolicy policy) {
    if (order == null) {
      List<String> asked = policy.order(rule.name(), rule.members());
      Set<String> members = new LinkedHashSet<>(rule.members());
      List<String> ordered = new ArrayList<>();
      for (String member : asked) {
        if (members.remove(member)) {
          ordered.add(member);
        }
      }
      ordered.addAll(members);
      order = List.copyOf(ordered);
    }
    return order;
  }

  /**
   * The next member to take out: the first in order that is still waiting and in the current wave;
   * null when none is.
   */
  String next(
      ClusterPolicy policy,
      java.util.function.Predicate<String> waiting,
      java.util.function.Predicate<String> inWave) {
    List<String> members = order(policy);
    while (cursor < members.size() && !waiting.test(members.get(cursor))) {
      cursor++;
    }
    for (int i = cursor; i < members.size(); i++) {
      String member = members.get(i);
      if (inWave.test(member) && waiting.test(member)) {
        return member;
      }
    }
    return null;
  }

  /** How many members may be out now: 1 while the canary has not succeeded. */
  int allowed(Canary canary) {
    return canary.enabled() && !canaryDone ? 1 : rule.allowed();
  }

  /** Whether the cluster is blocked for good in this execution, and why. */
  String blockedReason() {
    if (degradedBy != null) {
      return "cluster " + name() + " degraded by " + degradedBy;
    }
    return givenUp;
  }

  /** Notes a failing gate; true when it has now failed for longer than {@code deadline}. */
  boolean failing(Instant now, Duration deadline) {
    if (failingSince == null) {
      failingSince = now;
    }
    return Duration.between(failingSince, now).compareTo(deadline) >= 0;
  }
}
