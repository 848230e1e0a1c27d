package org.herd.plan;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.herd.text.YamlMessage;

/**
 * The plan file: {@link Plan} as JSON, and back. Writing is deterministic: keys sorted
 * alphabetically at every level, hosts and packages sorted by the records themselves, two-space
 * indentation and a final newline, so that the same plan always gives the same bytes (and a plan
 * file can be diffed and checksummed). Reading checks {@code formatVersion} first and refuses a
 * version it does not know, then the records' own rules. A plan of format 1 is read as one of the
 * current format whose hosts' conffiles are unknown.
 */
public final class PlanJson {

  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
          // Records have creator properties only; without this they would keep declaration order.
          .disable(MapperFeature.SORT_CREATOR_PROPERTIES_FIRST)
          .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
          .enable(SerializationFeature.INDENT_OUTPUT)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .addModule(instants())
          .build();

  /** The largest plan file herd reads: far more than 10,000 hosts' plans. */
  public static final long MAX_BYTES = 256L << 20;

  /** The conffiles of a host in a plan of format 1. */
  static final String VERSION_1_CONFFILES = "not recorded in plans of format 1";

  private PlanJson() {}

  /** The plan as JSON text, ending with a newline. */
  public static String write(Plan plan) {
    try {
      return MAPPER.writeValueAsString(plan) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a plan is always serialisable", e);
    }
  }

  /** The plan as a JSON tree (for embedding into another document, such as {@code --json}). */
  public static JsonNode tree(Plan plan) {
    return MAPPER.valueToTree(plan);
  }

  /**
   * Reads a plan file's text.
   *
   * @throws PlanFormatException when it is not a plan this herd can read
   */
  public static Plan read(String json) {
    JsonNode tree;
    try (JsonParser parser = MAPPER.createParser(json)) {
      tree = MAPPER.readTree(parser);
      if (parser.nextToken() != null) {
        // A plan followed by anything else (another plan, a stray byte) is not a plan file.
        throw new PlanFormatException("not JSON: something follows the plan's closing brace");
      }
    } catch (JsonProcessingException e) {
      throw new PlanFormatException("not JSON: " + YamlMessage.plain(e.getOriginalMessage()), e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (tree == null || !tree.isObject()) {
      throw new PlanFormatException("not a plan: the file is not a JSON object");
    }
    JsonNode version = tree.get("formatVersion");
    if (version == null || !version.canConvertToInt()) {
      throw new PlanFormatException("not a plan: no formatVersion");
    }
    if (version.asInt() == 1) {
      upgradeFromVersion1((ObjectNode) tree);
    } else if (version.asInt() != Plan.FORMAT_VERSION) {
      throw new PlanFormatException(
          "format version "
              + version.asInt()
              + " is not supported (this herd reads versions 1 to "
              + Plan.FORMAT_VERSION
              + ")");
    }
    checkHosts(tree.get("hosts"));
    try {
      return MAPPER.treeToValue(tree, Plan.class);
    } catch (JsonMappingException e) {
      throw new PlanFormatException("invalid plan: " + where(e) + why(e), e);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw new PlanFormatException("invalid plan: " + e.getMessage(), e);
    }
  }

  /**
   * What the records cannot check alone: each host's name is one herd can pass on (a plan names
   * hosts as node sets do), and its {@code executable}, written for readers of the file and derived
   * from its refusals on reading, agrees with them: a file where the two disagree was edited by
   * hand, and is not applied either way.
   */
  private static void checkHosts(JsonNode hosts) {
    if (hosts == null || !hosts.isArray()) {
      return;
    }
    for (int i = 0; i < hosts.size(); i++) {
      JsonNode host = hosts.get(i);
      JsonNode name = host.get("host");
      if (name != null && name.isTextual() && !HOST_NAME.matcher(name.asText()).matches()) {
        throw new PlanFormatException(
            "invalid plan: hosts[" + i + "].host: not a host name: '" + name.asText() + "'");
      }
      JsonNode executable = host.get("executable");
      JsonNode refusals = host.get("refusals");
      boolean refused = refusals != null && refusals.isArray() && !refusals.isEmpty();
      if (executable != null && executable.isBoolean() && executable.asBoolean() == refused) {
        throw new PlanFormatException(
            "invalid plan: hosts["
                + i
                + "].executable is "
                + executable.asBoolean()
                + (refused ? ", but the host has refusals" : ", but the host has no refusal")
                + " (a plan file is written by 'herd plan -o'; make a new one)");
      }
    }
  }

  /** The field the problem is at, {@code hosts[0].installs[2].version: }, or nothing. */
  private static String where(JsonMappingException e) {
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference step : e.getPath()) {
      if (step.getFieldName() != null) {
        path.append(path.isEmpty() ? "" : ".").append(step.getFieldName());
      } else if (step.getIndex() >= 0) {
        path.append('[').append(step.getIndex()).append(']');
      }
    }
    return path.isEmpty() ? "" : path + ": ";
  }

  /** What is wrong there, in the plan's words rather than the JSON library's. */
  private static String why(JsonMappingException e) {
    Throwable cause = e.getCause();
    if (cause instanceof IllegalArgumentException) {
      return cause.getMessage();
    }
    if (cause instanceof NullPointerException missing) {
      return missingField(String.valueOf(missing.getMessage()))
          .map(field -> "`" + field + "` is missing")
          .orElse("a required field is missing or null");
    }
    if (e instanceof UnrecognizedPropertyException unknown) {
      return "unknown field `" + unknown.getPropertyName() + "`";
    }
    if (e instanceof InvalidFormatException format) {
      return "`" + format.getValue() + "` is not a valid " + typeName(format.getTargetType());
    }
    if (e instanceof MismatchedInputException mismatch) {
      return "expected " + typeName(mismatch.getTargetType());
    }
    return "not a valid value";
  }

  /**
   * The field a record's constructor found null: named by {@code Objects.requireNonNull(x,
   * "name")}, or by the JVM's message for a null parameter the constructor used.
   */
  private static Optional<String> missingField(String message) {
    if (FIELD.matcher(message).matches()) {
      return Optional.of(message);
    }
    Matcher used = NULL_PARAMETER.matcher(message);
    return used.find() ? Optional.of(used.group(1)) : Optional.empty();
  }

  /**
   * A host name: not empty, at most 255 characters, and nothing a shell, an ssh destination or a
   * node set would read as something else (white space, quotes, {@code /\\$;|&<>(){}*?,!`}).
   */
  private static final Pattern HOST_NAME =
      Pattern.compile("[^\\s\\p{Cntrl}/\\\\'\"`$;|&<>(){}*?,!]{1,255}");

  private static final Pattern FIELD = Pattern.compile("[a-z][A-Za-z0-9]*");
  private static final Pattern NULL_PARAMETER =
      Pattern.compile("because \"([a-z][A-Za-z0-9]*)\" is null");

  private static String typeName(Class<?> type) {
    if (type == null) {
      return "value";
    }
    if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
      return "list";
    }
    if (type == String.class || type.isEnum()) {
      return type.isEnum() ? "value (one of " + enumValues(type) + ")" : "string";
    }
    if (type == boolean.class || type == Boolean.class) {
      return "boolean";
    }
    if (type.isPrimitive() || Number.class.isAssignableFrom(type)) {
      return "number";
    }
    return "object";
  }

  private static String enumValues(Class<?> type) {
    StringBuilder names = new StringBuilder();
    for (Object constant : type.getEnumConstants()) {
      names.append(names.isEmpty() ? "" : ", ").append(constant);
    }
    return names.toString();
  }

  /**
   * A plan of format 1 is one of format 2 whose hosts' conffiles are unknown: format 1 did not
   * record them.
   */
  private static void upgradeFromVersion1(ObjectNode plan) {
    plan.put("formatVersion", Plan.FORMAT_VERSION);
    JsonNode hosts = plan.get("hosts");
    if (hosts == null || !hosts.isArray()) {
      return;
    }
    for (JsonNode host : hosts) {
      if (host instanceof ObjectNode h && !h.has("conffiles")) {
        h.set("conffiles", MAPPER.valueToTree(ConffileOutlook.unknown(VERSION_1_CONFFILES)));
      }
    }
  }

  private static SimpleModule instants() {
    SimpleModule module = new SimpleModule("herd-plan-instants");
    module.addSerializer(
        Instant.class,
        new StdSerializer<>(Instant.class) {
          @Override
          public void serialize(Instant value, JsonGenerator gen, SerializerProvider provider)
              throws IOException {
            gen.writeString(value.toString());
          }
        });
    module.addDeserializer(
        Instant.class,
        new StdDeserializer<>(Instant.class) {
          @Override
          public Instant deserialize(JsonParser parser, DeserializationContext context)
              throws IOException {
            String text = parser.getValueAsString();
            try {
              return Instant.parse(text);
            } catch (DateTimeParseException | NullPointerException e) {
              return (Instant)
                  context.handleWeirdStringValue(Instant.class, text, "not an instant");
            }
          }
        });
    return module;
  }
}
