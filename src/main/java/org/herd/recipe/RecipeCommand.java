package org.herd.recipe;

import java.util.Optional;

/**
 * One shell line of a recipe's {@code drain}, {@code undrain} or {@code finalize}: a bare string
 * runs on the member concerned; the mapping form says where and whether it runs.
 *
 * @param command the shell line (a template)
 * @param where {@link CheckScope#SELF} (the member concerned) or {@link CheckScope#EACH} (every
 *     member of the cluster, one after the other: a setting the whole cluster must share while a
 *     member is out)
 * @param when the cluster variable that must be set for the command to run (an opt-in of the
 *     recipe), or empty when it always runs
 */
public record RecipeCommand(Template command, CheckScope where, Optional<String> when) {

  /** A command that always runs, on the member concerned. */
  public static RecipeCommand onSelf(Template command) {
    return new RecipeCommand(command, CheckScope.SELF, Optional.empty());
  }
}
