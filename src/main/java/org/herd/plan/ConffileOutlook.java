package org.herd.plan;

import java.util.Comparator;
import java.util.List;

/**
 * What a host's upgrade does to its conffiles (the files under {@code /etc} that dpkg manages): the
 * ones it changes, keeps against a new version, adds or obsoletes, under the dpkg options that
 * decide conflicts. A host whose conffiles herd did not read says so in {@link #unknown}; a package
 * whose candidate could not be read is in {@link #unexamined}.
 *
 * @param unknown why herd does not know the conffiles of the host at all (not asked, no answer, a
 *     plan of format 1), or null when it read them
 * @param changes the conffiles the upgrade touches, sorted by path then package; empty when {@link
 *     #unknown} is set
 * @param unexamined packages whose conffiles could not be compared, sorted by package
 * @param dpkgOptions the {@code --force-conf*} options that decided conflicts (herd's and the
 *     host's own), in dpkg's spelling; empty when {@link #unknown} is set
 */
public record ConffileOutlook(
    String unknown,
    List<ConffileChange> changes,
    List<UnexaminedPackage> unexamined,
    List<String> dpkgOptions) {

  /** Sorts and copies the lists; an unknown outlook has nothing else. */
  public ConffileOutlook {
    changes =
        changes.stream()
            .sorted(
                Comparator.comparing(ConffileChange::path).thenComparing(c -> c.pkg().toString()))
            .toList();
    unexamined = unexamined.stream().sorted(Comparator.comparing(u -> u.pkg().toString())).toList();
    dpkgOptions = List.copyOf(dpkgOptions);
    if (unknown != null && !(changes.isEmpty() && unexamined.isEmpty())) {
      throw new IllegalArgumentException("conffiles: unknown (" + unknown + ") but listed");
    }
  }

  /** Nothing to say: the plan installs nothing. */
  public static ConffileOutlook none() {
    return new ConffileOutlook(null, List.of(), List.of(), List.of());
  }

  /** Conffiles herd does not know, and why. */
  public static ConffileOutlook unknown(String why) {
    return new ConffileOutlook(why, List.of(), List.of(), List.of());
  }

  /** Whether some conffile is modified locally and changed by the package: the operator's merge. */
  public boolean hasConflicts() {
    return changes.stream().anyMatch(c -> c.action().isConflict());
  }
}
