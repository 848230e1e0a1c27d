package org.herd.inventory;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A YAML document as a tree that remembers where each node was written, so that every mistake can
 * be reported as {@code FILE:LINE:COL}. Jackson's tree model forgets positions; this one is built
 * from its streaming parser by {@link YamlTree}.
 *
 * <p>Mappings keep their entries in file order and keep duplicate keys, so that validation can
 * report them instead of silently keeping the last one.
 */
sealed interface YamlNode permits YamlNode.Scalar, YamlNode.Sequence, YamlNode.Mapping {

  /** Where the node starts. */
  Position position();

  /** What kind of node this is, for messages: "a string", "a list", "a mapping"… */
  String describe();

  /** The node as plain Java values: maps, lists, strings, numbers, booleans and null. */
  Object toJava();

  /** The kinds of scalar, as YAML resolved them. */
  enum Kind {
    STRING("a string"),
    INTEGER("a number"),
    FLOAT("a number"),
    BOOLEAN("a boolean"),
    NULL("nothing");

    private final String description;

    Kind(String description) {
      this.description = description;
    }
  }

  /**
   * A scalar.
   *
   * @param kind how YAML resolved it ({@code yes} is a boolean, {@code 22} a number)
   * @param text the text as written, without quotes
   * @param value the resolved Java value ({@code null} for {@link Kind#NULL})
   * @param position where it starts
   */
  record Scalar(Kind kind, String text, Object value, Position position) implements YamlNode {
    @Override
    public String describe() {
      return kind.description;
    }

    @Override
    public Object toJava() {
      return value;
    }

    boolean isNull() {
      return kind == Kind.NULL;
    }
  }

  /** A list. */
  record Sequence(List<YamlNode> items, Position position) implements YamlNode {
    public Sequence {
      items = List.copyOf(items);
    }

    @Override
    public String describe() {
      return "a list";
    }

    @Override
    public Object toJava() {
      return items.stream().map(YamlNode::toJava).toList();
    }
  }

  /** One {@code key: value} of a mapping. */
  record Entry(Scalar key, YamlNode value) {
    String name() {
      return key.text();
    }
  }

  /** A mapping, with its entries in file order, duplicates included. */
  record Mapping(List<Entry> entries, Position position) implements YamlNode {
    public Mapping {
      entries = List.copyOf(entries);
    }

    @Override
    public String describe() {
      return "a mapping";
    }

    /** The first entry named {@code key}. */
    Optional<Entry> entry(String key) {
      return entries.stream().filter(e -> e.name().equals(key)).findFirst();
    }

    @Override
    public Object toJava() {
      Map<String, Object> map = new LinkedHashMap<>();
      for (Entry entry : entries) {
        map.put(entry.name(), entry.value().toJava());
      }
      return map;
    }
  }
}
