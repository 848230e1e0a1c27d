package org.herd.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;
import org.herd.lab.ClusterHealth;
import org.herd.lab.ClusterKind;
import org.herd.lab.ProbeReport;

/**
 * What {@code herd demo} prints at the end: the versions before and after per member, what the
 * client saw (writes attempted and failed, the longest unavailability), the cluster's health by its
 * own tool, how long the upgrade took, and what herd did that {@code clush … dist-upgrade} would
 * not have.
 *
 * @param kind the cluster's service
 * @param nodes the members, as a node set
 * @param pkg the package whose version is shown
 * @param before its version per member before the upgrade
 * @param after its version per member after
 * @param probe what the client saw
 * @param health the cluster's health after the upgrade
 * @param took how long the upgrade command ran
 * @param upgradeExit the upgrade command's exit status
 * @param way who upgraded the cluster
 * @param total the whole demo's duration, lab included
 */
record DemoReport(
    ClusterKind kind,
    String nodes,
    String pkg,
    Map<String, String> before,
    Map<String, String> after,
    ProbeReport probe,
    ClusterHealth health,
    Duration took,
    int upgradeExit,
    DemoWay way,
    Duration total) {

  /** Every member moved to one new version. */
  boolean allUpgraded() {
    return !after.isEmpty()
        && after.values().stream().distinct().count() == 1
        && after.entrySet().stream()
            .allMatch(e -> !e.getValue().isEmpty() && !e.getValue().equals(before.get(e.getKey())));
  }

  /** The upgrade finished, every member is at the new version and the cluster is healthy. */
  boolean succeeded() {
    return upgradeExit == 0 && allUpgraded() && health.healthy();
  }

  void print(PrintWriter out) {
    String how = way.description();
    out.println();
    out.println("herd demo: " + kind.label() + " cluster " + nodes + ", upgraded by " + how);
    out.println();
    out.printf("  %-10s %-34s %s%n", "member", pkg + " before", "after");
    for (var member : before.keySet()) {
      out.printf("  %-10s %-34s %s%n", member, before.get(member), after.getOrDefault(member, ""));
    }
    out.println();
    out.println("  client     " + probe.summary());
    out.println(
        "             acknowledged by "
            + probe.acknowledgedBy().entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(", ")));
    probe
        .longestWindowStart()
        .ifPresent(
            start ->
                out.println(
                    "             longest window from "
                        + java.time.format.DateTimeFormatter.ofPattern("HH:mm:ss.SSS")
                            .withZone(java.time.ZoneOffset.UTC)
                            .format(start)
                        + " UTC"));
    probe.failures().entrySet().stream()
        .limit(3)
        .forEach(e -> out.println("             failed " + e.getValue() + "×: " + e.getKey()));
    out.println(
        "  cluster    "
            + (health.healthy() ? "healthy" : "NOT healthy")
            + ", "
            + (allUpgraded() ? "every member at the new version" : "NOT every member upgraded"));
    health.detail().lines().forEach(line -> out.println("             " + line));
    out.println(
        "  upgrade    "
            + ProbeReport.seconds(took)
            + " ("
            + how
            + ", exit "
            + upgradeExit
            + "); the whole demo "
            + minutes(total));
    out.println();
    out.println(explanation());
    out.flush();
  }

  /** What happened, for a first-time user, in two or three sentences. */
  String explanation() {
    String service = kind == ClusterKind.GALERA ? "MariaDB" : "etcd";
    if (way == DemoWay.OPERATOR) {
      return "This was the careful operator's way: one member at a time, dpkg stopping and"
          + " restarting "
          + service
          + " itself during apt-get dist-upgrade, and the member and the cluster healthy before"
          + " the next member. herd upgrade does the same work with downloads first, the"
          + " packages installed while "
          + service
          + " keeps running, and only the restart inside each member's turn.";
    }
    if (way == DemoWay.CLUSH) {
      return "This was the seed's way: apt-get ran on every member at once, so the packages'"
          + " maintainer scripts stopped and restarted "
          + service
          + " on every member at about the same time"
          + (probe.failed() > 0 ? " (the client's failed writes above)." : ".")
          + " herd upgrade takes one member out at a time and waits for it to be healthy again.";
    }
    return "herd took one member out at a time (budget 1), held back dpkg's own restart of "
        + service
        + " with its guard and restarted it itself, and moved to the next member only after the"
        + " member was healthy again, so "
        + (probe.failed() == 0
            ? "the client never lost its cluster. "
            : "the client lost only the writes above. ")
        + "clush -w "
        + nodes
        + " apt-get dist-upgrade would have stopped "
        + service
        + " on every member at once.";
  }

  static String minutes(Duration d) {
    long s = d.toSeconds();
    return s >= 60 ? (s / 60) + " min " + (s % 60) + " s" : s + " s";
  }
}
