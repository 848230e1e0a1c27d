package org.herd.recipe;

import java.util.List;
import org.herd.text.CountOrPercent;

/**
 * What herd knows about one kind of cluster, read from a recipe file: the packages and services it
 * owns, how to tell that a member and the whole cluster are healthy, whether a member may be
 * stopped, how to drain and undrain one, the order of members, and the one-way finalize steps.
 * docs/recipes.md describes every key.
 *
 * @param name the recipe's name (clusters name it with {@code recipe:})
 * @param description one line for {@code herd recipe list}
 * @param packages package names or globs ({@code mariadb-*}) the cluster owns
 * @param services systemd units the cluster runs
 * @param budget the default disruption budget: a count of members or a percentage of the cluster,
 *     at least 1
 * @param clusterHealth the cluster's gate: all must pass before a member is taken out, and again
 *     after a member comes back
 * @param memberHealth what must pass on an upgraded member before it counts as back
 * @param okToStop what must pass right before a member is drained
 * @param drain shell commands run before a member is stopped (on it, or on every member)
 * @param undrain shell commands run once a member is healthy again (on it, or on every member)
 * @param order the member order
 * @param finalizeSteps one-way shell commands run once, on one member, after every member
 * @param install whether members install in their turn or ahead of it, services held
 * @param inTurn with {@code install: ahead}, the packages (names or globs) that still install in
 *     the member's turn: those whose maintainer scripts must stop the service to do their work
 * @param origin where the recipe came from: {@code builtin} or its file
 */
public record Recipe(
    String name,
    String description,
    List<String> packages,
    List<String> services,
    CountOrPercent budget,
    List<Check> clusterHealth,
    List<Check> memberHealth,
    List<Check> okToStop,
    List<RecipeCommand> drain,
    List<RecipeCommand> undrain,
    MemberOrder order,
    List<RecipeCommand> finalizeSteps,
    InstallTiming install,
    List<String> inTurn,
    String origin) {

  /** Freezes the lists. */
  public Recipe {
    packages = List.copyOf(packages);
    services = List.copyOf(services);
    clusterHealth = List.copyOf(clusterHealth);
    memberHealth = List.copyOf(memberHealth);
    okToStop = List.copyOf(okToStop);
    drain = List.copyOf(drain);
    undrain = List.copyOf(undrain);
    finalizeSteps = List.copyOf(finalizeSteps);
    inTurn = List.copyOf(inTurn);
  }

  /** Whether {@code pkg} installs in the member's turn even when the recipe installs ahead. */
  public boolean installsInTurn(String pkg) {
    String name = pkg.contains(":") ? pkg.substring(0, pkg.indexOf(':')) : pkg;
    for (String glob : inTurn) {
      String regex = java.util.regex.Pattern.quote(glob).replace("*", "\\E.*\\Q");
      if (name.matches(regex)) {
        return true;
      }
    }
    return false;
  }

  /** Whether the recipe came with herd. */
  public boolean builtin() {
    return origin.equals(BUILTIN);
  }

  /** The origin of recipes that ship in herd's jar. */
  public static final String BUILTIN = "builtin";
}
