package org.herd.recipe;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.herd.text.YamlMessage;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads one YAML document into {@link RecipeNode}s with Jackson's streaming parser, keeping every
 * node's line and column ({@link JsonLocation}). A syntax error is reported alone, where SnakeYAML
 * saw it.
 */
final class RecipeYaml {

  private static final YAMLFactory FACTORY = new YAMLFactory();

  private final String file;
  private final YAMLParser parser;

  private RecipeYaml(String file, YAMLParser parser) {
    this.file = file;
    this.parser = parser;
  }

  /**
   * Parses {@code text}.
   *
   * @throws RecipeException on a syntax error, an alias or a second document
   */
  static RecipeNode parse(String file, String text) {
    try (YAMLParser parser = (YAMLParser) FACTORY.createParser(text)) {
      RecipeYaml yaml = new RecipeYaml(file, parser);
      JsonToken first = parser.nextToken();
      if (first == null) {
        return new RecipeNode.Scalar("", true, false, new SourcePosition(file, 1, 1));
      }
      RecipeNode root = yaml.node(first);
      if (parser.nextToken() != null) {
        throw new RecipeException(yaml.position(), "a second YAML document: one recipe per file");
      }
      return root;
    } catch (JsonProcessingException e) {
      throw syntaxError(file, e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private RecipeNode node(JsonToken token) throws IOException {
    SourcePosition position = position();
    if (parser.isCurrentAlias()) {
      throw new RecipeException(position, "YAML aliases are not supported; repeat the value");
    }
    return switch (token) {
      case START_OBJECT -> mapping(position);
      case START_ARRAY -> sequence(position);
      case VALUE_STRING -> new RecipeNode.Scalar(parser.getText(), false, true, position);
      case VALUE_NULL -> new RecipeNode.Scalar(parser.getText(), true, false, position);
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT, VALUE_TRUE, VALUE_FALSE ->
          new RecipeNode.Scalar(parser.getText(), false, false, position);
      default -> throw new RecipeException(position, "unexpected YAML content " + token);
    };
  }

  private RecipeNode.Mapping mapping(SourcePosition position) throws IOException {
    List<RecipeNode.Entry> entries = new ArrayList<>();
    JsonToken token;
    while ((token = parser.nextToken()) != JsonToken.END_OBJECT) {
      SourcePosition keyPosition = position();
      if (token != JsonToken.FIELD_NAME) {
        throw new RecipeException(keyPosition, "unexpected YAML content " + token);
      }
      String key = parser.currentName();
      entries.add(new RecipeNode.Entry(key, keyPosition, node(parser.nextToken())));
    }
    return new RecipeNode.Mapping(entries, position);
  }

  private RecipeNode.Sequence sequence(SourcePosition position) throws IOException {
    List<RecipeNode> items = new ArrayList<>();
    JsonToken token;
    while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
      items.add(node(token));
    }
    return new RecipeNode.Sequence(items, position);
  }

  private SourcePosition position() {
    JsonLocation location = parser.currentTokenLocation();
    return new SourcePosition(file, location.getLineNr(), location.getColumnNr());
  }

  private static RecipeException syntaxError(String file, JsonProcessingException e) {
    if (e.getCause() instanceof MarkedYAMLException marked && marked.getProblemMark() != null) {
      Mark mark = marked.getProblemMark();
      String problem = oneLine(marked.getProblem()).replaceAll("\\.$", "");
      if (problem.endsWith("got {")) {
        problem += "; quote a value with {{variables}} inside [ ], or that starts with {{";
      }
      return new RecipeException(
          new SourcePosition(file, mark.getLine() + 1, mark.getColumn() + 1),
          "YAML syntax error: " + problem);
    }
    JsonLocation location = e.getLocation();
    SourcePosition position =
        location == null
            ? SourcePosition.of(file)
            : new SourcePosition(file, location.getLineNr(), location.getColumnNr());
    return new RecipeException(position, "YAML syntax error: " + oneLine(e.getOriginalMessage()));
  }

  private static String oneLine(String text) {
    return YamlMessage.plain(text);
  }
}
