package org.herd.engine;

import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * When to restart a service, by the kind of update that touched it — "whether you want to restart
 * automatically can also depend on the type of fix". In an inventory: one word for both kinds
 * ({@code restart: after-run}), or a map ({@code restart: {security: now, regular: after-run}})
 * where a missing kind is {@code now}.
 */
public record RestartPolicy(RestartWhen security, RestartWhen regular) {

  /** herd's default: every denied restart is performed at once. */
  public static final RestartPolicy NOW = new RestartPolicy(RestartWhen.NOW, RestartWhen.NOW);

  public RestartPolicy {
    Objects.requireNonNull(security, "security");
    Objects.requireNonNull(regular, "regular");
  }

  /** The choice for an update of that kind. */
  public RestartWhen when(boolean securityUpdate) {
    return securityUpdate ? security : regular;
  }

  /**
   * Reads an inventory value: a word, or a map with keys {@code security} and {@code regular}.
   *
   * @throws IllegalArgumentException saying what is wrong
   */
  public static RestartPolicy parse(Object value) {
    if (value instanceof String word) {
      RestartWhen when = RestartWhen.parse(word.strip());
      return new RestartPolicy(when, when);
    }
    if (value instanceof Map<?, ?> map) {
      for (Object key : map.keySet()) {
        if (!Set.of("security", "regular").contains(String.valueOf(key))) {
          throw new IllegalArgumentException(
              "restart: unknown kind '" + key + "', expected security or regular");
        }
      }
      return new RestartPolicy(kind(map, "security"), kind(map, "regular"));
    }
    throw new IllegalArgumentException(
        "restart: expected now, after-run, never or {security: …, regular: …}, not " + value);
  }

  private static RestartWhen kind(Map<?, ?> map, String key) {
    Object word = map.get(key);
    return word == null ? RestartWhen.NOW : RestartWhen.parse(String.valueOf(word).strip());
  }
}
