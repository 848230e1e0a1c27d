package org.herd.nodeset;

/**
 * One literal host name split into its pattern and index keys: {@code rack2-node07} is pattern
 * {@code rack%s-node%s} with indexes {@code 2} and {@code 07}.
 */
record HostName(Pattern pattern, long[] keys) {

  private static final String RESERVED = ",!&^[]";

  /**
   * Splits a literal host name.
   *
   * @throws NodeSetException if the name is empty, has whitespace or a reserved character, or an
   *     index too long to handle
   */
  static HostName parse(String hostname) {
    if (hostname.isEmpty()) {
      throw NodeSetException.at("empty host name", null, 0, null);
    }
    for (int i = 0; i < hostname.length(); i++) {
      char c = hostname.charAt(i);
      if (Character.isWhitespace(c) || RESERVED.indexOf(c) >= 0) {
        throw NodeSetException.at(
            "bad host name", hostname, i + 1, "'" + c + "' is not allowed in a host name");
      }
    }
    PatternBuilder builder = new PatternBuilder();
    try {
      builder.text(hostname, 0, hostname.length());
    } catch (IllegalArgumentException e) {
      throw NodeSetException.at("bad host name", hostname, 0, e.getMessage());
    }
    return new HostName(builder.pattern(), builder.singleKeys());
  }

  /** The indexes of this one host, as an index set of its pattern. */
  IndexSet indexes() {
    if (keys.length == 0) {
      return NoIndex.PRESENT;
    }
    if (keys.length == 1) {
      return RangeSet.single(keys[0]);
    }
    RangeSet[] ranges = new RangeSet[keys.length];
    for (int i = 0; i < keys.length; i++) {
      ranges[i] = RangeSet.single(keys[i]);
    }
    return RangeSetNd.product(ranges);
  }
}
