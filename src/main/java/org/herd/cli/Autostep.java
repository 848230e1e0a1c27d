package org.herd.cli;

import org.herd.nodeset.NodeSet;

/**
 * {@code herd nodeset --autostep}: when equally spaced indexes are folded as {@code a-b/step}. As
 * ClusterShell reads it: a node count ({@code 4}: at least four indexes), a percentage of the nodes
 * printed ({@code 50%}, rounded up), or {@code auto} (every node of the set, and at least 3).
 */
sealed interface Autostep {

  /** At least {@code count} indexes. */
  record Count(int count) implements Autostep {
    @Override
    public int threshold(int size) {
      return count;
    }
  }

  /** At least this fraction of the nodes, rounded up. */
  record Share(double fraction) implements Autostep {
    @Override
    public int threshold(int size) {
      return (int) Math.ceil(size * fraction);
    }
  }

  /** Every node of the set, and at least 3. */
  record Auto() implements Autostep {
    @Override
    public int threshold(int size) {
      return Math.max(3, size);
    }
  }

  /** No {@code --autostep}: never {@code a-b/step}. */
  Autostep NONE = new Count(NodeSet.NO_AUTOSTEP);

  /**
   * Reads the option's value.
   *
   * @throws UserError when it is neither a count, nor a percentage, nor {@code auto}
   */
  static Autostep parse(String value) {
    if (value.equals("auto")) {
      return new Auto();
    }
    try {
      if (!value.contains("%")) {
        return new Count(Integer.parseInt(value.strip()));
      }
      double percent = Double.parseDouble(value.substring(0, value.length() - 1).strip());
      if (Double.isFinite(percent)) {
        return new Share(percent / 100.0);
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new UserError(
        "--autostep: expected a node count, a percentage or 'auto', got '" + value + "'");
  }

  /**
   * The autostep of {@link NodeSet#fold(int)} for a set of {@code size} nodes: the fewest equally
   * spaced indexes written as one {@code a-b/step} range.
   */
  int threshold(int size);

  /**
   * The autostep that ClusterShell applies while it still computes the set (to what {@code -ll}
   * prints): a node count; a percentage or {@code auto} only count once the set is known.
   */
  default int whileComputing() {
    return this instanceof Count count ? count.count() : NodeSet.NO_AUTOSTEP;
  }
}
