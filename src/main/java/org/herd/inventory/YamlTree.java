package org.herd.inventory;

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
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads YAML into {@link YamlNode}s with Jackson's streaming parser, keeping the line and column of
 * every node.
 *
 * <p>A syntax error stops the parser, so it is the one problem that is reported alone; it is placed
 * where SnakeYAML saw it (Jackson's own location is often the start of the enclosing block).
 */
final class YamlTree {

  /**
   * SnakeYAML reads at most 3 million code points by default; an inventory may be as large as
   * {@link InventoryLoader#MAX_BYTES}. (Rebuilt from a factory, not {@code builder()}, which would
   * read an empty value as an empty string rather than null.)
   */
  private static final YAMLFactory FACTORY =
      new YAMLFactory().rebuild().loaderOptions(codePointLimit(InventoryLoader.MAX_BYTES)).build();

  private final String file;
  private final YAMLParser parser;

  private static LoaderOptions codePointLimit(long limit) {
    LoaderOptions options = new LoaderOptions();
    options.setCodePointLimit(Math.toIntExact(limit));
    return options;
  }

  private YamlTree(String file, YAMLParser parser) {
    this.file = file;
    this.parser = parser;
  }

  /**
   * Parses one YAML document.
   *
   * @param file the file name to put in positions
   * @param text the document
   * @return the root node; an empty document is a null scalar
   * @throws InventoryException on a syntax error or a YAML feature herd does not support
   */
  static YamlNode parse(String file, String text) {
    try (YAMLParser parser = (YAMLParser) FACTORY.createParser(text)) {
      YamlTree tree = new YamlTree(file, parser);
      JsonToken first = parser.nextToken();
      if (first == null) {
        return new YamlNode.Scalar(YamlNode.Kind.NULL, "", null, new Position(file, 1, 1));
      }
      YamlNode root = tree.node(first);
      if (parser.nextToken() != null) {
        throw new InventoryException(
            tree.position(), "a second YAML document (after ---): herd reads one per file");
      }
      return root;
    } catch (JsonProcessingException e) {
      throw syntaxError(file, e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private YamlNode node(JsonToken token) throws IOException {
    Position position = position();
    if (parser.isCurrentAlias()) {
      throw new InventoryException(
          position, "YAML aliases (*" + parser.getText() + ") are not supported; repeat the value");
    }
    switch (token) {
      case START_OBJECT:
        return mapping(position);
      case START_ARRAY:
        return sequence(position);
      case VALUE_STRING:
        return scalar(YamlNode.Kind.STRING, parser.getText(), position);
      case VALUE_NUMBER_INT:
        return scalar(YamlNode.Kind.INTEGER, parser.getNumberValue(), position);
      case VALUE_NUMBER_FLOAT:
        return scalar(YamlNode.Kind.FLOAT, parser.getNumberValue(), position);
      case VALUE_TRUE:
        return scalar(YamlNode.Kind.BOOLEAN, Boolean.TRUE, position);
      case VALUE_FALSE:
        return scalar(YamlNode.Kind.BOOLEAN, Boolean.FALSE, position);
      case VALUE_NULL:
        return scalar(YamlNode.Kind.NULL, null, position);
      default:
        throw new InventoryException(position, "unexpected YAML content " + token);
    }
  }

  private YamlNode.Scalar scalar(YamlNode.Kind kind, Object value, Position position)
      throws IOException {
    return new YamlNode.Scalar(kind, parser.getText(), value, position);
  }

  private YamlNode.Mapping mapping(Position position) throws IOException {
    List<YamlNode.Entry> entries = new ArrayList<>();
    JsonToken token;
    while ((token = parser.nextToken()) != JsonToken.END_OBJECT) {
      Position keyPosition = position();
      if (token != JsonToken.FIELD_NAME) {
        throw new InventoryException(keyPosition, "unexpected YAML content " + token);
      }
      String name = parser.currentName();
      YamlNode.Scalar key = new YamlNode.Scalar(YamlNode.Kind.STRING, name, name, keyPosition);
      entries.add(new YamlNode.Entry(key, node(parser.nextToken())));
    }
    return new YamlNode.Mapping(entries, position);
  }

  private YamlNode.Sequence sequence(Position position) throws IOException {
    List<YamlNode> items = new ArrayList<>();
    JsonToken token;
    while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
      items.add(node(token));
    }
    return new YamlNode.Sequence(items, position);
  }

  private Position position() {
    JsonLocation location = parser.currentTokenLocation();
    return new Position(file, location.getLineNr(), location.getColumnNr());
  }

  private static InventoryException syntaxError(String file, JsonProcessingException e) {
    if (e.getCause() instanceof MarkedYAMLException marked && marked.getProblemMark() != null) {
      Mark mark = marked.getProblemMark();
      String problem =
          oneLine(marked.getProblem())
              .replace(" (Do not use @ for indentation)", "")
              .replaceAll("\\.$", "");
      if (problem.contains("'@'")) {
        problem += "; quote node sets that start with @, as in \"@group\"";
      }
      String context = marked.getContext() == null ? "" : " " + oneLine(marked.getContext());
      return new InventoryException(
          new Position(file, mark.getLine() + 1, mark.getColumn() + 1),
          "YAML syntax error" + context + ": " + problem);
    }
    JsonLocation location = e.getLocation();
    Position position =
        location == null
            ? Position.of(file)
            : new Position(file, location.getLineNr(), location.getColumnNr());
    return new InventoryException(
        position, "YAML syntax error: " + oneLine(e.getOriginalMessage()));
  }

  private static String oneLine(String text) {
    return YamlMessage.plain(text);
  }
}
