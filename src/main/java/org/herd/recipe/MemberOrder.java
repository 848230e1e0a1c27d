package org.herd.recipe;

/** The order in which a cluster's members are upgraded: the recipe key {@code order}. */
public sealed interface MemberOrder {

  /** As the inventory lists them. */
  record Inventory() implements MemberOrder {}

  /** A command run on a member prints the members (names or addresses), one a line, in order. */
  record Listed(Template command) implements MemberOrder {}

  /**
   * A command run on a member prints the current leader (name or address); the leader goes last,
   * the others keep the inventory's order.
   */
  record LeaderLast(Template command) implements MemberOrder {}

  /** The inventory's order. */
  MemberOrder INVENTORY = new Inventory();
}
