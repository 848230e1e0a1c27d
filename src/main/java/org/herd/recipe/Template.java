package org.herd.recipe;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.herd.text.DidYouMean;
import org.herd.text.ShellWords;

/**
 * A recipe string with {@code {{variable}}} placeholders, rendered for one member of one cluster.
 * The variables are {@link #VARIABLES} and {@code vars.NAME} (a variable of the cluster in the
 * inventory). Substituted values are quoted for where the string goes ({@link Quoting}): into a
 * shell command each value is one shell word (a list is several words), into a regular expression
 * it matches literally.
 *
 * @param text the string as written
 * @param position where it is written, for errors found when rendering it
 */
public record Template(String text, SourcePosition position) {

  /** The variables every template may use, besides {@code vars.NAME}. */
  public static final Set<String> VARIABLES =
      Set.of(
          "host", "address", "cluster", "members", "member_addresses", "member_count", "services");

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([^{}]*?)\\s*}}");
  private static final Pattern VAR_NAME = Pattern.compile("vars\\.[A-Za-z_][A-Za-z0-9_-]*");

  /** How substituted values are written. */
  public enum Quoting {
    /** Each value a single-quoted shell word where needed; lists become several words. */
    SHELL,
    /** Values match literally in a regular expression; lists joined by spaces. */
    REGEX,
    /** Values as they are; lists joined by spaces (URLs, addresses, expected values). */
    RAW
  }

  /** The variable names used, in order of appearance (with repeats). */
  public List<String> variables() {
    List<String> names = new ArrayList<>();
    Matcher m = PLACEHOLDER.matcher(text);
    while (m.find()) {
      names.add(m.group(1));
    }
    return names;
  }

  /** Why {@code name} is not a variable, or empty when it is one. */
  public static Optional<String> unknown(String name) {
    if (VARIABLES.contains(name) || VAR_NAME.matcher(name).matches()) {
      return Optional.empty();
    }
    String hint = DidYouMean.hint(name, VARIABLES);
    return Optional.of("unknown template variable {{" + name + "}}" + hint);
  }

  /** Whether the text has a {@code {{} that is not a well-formed placeholder. */
  boolean hasStrayBraces() {
    return PLACEHOLDER.matcher(text).replaceAll("").contains("{{");
  }

  /**
   * Renders the template for {@code context}.
   *
   * @throws RecipeException when a {@code vars.NAME} is not set for the cluster
   */
  public String render(TemplateContext context, Quoting quoting) {
    Matcher m = PLACEHOLDER.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String name = m.group(1);
      List<String> values = context.values(name);
      if (values == null) {
        throw new RecipeException(
            position, "{{" + name + "}}: cluster " + context.cluster() + " has no such variable");
      }
      m.appendReplacement(out, Matcher.quoteReplacement(written(values, quoting)));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static String written(List<String> values, Quoting quoting) {
    return switch (quoting) {
      case SHELL -> String.join(" ", values.stream().map(ShellWords::quote).toList());
      case REGEX -> Pattern.quote(String.join(" ", values));
      case RAW -> String.join(" ", values);
    };
  }
}
