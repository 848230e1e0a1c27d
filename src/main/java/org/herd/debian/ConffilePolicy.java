package org.herd.debian;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * What dpkg does with a conffile that both the administrator and the package changed, as decided by
 * dpkg's {@code --force-conf*} options. The options are cumulative flags: herd's own (apt-get's
 * {@code -o Dpkg::Options::=}) and those of the host's configuration ({@code /etc/dpkg/dpkg.cfg},
 * {@code /etc/dpkg/dpkg.cfg.d/}, apt's {@code Dpkg::Options}) add up, and dpkg gives precedence to
 * {@code confdef} over {@code confnew} and {@code confold}: with a default answer to take (dpkg's
 * default is to keep a modified file) it never looks at the other two.
 *
 * @param confdef {@code --force-confdef}: take the default answer when there is one
 * @param confold {@code --force-confold}: keep the local file, write the new one as {@code
 *     .dpkg-dist}
 * @param confnew {@code --force-confnew}: install the new file, keep the local one as {@code
 *     .dpkg-old}
 * @param confmiss {@code --force-confmiss}: install a conffile the administrator deleted
 */
public record ConffilePolicy(boolean confdef, boolean confold, boolean confnew, boolean confmiss) {

  /** dpkg without any conffile option: it asks. */
  public static final ConffilePolicy NONE = new ConffilePolicy(false, false, false, false);

  /**
   * The policy of a set of dpkg options, as given on the command line ({@code --force-confold}) or
   * in dpkg.cfg ({@code force-confold}); {@code --force-a,b} lists several. Other options are
   * ignored.
   */
  public static ConffilePolicy of(Collection<String> options) {
    Set<String> forced = new TreeSet<>();
    for (String option : options) {
      String text = option.strip().toLowerCase(Locale.ROOT);
      if (text.startsWith("--")) {
        text = text.substring(2);
      }
      if (text.startsWith("force-")) {
        forced.addAll(List.of(text.substring("force-".length()).split(",")));
      }
    }
    return new ConffilePolicy(
        forced.contains("confdef"),
        forced.contains("confold"),
        forced.contains("confnew"),
        forced.contains("confmiss"));
  }

  /** This policy with the flags of {@code other} added (dpkg's flags only accumulate). */
  public ConffilePolicy with(ConffilePolicy other) {
    return new ConffilePolicy(
        confdef || other.confdef,
        confold || other.confold,
        confnew || other.confnew,
        confmiss || other.confmiss);
  }

  /** The options, as dpkg takes them on its command line, in a fixed order. */
  public List<String> options() {
    List<String> options = new java.util.ArrayList<>();
    if (confdef) {
      options.add("--force-confdef");
    }
    if (confold) {
      options.add("--force-confold");
    }
    if (confnew) {
      options.add("--force-confnew");
    }
    if (confmiss) {
      options.add("--force-confmiss");
    }
    return List.copyOf(options);
  }

  /**
   * What dpkg does when it would ask, the file being locally modified and its shipped version
   * changed (dpkg's default answer then is to keep the local file).
   */
  ConffileAction onConflict() {
    if (confdef || (confold && !confnew)) {
      return ConffileAction.KEEP_LOCAL;
    }
    if (confnew) {
      return ConffileAction.REPLACE_LOCAL;
    }
    return ConffileAction.PROMPT;
  }
}
