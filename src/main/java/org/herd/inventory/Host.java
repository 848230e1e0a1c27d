package org.herd.inventory;

import java.util.Map;
import java.util.Objects;

/**
 * One host of an inventory, with its effective connection settings and variables (defaults, then
 * its groups, then the host itself; see {@code docs/inventory.md}).
 *
 * @param name the host name, as used in node sets
 * @param connection how to reach it
 * @param vars its free-form variables
 */
public record Host(String name, Connection connection, Map<String, Object> vars) {

  /** Validates and freezes the host. */
  public Host {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(connection, "connection");
    vars = FrozenVars.copy(vars);
  }
}
