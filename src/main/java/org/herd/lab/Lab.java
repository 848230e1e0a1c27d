package org.herd.lab;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The lab: local fleets of real Debian hosts (systemd-nspawn containers booted with systemd) for
 * herd's tests and for trying herd safely. This is the entry point of the {@code lab} package;
 * docs/lab.md explains the lab to its users.
 *
 * <p>Each lab is named; its state lives in {@code /var/lib/herd/lab/NAME/} and is described by the
 * journal there, so every command (and every process) can find a lab again.
 */
public final class Lab {

  /** The repository server's port on the bridge address. */
  public static final int REPO_PORT = 8213;

  private final LabPaths paths;
  private final ProcessRunner runner;
  private final Clock clock;
  private final Progress progress;
  private final DebianMirror mirror;

  /** A lab keeping its files in {@code paths}, reporting its steps to {@code progress}. */
  public Lab(LabPaths paths, ProcessRunner runner, Clock clock, Progress progress) {
    this(paths, runner, clock, progress, DebianMirror.detect(Path.of("/etc/apt")));
  }

  /** As above, downloading from {@code mirror}. */
  public Lab(
      LabPaths paths, ProcessRunner runner, Clock clock, Progress progress, DebianMirror mirror) {
    this.paths = paths;
    this.runner = runner;
    this.clock = clock;
    this.progress = progress;
    this.mirror = mirror;
  }

  /** The usual lab: standard paths and tools. */
  public static Lab standard(Clock clock, Progress progress) {
    return new Lab(LabPaths.standard(), ProcessRunner.standard(), clock, progress);
  }

  /** Installs what the lab needs and this machine lacks (as root; see {@link MachineSetup}). */
  public MachineSetup machineSetup() {
    return new MachineSetup(runner, progress, MachineCheck::onPath);
  }

  /** The lab's directories. */
  public LabPaths paths() {
    return paths;
  }

  /**
   * Brings up the lab {@code spec}, on {@code subnet} or the first free /24 of 10.213.0.0/16.
   * Cleans up first after a previous {@code lab up} that did not finish; on failure removes what it
   * created.
   */
  public LabState up(LabSpec spec, Optional<Subnet> subnet) {
    machineSetup().ensureLab();
    MachineCheck.require();
    Path labDir = paths.lab(spec.name());
    Optional<LabState> previous = StateJournal.open(labDir).map(StateJournal::state);
    if (previous.isPresent()) {
      if (previous.get().ready() && anyRunning(previous.get())) {
        throw LabException.badInput(
            "lab "
                + spec.name()
                + ": already up; run 'herd lab down --name "
                + spec.name()
                + "' first");
      }
      progress.say("lab " + spec.name() + ": removing what a previous lab up left behind");
      requireClean(new Teardown(spec.name(), labDir, runner, progress).run());
    } else if (Files.exists(labDir)) {
      requireClean(new Teardown(spec.name(), labDir, runner, progress).run());
    }
    StateJournal journal = begin(spec, subnet);
    try {
      return new LabUp(paths, runner, clock, progress, mirror).run(spec, journal);
    } catch (RuntimeException e) {
      progress.say("lab up failed; removing what it created");
      try {
        new Teardown(spec.name(), labDir, runner, progress).run();
      } catch (RuntimeException cleanup) {
        e.addSuppressed(cleanup);
      }
      throw e;
    }
  }

  /** Removes lab {@code name}; returns what could not be removed (empty: nothing is left). */
  public List<String> down(String name) {
    return new Teardown(name, paths.lab(name), runner, progress).run();
  }

  /** The state of lab {@code name}, if it exists. */
  public Optional<LabState> state(String name) {
    return StateJournal.open(paths.lab(name)).map(StateJournal::state);
  }

  /** The names of every lab with a journal on this machine. */
  public List<String> names() {
    if (!Files.isDirectory(paths.state())) {
      return List.of();
    }
    try (Stream<Path> dirs = Files.list(paths.state())) {
      return dirs.filter(d -> Files.isRegularFile(StateJournal.fileIn(d)))
          .map(d -> d.getFileName().toString())
          .sorted()
          .toList();
    } catch (IOException e) {
      return List.of();
    }
  }

  /** The hosts of lab {@code name}. */
  public List<LabHost> hosts(String name) {
    LabState state = require(name);
    List<LabHost> hosts = new ArrayList<>();
    for (int i = 1; i <= state.hosts(); i++) {
      hosts.add(LabHost.of(state.spec(), state.net(), i));
    }
    return hosts;
  }

  /** A shell into the hosts of lab {@code name}. */
  public HostShell shell(String name) {
    return new NsenterShell(containers(require(name)), runner);
  }

  /** What {@code herd lab status} shows for lab {@code name}. */
  public LabStatus status(String name) {
    LabState state = require(name);
    Map<String, Resource.Proc> containers = containers(state);
    List<LabStatus.HostStatus> hosts = new ArrayList<>();
    HostShell shell = new NsenterShell(containers, runner);
    for (LabHost host : hosts(name)) {
      Resource.Proc nspawn = containers.get(host.name());
      if (nspawn == null || Processes.live(nspawn).isEmpty()) {
        hosts.add(new LabStatus.HostStatus(host.name(), host.address(), 0, "stopped", List.of()));
        continue;
      }
      ProcessRunner.Result result =
          shell.run(
              host,
              "systemctl is-system-running; systemctl list-units --failed --plain --no-legend",
              Duration.ofSeconds(20));
      List<String> lines = result.stdout().strip().lines().toList();
      String systemState = lines.isEmpty() ? "unknown" : lines.get(0).strip();
      List<String> failed =
          lines.stream()
              .skip(1)
              .map(l -> l.strip().split("\\s+")[0])
              .filter(s -> !s.isEmpty())
              .toList();
      hosts.add(
          new LabStatus.HostStatus(host.name(), host.address(), nspawn.pid(), systemState, failed));
    }
    boolean serving =
        state.resources().stream()
            .anyMatch(
                r ->
                    r instanceof Resource.Proc p
                        && p.role().equals(RepoService.ROLE)
                        && Processes.live(p).isPresent());
    return new LabStatus(
        name,
        state.release().codename(),
        state.subnet(),
        state.ready(),
        state.suite().label(),
        serving ? "http://" + state.net().bridgeAddress() + ":" + state.repoPort() + "/" : "",
        paths.lab(name).toString(),
        hosts);
  }

  /** Adds {@code debs} to the repository of lab {@code name}; returns the new entries. */
  public List<RepoEntry> publish(String name, List<Path> debs) {
    LabState state = require(name);
    Path labDir = paths.lab(name);
    PackageCatalog published = Published.add(labDir, debs, runner);
    PackageCatalog catalog = labCatalog(labDir);
    List<RepoEntry> kept = new ArrayList<>();
    for (RepoEntry entry : catalog.entries()) {
      if (entry.placement() != Placement.PUBLISHED) {
        kept.add(entry);
      }
    }
    PackageCatalog merged = new PackageCatalog(kept).plus(published);
    merged.write(labDir.resolve("catalog.json"));
    repository(state).write(merged, state.suite(), releaseDate(labDir));
    return published.entries();
  }

  /** Switches what the repository of lab {@code name} shows its hosts. */
  public void suite(String name, Suite suite) {
    LabState state = require(name);
    Path labDir = paths.lab(name);
    repository(state).write(labCatalog(labDir), suite, releaseDate(labDir));
    StateJournal.open(labDir).orElseThrow().update(s -> s.withSuite(suite));
  }

  /** The packages of lab {@code name}'s repository. */
  public PackageCatalog catalog(String name) {
    require(name);
    return labCatalog(paths.lab(name));
  }

  private PackageCatalog labCatalog(Path labDir) {
    return PackageCatalog.read(labDir.resolve("catalog.json"))
        .orElseThrow(() -> LabException.failed(labDir + ": the lab has no package catalog"));
  }

  private AptRepository repository(LabState state) {
    Path labDir = paths.lab(state.name());
    String arch = runner.check(ProcessRunner.cmd("dpkg", "--print-architecture")).stdout().strip();
    return new AptRepository(
        labDir.resolve("repo"),
        state.release(),
        arch,
        new RepoSigner(labDir.resolve("gnupg"), state.name(), runner),
        runner);
  }

  /**
   * The Date of a regenerated Release: now, but always later than the previous one, since apt may
   * refuse a Release file older than the one it has.
   */
  private Instant releaseDate(Path labDir) {
    Instant now = clock.instant();
    try {
      Path release = labDir.resolve("repo/dists");
      try (Stream<Path> files = Files.walk(release, 2)) {
        for (Path file : files.filter(p -> p.getFileName().toString().equals("Release")).toList()) {
          Instant previous = Files.getLastModifiedTime(file).toInstant();
          if (!now.isAfter(previous)) {
            now = previous.plusSeconds(1);
          }
        }
      }
    } catch (IOException e) {
      // No previous repository: now is fine.
    }
    return now;
  }

  /**
   * Resets {@code hostNames} of lab {@code name} to a pristine state: stops each container, forgets
   * everything it changed (its overlay's upper layer) and boots it again.
   */
  public void reset(String name, List<String> hostNames) {
    new LabReset(paths, runner, progress).reset(require(name), hostNames);
  }

  /**
   * Forms a {@code kind} cluster on {@code members} of lab {@code name} (its first three hosts when
   * empty) from the old versions, and checks its health.
   */
  public ClusterReport cluster(String name, ClusterKind kind, List<String> members) {
    LabState state = require(name);
    List<LabHost> chosen = members(name, members);
    HostShell shell = new NsenterShell(containers(state), runner);
    return ClusterFormation.of(kind, shell, name)
        .run(kind, chosen, labCatalog(paths.lab(name)), progress);
  }

  /**
   * A client of the {@code kind} cluster on {@code members} of lab {@code name} (its first three
   * hosts when empty) for a {@link WriteProbe}; for Galera, first makes the probe's database, table
   * and user on the first member (Galera copies them to the others).
   */
  public ProbeTarget probeTarget(String name, ClusterKind kind, List<String> members) {
    LabState state = require(name);
    List<LabHost> chosen = members(name, members);
    return switch (kind) {
      case ETCD -> new EtcdProbeTarget(chosen);
      case GALERA -> {
        new NsenterShell(containers(state), runner)
            .check(
                chosen.get(0),
                "mariadb -e " + org.herd.text.ShellWords.quote(GaleraProbeTarget.SETUP),
                Duration.ofMinutes(1));
        yield new GaleraProbeTarget(chosen);
      }
      default -> throw LabException.badInput("no write probe for " + kind.label() + " clusters");
    };
  }

  /**
   * Whether the {@code kind} cluster on {@code members} of lab {@code name} (its first three hosts
   * when empty) is healthy now, by the service's own account.
   */
  public ClusterHealth clusterHealth(String name, ClusterKind kind, List<String> members) {
    LabState state = require(name);
    return ClusterHealth.check(
        kind, members(name, members), new NsenterShell(containers(state), runner));
  }

  /** The version of {@code pkg} installed on each of {@code hosts}, by host name ("" if none). */
  public Map<String, String> installedVersions(String name, List<String> hosts, String pkg) {
    LabState state = require(name);
    HostShell shell = new NsenterShell(containers(state), runner);
    Map<String, String> versions = new LinkedHashMap<>();
    for (LabHost host : members(name, hosts)) {
      ProcessRunner.Result result =
          shell.run(
              host,
              "dpkg-query -W -f '${Version}' " + org.herd.text.ShellWords.quote(pkg),
              Duration.ofSeconds(30));
      versions.put(host.name(), result.ok() ? result.stdout().strip() : "");
    }
    return versions;
  }

  private List<LabHost> members(String name, List<String> members) {
    List<LabHost> all = hosts(name);
    List<LabHost> chosen = new ArrayList<>();
    if (members.isEmpty()) {
      if (all.size() < 3) {
        throw LabException.badInput(
            "lab " + name + ": a cluster needs 3 hosts, the lab has " + all.size());
      }
      chosen.addAll(all.subList(0, 3));
    } else {
      for (String member : members) {
        chosen.add(
            all.stream()
                .filter(h -> h.name().equals(member))
                .findFirst()
                .orElseThrow(() -> LabException.badInput(member + ": not a host of lab " + name)));
      }
    }
    return chosen;
  }

  LabState require(String name) {
    return state(name)
        .orElseThrow(
            () -> LabException.badInput("lab " + name + ": not up (start it with 'herd lab up')"));
  }

  static Map<String, Resource.Proc> containers(LabState state) {
    Map<String, Resource.Proc> containers = new LinkedHashMap<>();
    for (Resource resource : state.resources()) {
      if (resource instanceof Resource.Proc proc && proc.role().startsWith("container ")) {
        containers.put(proc.role().substring("container ".length()), proc);
      }
    }
    return containers;
  }

  private static boolean anyRunning(LabState state) {
    return containers(state).values().stream().anyMatch(p -> Processes.live(p).isPresent());
  }

  private static void requireClean(List<String> left) {
    if (!left.isEmpty()) {
      throw LabException.failed("lab: cannot remove the previous lab: " + String.join("; ", left));
    }
  }

  /**
   * Starts the journal of a new lab with its subnet. Choosing a free subnet and recording it is
   * done under a machine-wide lock, so that two labs started at once never take the same /24.
   */
  private StateJournal begin(LabSpec spec, Optional<Subnet> subnet) {
    try {
      Files.createDirectories(paths.state());
      try (FileChannel channel =
              FileChannel.open(
                  paths.state().resolve(".subnets.lock"),
                  StandardOpenOption.CREATE,
                  StandardOpenOption.WRITE);
          FileLock lock = channel.lock()) {
        Subnet net = subnet.orElseGet(() -> freeSubnet(spec.name()));
        return StateJournal.create(
            paths.lab(spec.name()),
            new LabState(
                spec.name(),
                spec.hosts(),
                spec.release(),
                net.cidr(),
                REPO_PORT,
                Suite.OLD,
                null,
                false,
                List.of()));
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(paths.state() + ": " + e.getMessage(), e);
    }
  }

  /** The lab's default /24 when free, else the next 10.213.N.0/24 no other lab or link uses. */
  private Subnet freeSubnet(String name) {
    Set<String> used = new HashSet<>();
    for (String other : names()) {
      if (!other.equals(name)) {
        state(other).ifPresent(s -> used.add(s.subnet()));
      }
    }
    String addresses = runner.run(ProcessRunner.cmd("ip", "-4", "-o", "addr", "show")).stdout();
    for (int third = 0; third < 256; third++) {
      Subnet candidate = Subnet.labDefault(third);
      if (!used.contains(candidate.cidr()) && !addresses.contains(" " + candidate.first() + ".")) {
        return candidate;
      }
    }
    throw LabException.failed("lab: no free /24 in 10.213.0.0/16; give one with --subnet");
  }
}
