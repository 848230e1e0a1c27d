package org.herd.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.herd.lab.ClusterHealth;
import org.herd.lab.ClusterKind;
import org.herd.lab.Lab;
import org.herd.lab.LabFiles;
import org.herd.lab.LabSpec;
import org.herd.lab.ProbeReport;
import org.herd.lab.Release;
import org.herd.lab.Suite;
import org.herd.lab.WriteProbe;

/**
 * The steps of {@code herd demo}, in order: lab up, cluster formed on the old version, inventory
 * with the cluster (its recipe, budget 1), write probe started, lab switched to the new versions,
 * the upgrade ({@code herd upgrade} in-process, or the seed's {@code clush} way), probe stopped,
 * versions and cluster health read again, and the {@link DemoReport} printed.
 */
final class DemoScenario {

  /** The seed's command, as the BoF notes give it. */
  static final String SEED_UPGRADE =
      "env DEBIAN_FRONTEND=noninteractive apt-get -o Dpkg::Options::=--force-confdef"
          + " -o Dpkg::Options::=--force-confold -y dist-upgrade";

  /** How long the client writes before and after the upgrade, so that both ends are seen. */
  private static final Duration MARGIN = Duration.ofSeconds(3);

  /**
   * How long the seed's or the operator's way may take before it is stopped (a member may hang).
   */
  private static final Duration EXTERNAL_LIMIT = Duration.ofMinutes(10);

  private final CliContext context;
  private final Lab lab;
  private final String name;
  private final ClusterKind kind;
  private final int hosts;
  private final Release release;
  private final DemoWay way;
  private final Map<String, String> clusterVars;

  DemoScenario(CliContext context, Lab lab, DemoSpec spec) {
    this.context = context;
    this.lab = lab;
    this.name = spec.name();
    this.kind = spec.kind();
    this.hosts = spec.hosts();
    this.release = spec.release();
    this.way = spec.way();
    this.clusterVars = spec.clusterVars();
  }

  /** Runs the demo; OK when the cluster ends healthy with every member at a new version. */
  ExitCode run() throws IOException, InterruptedException {
    Instant start = context.clock().instant();
    step("bringing up a lab of " + hosts + " Debian hosts (" + name + ")");
    lab.up(new LabSpec(name, hosts, release), Optional.empty());
    List<String> members = new ArrayList<>();
    for (int i = 1; i <= hosts; i++) {
      members.add(name + "-" + i);
    }
    String nodes = LabFiles.nodeSet(name, hosts);
    step("forming a " + kind.label() + " cluster on " + nodes + " from the old packages");
    lab.cluster(name, kind, members);
    String pkg = servicePackage(kind);
    Map<String, String> before = lab.installedVersions(name, members, pkg);
    Path inventory = writeInventory(nodes);
    WriteProbe probe = new WriteProbe(lab.probeTarget(name, kind, members), context.clock());
    step("client writing every 100 ms to " + probe.describe());
    probe.start();
    ProbeReport report;
    int upgrade;
    Duration took;
    try {
      Thread.sleep(MARGIN.toMillis());
      step("lab repository switched to the new versions (herd lab suite new)");
      lab.suite(name, Suite.NEW);
      Instant upgradeStart = context.clock().instant();
      Path sshConfig = inventory.resolveSibling("ssh_config");
      upgrade =
          switch (way) {
            case HERD -> herdUpgrade(inventory, nodes);
            case OPERATOR -> operatorUpgrade(members, sshConfig);
            case CLUSH -> clushUpgrade(members, sshConfig);
          };
      took = Duration.between(upgradeStart, context.clock().instant());
      Thread.sleep(MARGIN.toMillis());
    } finally {
      report = probe.stop();
    }
    Map<String, String> after = lab.installedVersions(name, members, pkg);
    ClusterHealth health = lab.clusterHealth(name, kind, members);
    DemoReport result =
        new DemoReport(
            kind,
            nodes,
            pkg,
            before,
            after,
            report,
            health,
            took,
            upgrade,
            way,
            Duration.between(start, context.clock().instant()));
    result.print(context.out());
    return result.succeeded() ? ExitCode.OK : ExitCode.FAILURE;
  }

  /** The package whose version tells which version of the service a member runs. */
  static String servicePackage(ClusterKind kind) {
    return kind == ClusterKind.GALERA ? "mariadb-server" : "etcd-server";
  }

  private void step(String what) {
    context.out().println("demo: " + what);
    context.out().flush();
  }

  /**
   * The lab's inventory plus the cluster: its recipe, budget 1 (one member out at a time) and the
   * variables asked for.
   */
  private Path writeInventory(String nodes) throws IOException {
    Path labDir = lab.paths().lab(name);
    String inventory =
        Files.readString(labDir.resolve("herd.yaml"))
            + "clusters:\n"
            + "  "
            + kind.label()
            + ":\n"
            + "    members: \""
            + nodes
            + "\"\n"
            + "    recipe: "
            + kind.label()
            + "\n"
            + "    budget: 1\n"
            + clusterVarsYaml();
    Path file = labDir.resolve("demo.yaml");
    Files.writeString(file, inventory);
    return file;
  }

  private String clusterVarsYaml() {
    if (clusterVars.isEmpty()) {
      return "";
    }
    StringBuilder yaml = new StringBuilder("    vars:\n");
    new java.util.TreeMap<>(clusterVars)
        .forEach(
            (key, value) ->
                yaml.append("      ")
                    .append(key)
                    .append(": \"")
                    .append(value.replace("\\", "\\\\").replace("\"", "\\\""))
                    .append("\"\n"));
    return yaml.toString();
  }

  private int herdUpgrade(Path inventory, String nodes) {
    String journal = inventory.resolveSibling("demo-journal.db").toString();
    step("herd upgrade --yes " + nodes + " (inventory " + inventory + ")");
    return new Main(context)
        .run(
            "--inventory",
            inventory.toString(),
            "upgrade",
            "--journal",
            journal,
            "--refresh",
            "--yes",
            nodes);
  }

  private int clushUpgrade(List<String> members, Path sshConfig)
      throws IOException, InterruptedException {
    String nodes = String.join(",", members);
    List<String> clush = List.of("clush", "-w", nodes, "-o", "-F " + sshConfig);
    step("clush -w " + nodes + " apt-get -q update");
    external(concat(clush, "apt-get -q update"));
    step("clush -w " + nodes + " '" + SEED_UPGRADE + "'  (every member at once)");
    return external(concat(clush, SEED_UPGRADE));
  }

  /**
   * The careful operator's way, scripted ({@code careful-operator.sh}): one member at a time,
   * {@code apt-get dist-upgrade}, then the member and the whole cluster healthy before the next.
   */
  private int operatorUpgrade(List<String> members, Path sshConfig)
      throws IOException, InterruptedException {
    Path script = lab.paths().lab(name).resolve("careful-operator.sh");
    try (var in = DemoScenario.class.getResourceAsStream("careful-operator.sh")) {
      Files.write(script, in.readAllBytes());
    }
    step(
        "the careful operator: one member at a time, apt-get dist-upgrade, member then cluster"
            + " healthy before the next ("
            + script
            + ")");
    List<String> argv =
        new ArrayList<>(List.of("bash", script.toString(), kind.label(), sshConfig.toString()));
    argv.addAll(members);
    return external(argv);
  }

  private static List<String> concat(List<String> argv, String last) {
    List<String> all = new ArrayList<>(argv);
    all.add(last);
    return all;
  }

  /** Runs a command of the machine's, its output indented into the demo's. */
  private int external(List<String> argv) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(argv).redirectErrorStream(true).start();
    Thread copier =
        new Thread(
            () -> {
              try (var lines = process.inputReader().lines()) {
                lines.forEach(
                    line -> {
                      synchronized (context.out()) {
                        context.out().println("  " + line);
                      }
                    });
              }
            });
    copier.start();
    if (!process.waitFor(EXTERNAL_LIMIT.toMinutes(), TimeUnit.MINUTES)) {
      process.destroyForcibly();
      step("stopped " + argv.get(0) + " after " + EXTERNAL_LIMIT.toMinutes() + " min");
    }
    copier.join();
    context.out().flush();
    return process.waitFor();
  }
}
