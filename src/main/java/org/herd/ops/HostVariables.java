package org.herd.ops;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.herd.engine.DrainHooks;
import org.herd.engine.RestartRules;
import org.herd.inventory.Host;
import org.herd.inventory.Inventory;

/**
 * What the inventory's variables ask of a run's hosts (docs/inventory.md, "vars"): their own {@code
 * drain} and {@code undrain} commands, and their {@code restart} and {@code restart_services}
 * policies. Every host is read, and a bad value refused, before the run exists.
 *
 * @param drainHooks each host's drain and undrain commands
 * @param restartRules each host's restart policies
 */
record HostVariables(Map<String, DrainHooks> drainHooks, Map<String, RestartRules> restartRules) {

  HostVariables {
    drainHooks = Map.copyOf(drainHooks);
    restartRules = Map.copyOf(restartRules);
  }

  /**
   * The variables of {@code hosts}; none without an inventory.
   *
   * @throws InvalidRequest naming the first host with a bad restart value
   */
  static HostVariables of(Optional<Inventory> inventory, List<String> hosts) {
    Map<String, Host> known = inventory.map(Inventory::hostsByName).orElse(Map.of());
    Map<String, DrainHooks> hooks = new LinkedHashMap<>();
    Map<String, RestartRules> rules = new LinkedHashMap<>();
    for (String name : hosts) {
      Optional<Host> host = Optional.ofNullable(known.get(name));
      if (host.isEmpty()) {
        continue;
      }
      Map<String, Object> vars = host.get().vars();
      hooks.put(
          name,
          new DrainHooks(
              Optional.ofNullable(vars.get("drain")).map(String::valueOf),
              Optional.ofNullable(vars.get("undrain")).map(String::valueOf)));
      try {
        rules.put(name, RestartRules.fromVars(vars));
      } catch (IllegalArgumentException e) {
        throw new InvalidRequest("inventory: host " + name + ": " + e.getMessage());
      }
    }
    return new HostVariables(hooks, rules);
  }
}
