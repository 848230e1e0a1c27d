package org.herd.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One ClusterShell groups file, read the same by ClusterShell and by herd in the tests that compare
 * them: by {@code clush} and {@code nodeset} through a {@code groups.conf} whose {@code autodir}
 * holds it ({@link #groupsConfOption()}), by herd as {@code --inventory clush:site.yaml} ({@link
 * #INVENTORY}, relative to the directory it is written in). {@code roles} is the default source.
 *
 * @param groupsConf the {@code groups.conf} that ClusterShell is given
 */
record ClushGroups(Path groupsConf) {

  /** The {@code --inventory} value under which herd reads the same groups. */
  static final String INVENTORY = "clush:site.yaml";

  /** Writes {@code groups} (ClusterShell's YAML groups) for both tools into {@code dir}. */
  static ClushGroups write(Path dir, String groups) throws IOException {
    Files.createDirectories(dir.resolve("groups.d"));
    Files.writeString(dir.resolve("groups.d/site.yaml"), groups);
    Files.writeString(dir.resolve("site.yaml"), groups);
    Path conf = dir.resolve("groups.conf");
    Files.writeString(conf, "[Main]\ndefault: roles\nautodir: " + dir.resolve("groups.d") + "\n");
    return new ClushGroups(conf);
  }

  /** {@code --groupsconf=FILE}, as {@code clush} and {@code nodeset} take it. */
  String groupsConfOption() {
    return "--groupsconf=" + groupsConf;
  }
}
