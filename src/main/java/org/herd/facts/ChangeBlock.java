package org.herd.facts;

import java.util.List;
import org.herd.debian.ChangelogEntry;
import org.herd.debian.DebianVersion;
import org.herd.debian.PackageName;
import org.herd.debian.Urgency;
import org.herd.nodeset.NodeSet;

/**
 * One pending upgrade, {@code pkg installed -> candidate}, shared by a set of hosts, with the
 * changelog entries it brings. Hosts with the same package and the same two versions share one
 * block, however many they are.
 *
 * @param pkg the package
 * @param installed the installed version on these hosts
 * @param candidate the version the upgrade installs
 * @param security the candidate comes from a security archive (as {@code herd status} says)
 * @param hosts the hosts with exactly this pending upgrade
 * @param source where the changelog came from ({@link ChangelogSource#NONE}: not found)
 * @param fetchedOn the host that fetched it (one host per package and candidate), or null
 * @param entries the entries newer than {@code installed} up to {@code candidate}, newest first
 * @param complete the changelog reaches back to {@code installed}, so no entry is missing
 * @param urgency the highest urgency of the entries ({@link Urgency#UNKNOWN} without entries)
 * @param cves every CVE identifier of the entries, each once, in changelog order
 * @param problem why there is no changelog (apt's error lines), or null
 */
public record ChangeBlock(
    PackageName pkg,
    DebianVersion installed,
    DebianVersion candidate,
    boolean security,
    NodeSet hosts,
    ChangelogSource source,
    String fetchedOn,
    List<ChangelogEntry> entries,
    boolean complete,
    Urgency urgency,
    List<String> cves,
    String problem) {

  /** Copies the lists. */
  public ChangeBlock {
    entries = List.copyOf(entries);
    cves = List.copyOf(cves);
  }
}
