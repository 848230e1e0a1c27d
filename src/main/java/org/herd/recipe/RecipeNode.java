package org.herd.recipe;

import java.util.List;
import java.util.Optional;

/**
 * A recipe file as YAML nodes that remember where they were written, so that every validation
 * problem can point at its line and column.
 */
sealed interface RecipeNode {

  /** Where the node starts. */
  SourcePosition position();

  /** A mapping, its entries in file order. */
  record Mapping(List<Entry> entries, SourcePosition position) implements RecipeNode {
    /** The value of {@code key}, if present. */
    Optional<RecipeNode> get(String key) {
      return entries.stream().filter(e -> e.key().equals(key)).map(Entry::value).findFirst();
    }
  }

  /** One key and its value; {@code keyPosition} is where the key is written. */
  record Entry(String key, SourcePosition keyPosition, RecipeNode value) {}

  /** A sequence. */
  record Sequence(List<RecipeNode> items, SourcePosition position) implements RecipeNode {}

  /**
   * A scalar: its text as written, and whether it was a null ({@code ~} or nothing) or a quoted or
   * plain string, number or boolean.
   */
  record Scalar(String text, boolean isNull, boolean isString, SourcePosition position)
      implements RecipeNode {}

  /** What the node is, for messages: "a mapping", "a list", "a value". */
  default String describe() {
    if (this instanceof Mapping) {
      return "a mapping";
    }
    if (this instanceof Sequence) {
      return "a list";
    }
    Scalar s = (Scalar) this;
    return s.isNull() ? "empty" : "`" + s.text() + "`";
  }
}
