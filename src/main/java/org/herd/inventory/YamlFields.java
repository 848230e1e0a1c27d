package org.herd.inventory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.herd.text.DidYouMean;

/**
 * The checks every YAML reader makes on a node: known keys, the expected type, names, node-set
 * lists. Each check reports to {@link Problems} and returns what it could make of the node, so a
 * reader keeps going and reports every mistake.
 */
final class YamlFields {

  /** Names of groups, clusters, waves and recipes: usable as {@code @name} in a node set. */
  static final Pattern NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]*");

  private final Problems problems;

  YamlFields(Problems problems) {
    this.problems = problems;
  }

  /** Reports every key of {@code mapping} that is not in {@code allowed}. */
  void knownKeys(YamlNode.Mapping mapping, Collection<String> allowed, String where) {
    for (YamlNode.Entry entry : mapping.entries()) {
      if (!allowed.contains(entry.name())) {
        problems.add(
            entry.key().position(),
            "unknown key `" + entry.name() + "` " + where + DidYouMean.hint(entry.name(), allowed));
      }
    }
  }

  /** Reports every duplicate key in the whole tree. */
  void duplicateKeys(YamlNode node) {
    if (node instanceof YamlNode.Mapping mapping) {
      Map<String, YamlNode.Entry> seen = new HashMap<>();
      for (YamlNode.Entry entry : mapping.entries()) {
        YamlNode.Entry first = seen.putIfAbsent(entry.name(), entry);
        if (first != null) {
          problems.add(
              entry.key().position(),
              "duplicate key `"
                  + entry.name()
                  + "` (first at line "
                  + first.key().position().line()
                  + ")");
        }
        duplicateKeys(entry.value());
      }
    } else if (node instanceof YamlNode.Sequence sequence) {
      sequence.items().forEach(this::duplicateKeys);
    }
  }

  /** The node as a mapping, or a problem; a null node is an empty mapping. */
  Optional<YamlNode.Mapping> mapping(YamlNode node, String what) {
    if (node instanceof YamlNode.Mapping mapping) {
      return Optional.of(mapping);
    }
    if (node instanceof YamlNode.Scalar scalar && scalar.isNull()) {
      return Optional.of(new YamlNode.Mapping(List.of(), node.position()));
    }
    problems.add(node.position(), what + " must be a mapping, not " + node.describe());
    return Optional.empty();
  }

  /** The text of a non-null scalar, or a problem. */
  Optional<String> text(YamlNode node, String what) {
    if (node instanceof YamlNode.Scalar scalar && !scalar.isNull()) {
      return Optional.of(scalar.text());
    }
    problems.add(node.position(), what + " must be a string, not " + node.describe());
    return Optional.empty();
  }

  /** A name usable as {@code @name}, or a problem. */
  Optional<Located> name(YamlNode.Scalar key, String what) {
    if (NAME.matcher(key.text()).matches()) {
      return Optional.of(new Located(key.text(), key.position()));
    }
    problems.add(
        key.position(),
        what
            + " name `"
            + key.text()
            + "` may contain only letters, digits, `_`, `.` and `-`, and must not start with"
            + " `.` or `-`");
    return Optional.empty();
  }

  /**
   * Node-set expressions: one string, or a list of strings (united). Reports an empty list and
   * anything that is not a string.
   */
  List<Located> nodeSets(YamlNode node, String what) {
    List<Located> result = new ArrayList<>();
    if (node instanceof YamlNode.Sequence sequence) {
      for (YamlNode item : sequence.items()) {
        nodeSet(item, what).ifPresent(result::add);
      }
      if (sequence.items().isEmpty()) {
        problems.add(node.position(), what + " is an empty list");
      }
    } else if (node instanceof YamlNode.Scalar scalar && scalar.isNull()) {
      problems.add(node.position(), what + " is empty");
    } else {
      nodeSet(node, what).ifPresent(result::add);
    }
    return result;
  }

  private Optional<Located> nodeSet(YamlNode node, String what) {
    if (node instanceof YamlNode.Scalar scalar && !scalar.isNull()) {
      if (scalar.text().isBlank()) {
        problems.add(node.position(), what + " is an empty node set");
        return Optional.empty();
      }
      return Optional.of(new Located(scalar.text().strip(), scalar.position()));
    }
    problems.add(
        node.position(),
        what + " must be a node set or a list of node sets, not " + node.describe());
    return Optional.empty();
  }

  /** Free-form variables: a mapping of any YAML values. */
  Map<String, Object> vars(YamlNode node, String what) {
    if (node instanceof YamlNode.Scalar scalar && scalar.isNull()) {
      return Map.of();
    }
    return mapping(node, what)
        .map(m -> (Map<String, Object>) new LinkedHashMap<>(asMap(m)))
        .orElse(Map.of());
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> asMap(YamlNode.Mapping mapping) {
    return (Map<String, Object>) mapping.toJava();
  }
}
