package org.herd.lab;

import static org.herd.lab.ProcessRunner.cmd;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The lab's network: a Linux bridge carrying the lab's /24, and for each host a network namespace
 * joined to the bridge by a veth pair. Hosts reach each other and the bridge address (where the
 * repository is served) and nothing else: there is no route out of the lab.
 *
 * <p>Names follow one scheme so that {@code lab down} can find leftovers by name alone: the bridge
 * is {@code herd-NAME}, host {@code i}'s namespace {@code herd-NAME-i}, and the machine's end of
 * its veth {@code hv-NAME-i} (Linux allows 15 characters, hence the 8-character lab names).
 */
public final class LabNetwork {

  /** The name the host's end of its veth pair has inside its namespace. */
  static final String HOST_IFACE = "host0";

  private final String lab;
  private final Subnet subnet;
  private final ProcessRunner runner;

  /** The network of lab {@code lab} on {@code subnet}. */
  public LabNetwork(String lab, Subnet subnet, ProcessRunner runner) {
    this.lab = lab;
    this.subnet = subnet;
    this.runner = runner;
  }

  /** The bridge's interface name. */
  public static String bridgeName(String lab) {
    return "herd-" + lab;
  }

  /** Host {@code index}'s network namespace. */
  public static String netnsName(String lab, int index) {
    return "herd-" + lab + "-" + index;
  }

  /** The machine's end of host {@code index}'s veth pair. */
  public static String vethName(String lab, int index) {
    return "hv-" + lab + "-" + index;
  }

  /** The path nspawn joins for host {@code index}. */
  public static Path netnsPath(String lab, int index) {
    return Path.of("/run/netns", netnsName(lab, index));
  }

  /** Creates the bridge with the lab's address on it. */
  public void createBridge(StateJournal journal) {
    String bridge = bridgeName(lab);
    journal.record(new Resource.Bridge(bridge));
    if (!linkExists(bridge)) {
      runner.check(cmd("ip", "link", "add", bridge, "type", "bridge"));
    }
    runner.check(cmd("ip", "addr", "replace", subnet.bridgeAddress() + "/24", "dev", bridge));
    runner.check(cmd("ip", "link", "set", bridge, "up"));
  }

  /** Creates host {@code index}'s namespace, its veth pair and its address. */
  public void createHost(StateJournal journal, int index) {
    String ns = netnsName(lab, index);
    String veth = vethName(lab, index);
    journal.record(new Resource.Netns(ns));
    if (!Files.exists(netnsPath(lab, index))) {
      runner.check(cmd("ip", "netns", "add", ns));
    }
    journal.record(new Resource.Link(veth));
    if (!linkExists(veth)) {
      runner.check(
          cmd("ip", "link", "add", veth, "type", "veth", "peer", "name", HOST_IFACE, "netns", ns));
    }
    runner.check(cmd("ip", "link", "set", veth, "master", bridgeName(lab), "up"));
    runner.check(
        cmd(
            "ip",
            "-n",
            ns,
            "addr",
            "replace",
            subnet.hostAddress(index) + "/24",
            "dev",
            HOST_IFACE));
    runner.check(cmd("ip", "-n", ns, "link", "set", HOST_IFACE, "up"));
    runner.check(cmd("ip", "-n", ns, "link", "set", "lo", "up"));
  }

  /** Whether a network interface called {@code name} exists on the machine. */
  public boolean linkExists(String name) {
    return Files.exists(Path.of("/sys/class/net", name));
  }

  /** Removes an interface if it exists (its veth peer goes with it). */
  public void deleteLink(String name) {
    if (linkExists(name)) {
      runner.run(cmd("ip", "link", "del", name));
    }
  }

  /** Removes a namespace if it exists. */
  public void deleteNetns(String name) {
    if (Files.exists(Path.of("/run/netns", name))) {
      runner.run(cmd("ip", "netns", "del", name));
    }
  }

  /** The lab's namespaces that exist on the machine, found by name. */
  public List<String> leftoverNamespaces() {
    List<String> found = new ArrayList<>();
    String prefix = "herd-" + lab + "-";
    for (String name : list(Path.of("/run/netns"))) {
      if (name.startsWith(prefix) && name.substring(prefix.length()).matches("\\d+")) {
        found.add(name);
      }
    }
    return found;
  }

  /** The lab's interfaces (bridge and veth ends) that exist on the machine, found by name. */
  public List<String> leftoverLinks() {
    List<String> found = new ArrayList<>();
    String prefix = "hv-" + lab + "-";
    for (String name : list(Path.of("/sys/class/net"))) {
      boolean veth = name.startsWith(prefix) && name.substring(prefix.length()).matches("\\d+");
      if (veth || name.equals(bridgeName(lab))) {
        found.add(name);
      }
    }
    return found;
  }

  private static List<String> list(Path dir) {
    try (var entries = Files.list(dir)) {
      return entries.map(p -> p.getFileName().toString()).sorted().toList();
    } catch (java.io.IOException e) {
      return List.of();
    }
  }
}
