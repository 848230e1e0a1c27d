package org.herd.cli;

import org.herd.nodeset.NodeSet;

/**
 * {@code herd nodeset --autostep}: when equally spaced indexes are folded as {@code a-b/step}. As
 * ClusterShell reads it: a node count ({@code 4}: at least four indexes), a percentage of the nodes
 * printed ({@code 50%}, rounded up), or {@code auto} (every node of the set, and at least 3).
 *
 * @param count the node count, when the value is one
 * @param fraction the fraction of the nodes, when the value is a percentage
 * @param auto whether the value is {@code auto}
 */
record Autostep(Integer count, Double fraction, boolean auto) {

  /** No {@code --autostep}: never {@code a-b/step}. */
  static final Autostep NONE = new Autostep(NodeSet.NO_AUTOSTEP, null, false);

  /**
   * Reads the option's value.
   *
   * @throws UserError when it is neither a count, nor a percentage, nor {@code auto}
   */
  static Autostep parse(String value) {
    if (value.equals("auto")) {
      return new Autostep(null, null, true);
    }
    try {
      if (value.contains("%")) {
        double percent = Double.parseDouble(value.substring(0, value.length() - 1).strip());
        if (Double.isFinite(percent)) {
          return new Autostep(null, percent / 100.0, false);
        }
      } else {
        return new Autostep(Integer.parseInt(value.strip()), null, false);
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
  int threshold(int size) {
    if (auto) {
      return Math.max(3, size);
    }
    if (fraction != null) {
      return (int) Math.ceil(size * fraction);
    }
    return count;
  }

  /**
   * The autostep that ClusterShell applies while it still computes the set (to what {@code -l}
   * prints): a node count; a percentage or {@code auto} only count once the set is known.
   */
  int whileComputing() {
    return count != null ? count : NodeSet.NO_AUTOSTEP;
  }
}
