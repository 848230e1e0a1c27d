package org.herd.plan;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The immutable result of planning: per host, exactly what {@code herd apply} will install and
 * remove, and the installed state the plan was made from. It is serialised by {@link PlanJson};
 * docs/planning.md describes every field.
 *
 * <p>Hosts that could not be probed are not in a plan: a plan only says what herd knows.
 *
 * @param formatVersion the JSON format's version ({@link #FORMAT_VERSION} for plans written by this
 *     herd)
 * @param created when the plan was made (herd's clock, injected)
 * @param herdVersion the version of herd that made the plan
 * @param options the options the plan was made with
 * @param hosts one plan per host, sorted by host name
 */
@JsonIgnoreProperties(value = "rebootDecisions", allowGetters = true)
public record Plan(
    int formatVersion,
    Instant created,
    String herdVersion,
    PlanOptions options,
    List<HostPlan> hosts) {

  /**
   * The format this herd writes. Version 2 added each host's {@code conffiles}; {@link PlanJson}
   * still reads version 1 (its hosts' conffiles are then unknown).
   */
  public static final int FORMAT_VERSION = 2;

  /** Sorts the hosts by name and refuses a host named twice. */
  public Plan {
    Objects.requireNonNull(created, "created");
    Objects.requireNonNull(herdVersion, "herdVersion");
    Objects.requireNonNull(options, "options");
    hosts = hosts.stream().sorted(Comparator.comparing(HostPlan::host)).toList();
    for (int i = 1; i < hosts.size(); i++) {
      if (hosts.get(i).host().equals(hosts.get(i - 1).host())) {
        throw new IllegalArgumentException("host " + hosts.get(i).host() + " is planned twice");
      }
    }
  }

  /** The plan of {@code host}, if the plan has one. */
  public Optional<HostPlan> host(String host) {
    return hosts.stream().filter(h -> h.host().equals(host)).findFirst();
  }

  /** The host plans that {@code herd apply} may execute. */
  public List<HostPlan> executableHosts() {
    return hosts.stream().filter(HostPlan::executable).toList();
  }

  /**
   * Whether apply will reboot each executable host under the plan's reboot policy, by host name in
   * order (written to the plan file for its readers; derived, so ignored when read).
   */
  @JsonProperty("rebootDecisions")
  public Map<String, RebootDecision> rebootDecisions() {
    Map<String, RebootDecision> decisions = new LinkedHashMap<>();
    for (HostPlan host : executableHosts()) {
      decisions.put(host.host(), RebootDecision.of(options.reboot(), host.reboot()));
    }
    return decisions;
  }
}
