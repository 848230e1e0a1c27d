package org.herd.ops;

import java.util.ArrayList;
import java.util.List;
import org.herd.inventory.Host;
import org.herd.inventory.Inventory;
import org.herd.recipe.RecipeException;
import org.herd.recipe.RecipeProblem;

/**
 * {@code herd inventory check} beyond the file's own rules: what a plan or a run of every host
 * would read from the inventory, checked as they check it — each cluster's recipe in force, the
 * hosts' {@code drain}, {@code undrain} and {@code restart} variables, the ssh_config and identity
 * files they name, the ssh options their transport cannot honour — so that a check that passes is
 * not followed by an apply that refuses.
 */
public final class InventoryCheck {

  private InventoryCheck() {}

  /**
   * What would stop a run of the workspace's whole inventory, one line each; empty when nothing
   * would. Of the variables and the ssh_config files, the first mistake is told, as a run tells it.
   */
  public static List<String> problems(Workspace workspace) {
    Inventory inventory = workspace.inventory().orElseThrow();
    List<String> hosts = inventory.hosts().stream().map(Host::name).toList();
    List<String> problems = new ArrayList<>();
    try {
      RunRecipes.of(workspace, hosts, false);
    } catch (RecipeException e) {
      e.problems().stream().map(RecipeProblem::toString).forEach(problems::add);
    }
    try {
      HostVariables.of(workspace.inventory(), hosts);
    } catch (InvalidRequest e) {
      problems.add(e.getMessage());
    }
    try {
      // The ssh_config files and options too, as every command reaching hosts checks them.
      workspace.reach(hosts);
    } catch (InvalidRequest e) {
      problems.add(e.getMessage());
    }
    return problems;
  }
}
