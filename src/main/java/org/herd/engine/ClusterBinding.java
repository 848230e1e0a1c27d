package org.herd.engine;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.herd.recipe.Recipe;
import org.herd.recipe.TemplateContext;

/**
 * One cluster of a run with the recipe that knows its service: what a {@link RecipePolicy} and
 * {@link RecipeStepActions} need to render and run the recipe's checks and commands on its members.
 *
 * @param cluster the cluster's name
 * @param recipe its recipe
 * @param members its members, in inventory order
 * @param addresses each member's connection address (name → address), for {@code {{address}}} and
 *     for recognising a member in a command's output
 * @param vars the cluster's inventory variables, as text, for {@code {{vars.NAME}}}
 */
public record ClusterBinding(
    String cluster,
    Recipe recipe,
    List<String> members,
    Map<String, String> addresses,
    Map<String, String> vars) {

  /** Freezes the binding. */
  public ClusterBinding {
    Objects.requireNonNull(recipe, "recipe");
    members = List.copyOf(members);
    addresses = Map.copyOf(addresses);
    vars = Map.copyOf(vars);
  }

  /** The address of {@code member}, its name when none is known. */
  public String address(String member) {
    return addresses.getOrDefault(member, member);
  }

  /** The template variables seen from {@code member}. */
  public TemplateContext context(String member) {
    return new TemplateContext(
        member,
        address(member),
        cluster,
        members,
        members.stream().map(this::address).toList(),
        recipe.services(),
        vars);
  }

  /** The member named or addressed by {@code text} (trimmed), if any. */
  public java.util.Optional<String> memberNamed(String text) {
    String wanted = text.strip();
    return members.stream().filter(m -> m.equals(wanted) || address(m).equals(wanted)).findFirst();
  }
}
