package org.herd.text;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A YAML parser's message in the operator's words: on one line, and without the parser's own
 * classes ({@code <org.yaml.snakeyaml.events.SequenceStartEvent(anchor=null, …)>} becomes "a
 * list"), and without the settings its limits are named by. The inventory and the recipe readers
 * both report through it, and so does the plan file's reader, whose JSON parser is the same
 * library's.
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

  /** The setting a parser's limit names ("…maximum allowed (1000, from `Class.getMax…()`)"). */
  private static final Pattern LIMIT_SETTING = Pattern.compile(", from `\\w+\\.\\w+\\(\\)`");

  private YamlMessage() {}

  /** {@code message} on one line, in plain words. */
  public static String plain(String message) {
    String line =
        LIMIT_SETTING
            .matcher(String.valueOf(message).replaceAll("\\s*\\n\\s*", " ").strip())
            .replaceAll("");
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
