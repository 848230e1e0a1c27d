package org.herd.cli;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Generators that break a plan file as hand edits and tools do: any field given a value of another
 * kind, removed, doubled in its list, or joined by one nobody knows; the format version changed;
 * the JSON cut short, nested thousands deep, or not UTF-8 at all.
 */
final class PlanBreakers {

  private PlanBreakers() {}

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** Values of every kind JSON has, and strings of the wrong shape for most fields. */
  private static final List<JsonNode> VALUES =
      List.of(
          NODES.textNode(""),
          NODES.textNode(" "),
          NODES.textNode("UPGRAED"),
          NODES.textNode("web1; reboot"),
          NODES.textNode("\u0000"),
          NODES.textNode("a\nb"),
          NODES.textNode("2026-13-45T99:00:00Z"),
          NODES.textNode("x".repeat(5000)),
          NODES.numberNode(-1),
          NODES.numberNode(0),
          NODES.numberNode(3.5),
          NODES.numberNode(new BigInteger("123456789012345678901234567890")),
          NODES.booleanNode(true),
          NODES.nullNode(),
          NODES.arrayNode(),
          NODES.arrayNode().add(1).add("x"),
          NODES.objectNode(),
          NODES.objectNode().put("zz", 1));

  /** Any field of {@code seed} (a plan file) edited; the result may still be a valid plan. */
  private static Arbitrary<BrokenFile> edits(String seed) {
    JsonNode tree = read(seed);
    List<JsonPointer> paths = new ArrayList<>();
    collect(tree, JsonPointer.empty(), paths);
    paths.remove(JsonPointer.empty());
    Arbitrary<JsonPointer> path = Arbitraries.of(paths);
    return Arbitraries.oneOf(
        Combinators.combine(path, Arbitraries.of(VALUES))
            .as(
                (at, value) ->
                    edited(tree, at, "set to " + value, parent -> set(parent, at, value))),
        path.map(at -> edited(tree, at, "removed", parent -> remove(parent, at))),
        path.map(at -> edited(tree, at, "doubled", parent -> duplicate(parent, at))),
        path.filter(at -> tree.at(at).isObject())
            .map(
                at ->
                    edited(
                        tree,
                        at.append(JsonPointer.compile("/zz")),
                        "given an unknown field",
                        parent -> ((ObjectNode) parent).put("zz", 1))));
  }

  /** What no reader of plans may accept. */
  private static Arbitrary<BrokenFile> surelyBad(String seed) {
    JsonNode tree = read(seed);
    int lastBrace = seed.lastIndexOf('}');
    return Arbitraries.oneOf(
        Arbitraries.integers()
            .between(0, lastBrace)
            .map(at -> BrokenFile.surely("cut after " + at + " characters", seed.substring(0, at))),
        Arbitraries.of(
                NODES.numberNode(0),
                NODES.numberNode(3),
                NODES.numberNode(-2),
                NODES.numberNode(new BigInteger("99999999999999999999")),
                NODES.textNode("two"),
                NODES.nullNode(),
                NODES.arrayNode().add(2))
            .map(
                version -> {
                  ObjectNode plan = tree.deepCopy();
                  plan.set("formatVersion", version);
                  return BrokenFile.surely("formatVersion " + version, plan.toPrettyString());
                }),
        Arbitraries.of("/", "/hosts/0", "/hosts/0/installs/0", "/options", "/hosts/1/basis")
            .map(
                at -> {
                  JsonNode plan = tree.deepCopy();
                  ((ObjectNode) plan.at(at.equals("/") ? "" : at)).put("zz", true);
                  return BrokenFile.surely("an unknown field in " + at, plan.toPrettyString());
                }),
        Arbitraries.of(NODES.textNode("web1"), NODES.numberNode(1), NODES.objectNode())
            .map(
                hosts -> {
                  ObjectNode plan = tree.deepCopy();
                  plan.set("hosts", hosts);
                  return BrokenFile.surely("hosts " + hosts, plan.toPrettyString());
                }),
        Arbitraries.integers()
            .between(1_001, 100_000)
            .map(
                depth ->
                    BrokenFile.surely(
                        "keptBack nested " + depth + " deep",
                        seed.replaceFirst(
                            "\"keptBack\" : \\[ \"held-pkg\" ]",
                            "\"keptBack\" : " + "[".repeat(depth) + "]".repeat(depth)))),
        Arbitraries.of("", "{}", "[]", "null", "\"plan\"", "{\"formatVersion\": 2}")
            .map(text -> BrokenFile.surely("the file `" + text + "`", text)));
  }

  /** Both: edits, and what is surely bad, and bytes that are not text. */
  static Arbitrary<BrokenFile> any(String seed) {
    return Arbitraries.frequencyOf(
        Tuple.of(6, edits(seed)),
        Tuple.of(3, surelyBad(seed)),
        Tuple.of(1, FileBreakers.notUtf8(seed)),
        Tuple.of(1, FileBreakers.nulBytes(seed, true)),
        Tuple.of(2, FileBreakers.yamlByHand(seed)));
  }

  private static BrokenFile edited(
      JsonNode tree, JsonPointer at, String how, Consumer<JsonNode> change) {
    JsonNode copy = tree.deepCopy();
    JsonNode parent = copy.at(at.head());
    change.accept(parent == null || parent.isMissingNode() ? copy : parent);
    return BrokenFile.maybe(at + " " + how, copy.toPrettyString());
  }

  private static void set(JsonNode parent, JsonPointer at, JsonNode value) {
    if (parent instanceof ObjectNode object) {
      object.set(at.last().getMatchingProperty(), value);
    } else if (parent instanceof ArrayNode array) {
      array.set(at.last().getMatchingIndex(), value);
    }
  }

  private static void remove(JsonNode parent, JsonPointer at) {
    if (parent instanceof ObjectNode object) {
      object.remove(at.last().getMatchingProperty());
    } else if (parent instanceof ArrayNode array) {
      array.remove(at.last().getMatchingIndex());
    }
  }

  private static void duplicate(JsonNode parent, JsonPointer at) {
    if (parent instanceof ArrayNode array) {
      int i = at.last().getMatchingIndex();
      array.insert(i, array.get(i).deepCopy());
    } else if (parent instanceof ObjectNode object) {
      // JSON allows the same key twice in the text; a tree cannot: double the value instead.
      String key = at.last().getMatchingProperty();
      object.set(key, NODES.arrayNode().add(object.get(key)).add(object.get(key)));
    }
  }

  private static void collect(JsonNode node, JsonPointer at, List<JsonPointer> paths) {
    paths.add(at);
    if (node.isObject()) {
      for (Map.Entry<String, JsonNode> field : node.properties()) {
        collect(field.getValue(), at.appendProperty(field.getKey()), paths);
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        collect(node.get(i), at.appendIndex(i), paths);
      }
    }
  }

  private static JsonNode read(String json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
