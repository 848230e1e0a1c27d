package org.herd.text;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A YAML parser's message in the operator's words: on one line, and without the parser's own
 * classes ({@code <org.yaml.snakeyaml.events.SequenceStartEvent(anchor=null, …)>} becomes "a
 * list"). The inventory and the recipe readers both report through it.
 */
public final class YamlMessage {

  private static final Pattern EVENT =
      Pattern.compile("<?org\\.yaml\\.snakeyaml\\.events\\.(\\w+?)Event\\([^)]*\\)>?");

  private static final Map<String, String> WHAT =
      Map.of(
          "SequenceStart", "a list",
          "MappingStart", "a mapping",
          "Scalar", "a value",
          "Alias", "an alias",
          "SequenceEnd", "the end of a list",
          "MappingEnd", "the end of a mapping",
          "DocumentStart", "a new document",
          "StreamEnd", "the end of the file");

  private static final Pattern FIELD_NAME_EXPECTED =
      Pattern.compile("Expected a field name \\(Scalar value in YAML\\), got this instead: (.*)");

  private YamlMessage() {}

  /** {@code message} on one line, in plain words. */
  public static String plain(String message) {
    String line = String.valueOf(message).replaceAll("\\s*\\n\\s*", " ").strip();
    Matcher events = EVENT.matcher(line);
    StringBuilder out = new StringBuilder();
    while (events.find()) {
      events.appendReplacement(
          out, Matcher.quoteReplacement(WHAT.getOrDefault(events.group(1), "something else")));
    }
    events.appendTail(out);
    Matcher fieldName = FIELD_NAME_EXPECTED.matcher(out);
    if (fieldName.matches()) {
      return "a key must be plain text, not " + fieldName.group(1);
    }
    return out.toString();
  }
}
