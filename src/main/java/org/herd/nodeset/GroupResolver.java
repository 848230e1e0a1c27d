package org.herd.nodeset;

import java.util.Optional;

/**
 * Resolves the {@code @group}, {@code @source:group} and {@code @*} references of a node-set
 * expression, as ClusterShell's group sources do. The inventory provides the real one.
 *
 * <p>A resolver returns node-set expressions, which may themselves name groups; the parser expands
 * them recursively and reports cycles.
 */
public interface GroupResolver {

  /** A resolver that knows no groups. */
  GroupResolver NONE =
      new GroupResolver() {
        @Override
        public Optional<String> group(String source, String name) {
          return Optional.empty();
        }

        @Override
        public Optional<String> all(String source) {
          return Optional.empty();
        }
      };

  /**
   * The members of a group as a node-set expression.
   *
   * @param source the group source ({@code null} for the default source)
   * @param name the group name, without {@code @}
   * @return the expression, or empty when there is no such group
   */
  Optional<String> group(String source, String name);

  /**
   * Every host of a source, for {@code @*} and {@code @source:*}.
   *
   * @param source the group source ({@code null} for the default source)
   * @return the expression, or empty when the source cannot list all hosts
   */
  Optional<String> all(String source);

  /**
   * This resolver with {@code source} as the default source: {@code @name} and {@code @*} are read
   * from {@code source}, as with ClusterShell's {@code -s GROUPSOURCE}.
   */
  default GroupResolver withDefaultSource(String source) {
    GroupResolver base = this;
    return new GroupResolver() {
      @Override
      public Optional<String> group(String named, String name) {
        return base.group(named == null ? source : named, name);
      }

      @Override
      public Optional<String> all(String named) {
        return base.all(named == null ? source : named);
      }
    };
  }
}
