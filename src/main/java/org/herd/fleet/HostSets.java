package org.herd.fleet;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * Folding and ordering of host names for reports. TEMPORARY: replaced by org.herd.nodeset.NodeSet
 * when that lands.
 */
final class HostSets {

  private HostSets() {}

  static final Comparator<String> ORDER =
      Comparator.comparing((String h) -> h.replaceAll("\\d+$", ""))
          .thenComparingLong(
              h -> {
                var m = h.replaceAll("^.*?(\\d*)$", "$1");
                return m.isEmpty() ? -1 : Long.parseLong(m);
              })
          .thenComparing(Comparator.naturalOrder());

  static List<String> sorted(Collection<String> hosts) {
    List<String> list = new ArrayList<>(hosts);
    list.sort(ORDER);
    return list;
  }

  static String fold(Collection<String> hosts) {
    return String.join(",", sorted(hosts));
  }
}
