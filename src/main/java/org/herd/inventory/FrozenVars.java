package org.herd.inventory;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Deep, order-keeping, unmodifiable copies of free-form variables. {@code Map.copyOf} would lose
 * the order users wrote them in and reject YAML's null values.
 */
final class FrozenVars {

  private FrozenVars() {}

  static Map<String, Object> copy(Map<String, Object> vars) {
    if (vars == null || vars.isEmpty()) {
      return Map.of();
    }
    Map<String, Object> copy = new LinkedHashMap<>();
    vars.forEach((k, v) -> copy.put(k, value(v)));
    return Collections.unmodifiableMap(copy);
  }

  @SuppressWarnings("unchecked")
  private static Object value(Object v) {
    if (v instanceof Map<?, ?> map) {
      return copy((Map<String, Object>) map);
    }
    if (v instanceof List<?> list) {
      List<Object> copy = new ArrayList<>();
      list.forEach(item -> copy.add(value(item)));
      return Collections.unmodifiableList(copy);
    }
    return v;
  }
}
