package org.herd.facts;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.herd.debian.ConffileHashes;
import org.herd.debian.PackageName;

/**
 * What the selection probe read of a host's conffiles: the three sums of each conffile of the
 * packages to upgrade (see {@link ConffileHashes}), the packages whose candidate .deb could not be
 * read, and the {@code --force-conf*} options of the host's own dpkg and apt configuration.
 *
 * @param files every conffile of the examined packages
 * @param unexamined packages whose candidate could not be read, with the host's reason
 * @param hostOptions the host's own conffile options ({@code force-confold}, {@code
 *     --force-confnew}), as written in its configuration
 * @param problem why the host's answer has no conffiles at all (a probe cut short), or null
 */
public record ConffileFacts(
    List<ConffileHashes> files,
    Map<PackageName, String> unexamined,
    List<String> hostOptions,
    String problem) {

  /** Copies the collections. */
  public ConffileFacts {
    files = List.copyOf(files);
    unexamined = Map.copyOf(new HashMap<>(unexamined));
    hostOptions = List.copyOf(hostOptions);
  }

  /** No conffiles read, and why. */
  public static ConffileFacts failed(String problem) {
    return new ConffileFacts(List.of(), Map.of(), List.of(), problem);
  }
}
