package org.herd.ops;

import java.util.List;
import org.herd.engine.Rollout;
import org.herd.engine.RunLease;
import org.herd.journal.RunId;
import org.herd.plan.HostPlan;
import org.herd.plan.Plan;

/**
 * A run ready to execute ({@link Runs#execute}): recorded in the journal, its hosts leased to this
 * process, and everything it reads from the inventory and the recipes checked. Closing it releases
 * the lease.
 */
public final class StartedRun implements AutoCloseable {

  final RunId id;
  final Plan plan;
  final RunLease lease;
  final RunSettings settings;
  final Rollout rollout;
  final RunRecipes recipes;
  final HostVariables variables;
  final Reach reach;
  final boolean aborting;

  StartedRun(
      RunId id,
      Plan plan,
      RunLease lease,
      RunSettings settings,
      Checked checked,
      boolean aborting) {
    this.id = id;
    this.plan = plan;
    this.lease = lease;
    this.settings = settings;
    this.rollout = checked.rollout();
    this.recipes = checked.recipes();
    this.variables = checked.variables();
    this.reach = checked.reach();
    this.aborting = aborting;
  }

  /**
   * What a run reads from the inventory and the recipes, read and checked before the run is
   * recorded or its hosts leased; {@code reach} covers its hosts and every member of its clusters.
   */
  record Checked(Rollout rollout, RunRecipes recipes, HostVariables variables, Reach reach) {}

  /** The run. */
  public RunId id() {
    return id;
  }

  /** The hosts the run upgrades, in the plan's order. */
  public List<String> hosts() {
    return plan.executableHosts().stream().map(HostPlan::host).toList();
  }

  @Override
  public void close() {
    lease.close();
  }
}
