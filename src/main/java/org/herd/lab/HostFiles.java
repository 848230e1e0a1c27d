package org.herd.lab;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

/**
 * The files that make a fresh overlay root one particular lab host: its name, machine id, host key,
 * the lab's client key for root, the lab hosts in /etc/hosts, and the lab repository as its only
 * apt source, trusted through the lab's key.
 */
final class HostFiles {

  private HostFiles() {}

  static void write(
      HostRoot root,
      LabHost host,
      String etcHosts,
      SshKeys keys,
      String clientKey,
      String repoKey,
      String aptSources) {
    root.write("/etc/hostname", host.name() + "\n", 0644);
    root.write("/etc/hosts", etcHosts, 0644);
    root.write("/etc/machine-id", LabUp.machineId() + "\n", 0444);
    try {
      root.write(
          "/etc/ssh/ssh_host_ed25519_key", Files.readString(keys.hostKey(host.name())), 0600);
      root.write("/etc/ssh/ssh_host_ed25519_key.pub", keys.ensureHostKey(host.name()) + "\n", 0644);
    } catch (IOException e) {
      throw new UncheckedIOException(host.name() + ": host key: " + e.getMessage(), e);
    }
    root.write(
        "/etc/ssh/sshd_config.d/herd-lab.conf",
        "# herd lab: each host has its own ed25519 host key (the base image has none).\n"
            + "HostKey /etc/ssh/ssh_host_ed25519_key\n",
        0644);
    root.directory("/root/.ssh", 0700);
    root.write("/root/.ssh/authorized_keys", clientKey + "\n", 0600);
    root.write("/etc/apt/keyrings/herd-lab.asc", repoKey, 0644);
    root.write("/etc/apt/sources.list.d/herd-lab.sources", aptSources, 0644);
  }
}
