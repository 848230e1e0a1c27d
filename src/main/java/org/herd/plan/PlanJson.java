package org.herd.plan;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;

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
    try {
      tree = MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new PlanFormatException("not JSON: " + e.getOriginalMessage(), e);
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
    try {
      return MAPPER.treeToValue(tree, Plan.class);
    } catch (JsonProcessingException e) {
      Throwable cause = e.getCause();
      String why =
          cause instanceof IllegalArgumentException || cause instanceof NullPointerException
              ? cause.getMessage()
              : e.getOriginalMessage();
      throw new PlanFormatException("invalid plan: " + why, e);
    } catch (IllegalArgumentException e) {
      throw new PlanFormatException("invalid plan: " + e.getMessage(), e);
    }
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
