package org.herd.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.javalin.http.Context;
import java.util.Map;

/** The API's JSON: records and maps as Jackson writes them (as the CLI's {@code --json} does). */
final class Json {

  static final ObjectMapper MAPPER =
      new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

  private Json() {}

  static String text(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("not serialisable: " + value.getClass(), e);
    }
  }

  static byte[] utf8(Object value) {
    try {
      return MAPPER.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("not serialisable: " + value.getClass(), e);
    }
  }

  /** Answers {@code value} as JSON with {@code status}. */
  static void answer(Context ctx, int status, Object value) {
    ctx.status(status).contentType("application/json").result(text(value));
  }

  /** Answers {@code {"error": message}} with {@code status}. */
  static void error(Context ctx, int status, String message) {
    answer(ctx, status, Map.of("error", message));
  }
}
