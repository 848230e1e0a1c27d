package org.herd.lab;

import java.nio.file.Path;
import java.util.List;

/**
 * The files a lab writes for its users: an ssh_config, a known_hosts and a herd inventory, all in
 * the lab directory. Pure text builders, so that their format is pinned by unit tests.
 */
public final class LabFiles {

  private LabFiles() {}

  /** The ssh_config: every host by name, root with the lab key, strict host key checking. */
  public static String sshConfig(String lab, List<LabHost> hosts, Path labDir) {
    StringBuilder out = new StringBuilder();
    out.append("# herd lab \"").append(lab).append("\", written by herd lab up.\n");
    out.append("# Use: ssh -F ").append(labDir.resolve("ssh_config")).append(' ');
    out.append(hosts.isEmpty() ? lab + "-1" : hosts.get(0).name()).append('\n');
    for (LabHost host : hosts) {
      out.append("\nHost ").append(host.name()).append('\n');
      out.append("  HostName ").append(host.address()).append('\n');
    }
    out.append("\nHost ").append(lab).append("-*");
    if (!hosts.isEmpty()) {
      String address = hosts.get(0).address();
      out.append(' ').append(address, 0, address.lastIndexOf('.') + 1).append('*');
    }
    out.append('\n');
    out.append("  User root\n");
    out.append("  IdentityFile ").append(labDir.resolve("id_ed25519")).append('\n');
    out.append("  IdentitiesOnly yes\n");
    out.append("  UserKnownHostsFile ").append(labDir.resolve("known_hosts")).append('\n');
    out.append("  GlobalKnownHostsFile /dev/null\n");
    out.append("  StrictHostKeyChecking yes\n");
    out.append("  ConnectTimeout 10\n");
    out.append("  LogLevel ERROR\n");
    return out.toString();
  }

  /** The herd inventory: every host with its address, the group {@code lab}, lab connections. */
  public static String inventory(String lab, List<LabHost> hosts, Path labDir) {
    StringBuilder out = new StringBuilder();
    out.append("# herd lab \"").append(lab).append("\", written by herd lab up.\n");
    out.append("# Use: herd --inventory ")
        .append(labDir.resolve("herd.yaml"))
        .append(" run -w @lab hostname\n");
    out.append("defaults:\n");
    out.append("  user: root\n");
    // The ssh_config names the key and the known hosts; herd's inventory has no keys for them.
    out.append("  ssh_config: ").append(labDir.resolve("ssh_config")).append('\n');
    out.append("hosts:\n");
    for (LabHost host : hosts) {
      out.append("  ").append(host.name()).append(":\n");
      out.append("    address: ").append(host.address()).append('\n');
    }
    out.append("groups:\n");
    out.append("  lab:\n");
    out.append("    - ").append(nodeSet(lab, hosts.size())).append('\n');
    return out.toString();
  }

  /** The node set of a lab's hosts, as in {@code lab-[1-5]} (or {@code lab-1} alone). */
  public static String nodeSet(String lab, int count) {
    return count == 1 ? lab + "-1" : lab + "-[1-" + count + "]";
  }

  /** The apt source the hosts use: the lab repository, trusted through the lab key only. */
  public static String aptSources(Release release, String bridgeAddress, int port) {
    return "# herd lab repository: the only package source of this lab host.\n"
        + "Types: deb\n"
        + "URIs: http://"
        + bridgeAddress
        + ":"
        + port
        + "/\n"
        + "Suites: "
        + release.codename()
        + " "
        + release.securityCodename()
        + "\n"
        + "Components: main\n"
        + "Signed-By: /etc/apt/keyrings/herd-lab.asc\n";
  }

  /** The /etc/hosts of every lab host. */
  public static String etcHosts(List<LabHost> hosts) {
    StringBuilder out = new StringBuilder();
    out.append("127.0.0.1\tlocalhost\n");
    out.append("::1\t\tlocalhost ip6-localhost ip6-loopback\n");
    out.append("ff02::1\t\tip6-allnodes\n");
    out.append("ff02::2\t\tip6-allrouters\n");
    out.append("\n# herd lab hosts\n");
    for (LabHost host : hosts) {
      out.append(host.address()).append('\t').append(host.name()).append('\n');
    }
    return out.toString();
  }
}
