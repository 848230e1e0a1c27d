package org.herd.lab;

import static org.herd.lab.ProcessRunner.cmd;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The lab's SSH keys, made with {@code ssh-keygen}: one client key pair that every host accepts for
 * root, and one host key per host, so that the lab's known_hosts is strict and each host is
 * distinguishable (a base image shared by every host must not carry host keys).
 */
public final class SshKeys {

  private final Path labDir;
  private final ProcessRunner runner;

  /** Keys kept in {@code labDir}. */
  public SshKeys(Path labDir, ProcessRunner runner) {
    this.labDir = labDir;
    this.runner = runner;
  }

  /** The client's private key. */
  public Path clientKey() {
    return labDir.resolve("id_ed25519");
  }

  /** The host key of {@code host}. */
  public Path hostKey(String host) {
    return labDir.resolve("hosts").resolve(host).resolve("ssh_host_ed25519_key");
  }

  /** Creates the client key unless it exists; returns its public half (one line). */
  public String ensureClientKey(String lab) {
    return ensure(clientKey(), "herd-lab-" + lab);
  }

  /** Creates {@code host}'s host key unless it exists; returns its public half (one line). */
  public String ensureHostKey(String host) {
    return ensure(hostKey(host), "root@" + host);
  }

  private String ensure(Path key, String comment) {
    try {
      Path pub = key.resolveSibling(key.getFileName() + ".pub");
      if (!Files.isRegularFile(key) || !Files.isRegularFile(pub)) {
        Files.createDirectories(key.getParent());
        Files.deleteIfExists(key);
        Files.deleteIfExists(pub);
        runner.check(
            cmd(
                "ssh-keygen",
                "-q",
                "-t",
                "ed25519",
                "-N",
                "",
                "-C",
                comment,
                "-f",
                key.toString()));
      }
      return Files.readString(pub).strip();
    } catch (IOException e) {
      throw new UncheckedIOException(key + ": " + e.getMessage(), e);
    }
  }

  /** The known_hosts text: each host's key under its name and address. */
  public static String knownHosts(List<LabHost> hosts, List<String> hostKeys) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < hosts.size(); i++) {
      String[] words = hostKeys.get(i).split("\\s+");
      out.append(hosts.get(i).name())
          .append(',')
          .append(hosts.get(i).address())
          .append(' ')
          .append(words[0])
          .append(' ')
          .append(words[1])
          .append('\n');
    }
    return out.toString();
  }
}
