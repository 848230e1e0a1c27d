package org.herd.inventory;

import java.util.Optional;
import org.herd.text.CountOrPercent;

/**
 * How many members of a cluster may be out of service at once: a count ({@code 1} for quorum
 * systems) or a percentage of the cluster ({@code 25%} for pools).
 */
public sealed interface DisruptionBudget permits DisruptionBudget.Count, DisruptionBudget.Percent {

  /** One member at a time: safe for every quorum system, and the default. */
  DisruptionBudget ONE = new Count(1);

  /**
   * How many members of a cluster of {@code clusterSize} may be out at once; never more than the
   * cluster and, for a non-empty cluster, never less than 1.
   */
  int allowed(int clusterSize);

  /**
   * At most {@code members} at once.
   *
   * @param members at least 1
   */
  record Count(int members) implements DisruptionBudget {
    /** Rejects budgets that would stop all progress. */
    public Count {
      if (members < 1) {
        throw new IllegalArgumentException("a budget must allow at least 1 member");
      }
    }

    @Override
    public int allowed(int clusterSize) {
      return Math.min(members, clusterSize);
    }

    @Override
    public String toString() {
      return Integer.toString(members);
    }
  }

  /**
   * At most {@code percent}% of the cluster, rounded down, but at least 1 member (as Ansible's
   * {@code serial: "30%"} does).
   *
   * @param percent from 1 to 100
   */
  record Percent(int percent) implements DisruptionBudget {
    /** Rejects percentages outside 1–100. */
    public Percent {
      if (percent < 1 || percent > 100) {
        throw new IllegalArgumentException("a percentage budget must be from 1% to 100%");
      }
    }

    @Override
    public int allowed(int clusterSize) {
      if (clusterSize <= 0) {
        return 0;
      }
      return Math.max(1, (int) ((long) clusterSize * percent / 100));
    }

    @Override
    public String toString() {
      return percent + "%";
    }
  }

  /** Parses {@code 2} or {@code 25%}; empty when the text is neither, or allows no member. */
  static Optional<DisruptionBudget> parse(String text) {
    return CountOrPercent.parse(text).filter(CountOrPercent::atLeastOne).map(DisruptionBudget::of);
  }

  /**
   * The budget {@code share} says: a count of members or a percentage of the cluster.
   *
   * @throws IllegalArgumentException when it allows no member
   */
  static DisruptionBudget of(CountOrPercent share) {
    return share.percent() ? new Percent(share.value()) : new Count(share.value());
  }
}
