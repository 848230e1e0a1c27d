package org.herd.facts;

import java.util.List;
import java.util.Objects;
import org.herd.debian.PackageName;
import org.herd.nodeset.NodeSet;

/**
 * A cluster as the status summary needs it: its members and the packages whose versions must agree
 * across them (the packages its recipe owns).
 *
 * @param name the cluster's name
 * @param members its hosts
 * @param packages the packages to compare across members; empty when nothing names them
 */
public record ClusterPackages(String name, NodeSet members, List<PackageName> packages) {

  /** Copies the list. */
  public ClusterPackages {
    Objects.requireNonNull(name);
    Objects.requireNonNull(members);
    packages = List.copyOf(packages);
  }
}
