package org.herd.engine;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.herd.plan.HostPlan;
import org.herd.plan.PlannedInstall;

/**
 * A host's restart policies: one for all its services, and some per service, from the inventory
 * variables {@code restart} and {@code restart_services} (a host's own values over its groups'):
 *
 * <pre>
 * vars:
 *   restart: {security: now, regular: after-run}
 *   restart_services:
 *     postgresql: never
 *     nginx.service: {security: now, regular: never}
 * </pre>
 *
 * <p>A restart is a security one when a planned security update ships the unit ({@link
 * PlannedInstall#serviceUnits()}); any other restart dpkg asked for is regular.
 */
public record RestartRules(RestartPolicy host, Map<String, RestartPolicy> services) {

  /** No rules: everything now, as herd has always done. */
  public static final RestartRules DEFAULT = new RestartRules(RestartPolicy.NOW, Map.of());

  /**
   * Copies the map, with every service named as its unit ({@code nginx} → {@code nginx.service}).
   */
  public RestartRules {
    Objects.requireNonNull(host, "host");
    Map<String, RestartPolicy> units = new LinkedHashMap<>();
    services.forEach((name, policy) -> units.put(unit(name), policy));
    services = Map.copyOf(units);
  }

  /**
   * Reads a host's variables.
   *
   * @throws IllegalArgumentException naming the variable that is wrong
   */
  public static RestartRules fromVars(Map<String, Object> vars) {
    RestartPolicy host = RestartPolicy.NOW;
    Object value = vars.get("restart");
    if (value != null) {
      host = RestartPolicy.parse(value);
    }
    Map<String, RestartPolicy> services = new LinkedHashMap<>();
    Object perService = vars.get("restart_services");
    if (perService instanceof Map<?, ?> map) {
      map.forEach(
          (name, policy) -> {
            try {
              services.put(String.valueOf(name), RestartPolicy.parse(policy));
            } catch (IllegalArgumentException e) {
              throw new IllegalArgumentException(
                  "restart_services." + name + ": " + e.getMessage());
            }
          });
    } else if (perService != null) {
      throw new IllegalArgumentException(
          "restart_services: expected a map of service to policy, not " + perService);
    }
    return new RestartRules(host, services);
  }

  /** When to restart {@code unit}, which a security update touched or not. */
  public RestartWhen when(String unit, boolean securityUpdate) {
    return services.getOrDefault(unit(unit), host).when(securityUpdate);
  }

  /** Whether a planned security update ships {@code unit}. */
  public static boolean touchedBySecurity(HostPlan plan, String unit) {
    String wanted = unit(unit);
    return plan.installs().stream()
        .filter(i -> i.classification() == PlannedInstall.Classification.SECURITY)
        .map(PlannedInstall::serviceUnits)
        .flatMap(List::stream)
        .anyMatch(u -> unit(u).equals(wanted));
  }

  private static String unit(String name) {
    return name.contains(".") ? name : name + ".service";
  }
}
