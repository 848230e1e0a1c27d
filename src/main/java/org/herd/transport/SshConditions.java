package org.herd.transport;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * When a block of ssh_config applies: {@code Host} patterns, and the {@code Match} criteria the
 * {@code ssh} transport can evaluate as OpenSSH does — {@code all}, {@code host} (the HostName
 * obtained so far), {@code originalhost} (the name asked for), {@code user} (the remote user
 * obtained so far) and {@code localuser}, each negated by a leading {@code !}. Criteria are
 * evaluated left to right and the first that fails decides, as in OpenSSH; {@code exec}, {@code
 * canonical}, {@code final}, {@code tagged}, {@code localnetwork}, {@code version}, {@code
 * sessiontype} and {@code command} are refused when they would have to be evaluated (use the {@code
 * openssh} transport).
 */
final class SshConditions {
  private SshConditions() {}

  /** What a block is matched against. */
  record Subject(String alias, String hostName, String user, String localUser) {}

  /** When a block applies. */
  sealed interface Condition permits Always, HostLine, MatchLine, Both {
    /**
     * Whether the block applies to {@code subject}.
     *
     * @throws IllegalArgumentException naming the line of a criterion the transport cannot evaluate
     */
    boolean test(Subject subject);
  }

  /** The options before the first {@code Host} line. */
  record Always() implements Condition {
    @Override
    public boolean test(Subject subject) {
      return true;
    }
  }

  /** {@code Host pattern…}: matched against the name asked for. */
  record HostLine(List<String> patterns) implements Condition {
    @Override
    public boolean test(Subject subject) {
      return HostPattern.matchesList(patterns, subject.alias());
    }
  }

  /** A block of an included file: it applies when the including block does too. */
  record Both(Condition outer, Condition inner) implements Condition {
    @Override
    public boolean test(Subject subject) {
      return outer.test(subject) && inner.test(subject);
    }
  }

  /** One criterion of a {@code Match} line. */
  record Criterion(boolean negated, String name, String argument) {}

  /** {@code Match criterion…}, read from {@code where} ({@code FILE:LINE}). */
  record MatchLine(List<Criterion> criteria, String where) implements Condition {
    @Override
    public boolean test(Subject subject) {
      for (Criterion criterion : criteria) {
        boolean matched =
            switch (criterion.name()) {
              case "all" -> true;
              case "host" -> matches(criterion, subject.hostName());
              case "originalhost" -> matches(criterion, subject.alias());
              case "user" -> matches(criterion, subject.user());
              case "localuser" -> matches(criterion, subject.localUser());
              default ->
                  throw new IllegalArgumentException(
                      where
                          + ": 'Match "
                          + criterion.name()
                          + "' is not supported by the ssh transport; use --transport openssh");
            };
        if (matched == criterion.negated()) {
          return false;
        }
      }
      return true;
    }

    private static boolean matches(Criterion criterion, String value) {
      return HostPattern.matchesList(List.of(criterion.argument().split(",")), value);
    }
  }

  private static final List<String> WITHOUT_ARGUMENT = List.of("all", "canonical", "final");
  private static final List<String> WITH_ARGUMENT =
      List.of(
          "host",
          "originalhost",
          "user",
          "localuser",
          "exec",
          "tagged",
          "localnetwork",
          "version",
          "sessiontype",
          "command");

  /**
   * Reads the words of a {@code Match} line.
   *
   * @throws IllegalArgumentException naming {@code where} for an unknown criterion or a missing
   *     argument, as OpenSSH refuses them
   */
  static MatchLine match(List<String> words, String where) {
    if (words.isEmpty()) {
      throw new IllegalArgumentException(where + ": Match needs a criterion");
    }
    List<Criterion> criteria = new ArrayList<>();
    for (int i = 0; i < words.size(); i++) {
      String word = words.get(i);
      boolean negated = word.startsWith("!");
      String name = (negated ? word.substring(1) : word).toLowerCase(Locale.ROOT);
      if (WITHOUT_ARGUMENT.contains(name)) {
        criteria.add(new Criterion(negated, name, null));
      } else if (WITH_ARGUMENT.contains(name)) {
        if (i + 1 == words.size()) {
          throw new IllegalArgumentException(where + ": Match " + name + " needs an argument");
        }
        criteria.add(new Criterion(negated, name, words.get(++i)));
      } else {
        throw new IllegalArgumentException(where + ": unknown Match criterion '" + word + "'");
      }
    }
    return new MatchLine(criteria, where);
  }
}
