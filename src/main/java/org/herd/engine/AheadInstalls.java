package org.herd.engine;

import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.herd.debian.PackageName;

/**
 * Which hosts of a run install ahead of their turn, and which of their packages still wait for it:
 * their guard holds their services (denies dpkg's stops too) until their turn's install, and their
 * preinstall leaves out the packages their recipes install in turn.
 *
 * @param hosts the hosts installing ahead
 * @param inTurn for each of them, whether a package installs in the member's turn (its recipes'
 *     {@code in-turn:}); a host absent from the map has none
 */
public record AheadInstalls(Set<String> hosts, Map<String, Predicate<PackageName>> inTurn) {

  /** Nothing installs ahead. */
  public static final AheadInstalls NONE = new AheadInstalls(Set.of(), Map.of());

  /** Freezes the collections. */
  public AheadInstalls {
    hosts = Set.copyOf(hosts);
    inTurn = Map.copyOf(inTurn);
  }

  /** Whether {@code host} installs ahead of its turn. */
  public boolean installsAhead(String host) {
    return hosts.contains(host);
  }

  /** Whether {@code pkg} waits for {@code host}'s turn. */
  public boolean waitsForTurn(String host, PackageName pkg) {
    return inTurn.getOrDefault(host, p -> false).test(pkg);
  }
}
