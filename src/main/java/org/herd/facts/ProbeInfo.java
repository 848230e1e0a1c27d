package org.herd.facts;

import java.util.List;

/**
 * How the probe ran.
 *
 * @param protocol the probe protocol version
 * @param uid the user id it ran as (0 = root, with every fact; otherwise see limitations)
 * @param user the user name
 * @param hostname the kernel's host name ({@code /proc/sys/kernel/hostname})
 * @param hostTime the host's clock (UTC, ISO-8601) when the probe started, as the host believes
 * @param tools the tools the probe found on the host's PATH
 * @param complete whether every section was printed (the output was not cut)
 */
public record ProbeInfo(
    int protocol,
    int uid,
    String user,
    String hostname,
    String hostTime,
    List<String> tools,
    boolean complete) {

  /** Copies the list. */
  public ProbeInfo {
    tools = List.copyOf(tools);
  }
}
