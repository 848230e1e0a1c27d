package org.herd.lab;

import java.util.ArrayList;
import java.util.List;

/**
 * The journal of one lab, as kept in {@code state.json} in its directory: what was asked and every
 * resource created for it, in creation order.
 *
 * @param name the lab name
 * @param hosts how many hosts
 * @param release the Debian release of the hosts
 * @param subnet the lab's /24
 * @param repoPort the TCP port of the repository server on the bridge address
 * @param suite what the repository shows
 * @param image the hash of the base image the hosts run
 * @param ready whether {@code lab up} finished
 * @param resources what was created, oldest first
 */
public record LabState(
    String name,
    int hosts,
    Release release,
    String subnet,
    int repoPort,
    Suite suite,
    String image,
    boolean ready,
    List<Resource> resources) {

  /** Copies the resource list so that a state is a value. */
  public LabState {
    resources = List.copyOf(resources);
  }

  /** The lab's subnet. */
  public Subnet net() {
    return Subnet.parse(subnet);
  }

  /** The spec this lab was started with. */
  public LabSpec spec() {
    return new LabSpec(name, hosts, release);
  }

  /** This state with {@code resource} appended (unless it is already listed). */
  public LabState with(Resource resource) {
    if (resources.contains(resource)) {
      return this;
    }
    List<Resource> more = new ArrayList<>(resources);
    more.add(resource);
    return new LabState(name, hosts, release, subnet, repoPort, suite, image, ready, more);
  }

  /** This state with {@code old} replaced by {@code updated} (a process whose pid became known). */
  public LabState replace(Resource old, Resource updated) {
    List<Resource> changed = new ArrayList<>(resources);
    int at = changed.indexOf(old);
    if (at < 0) {
      changed.add(updated);
    } else {
      changed.set(at, updated);
    }
    return new LabState(name, hosts, release, subnet, repoPort, suite, image, ready, changed);
  }

  /** This state without {@code resource}. */
  public LabState without(Resource resource) {
    List<Resource> fewer = new ArrayList<>(resources);
    fewer.remove(resource);
    return new LabState(name, hosts, release, subnet, repoPort, suite, image, ready, fewer);
  }

  /** This state with the given suite. */
  public LabState withSuite(Suite newSuite) {
    return new LabState(name, hosts, release, subnet, repoPort, newSuite, image, ready, resources);
  }

  /** This state with the given image hash. */
  public LabState withImage(String hash) {
    return new LabState(name, hosts, release, subnet, repoPort, suite, hash, ready, resources);
  }

  /** This state marked as fully up, or not. */
  public LabState withReady(boolean isReady) {
    return new LabState(name, hosts, release, subnet, repoPort, suite, image, isReady, resources);
  }
}
