package org.herd.lab;

import static org.herd.lab.ProcessRunner.cmd;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * {@code herd lab up}, step by step:
 *
 * <ol>
 *   <li>the base image (built once per recipe, cached);
 *   <li>in the background, the repository's packages (downloaded and re-versioned once, cached) and
 *       the lab's fixtures;
 *   <li>keys: the lab's SSH client key, one host key per host, the repository signing key;
 *   <li>the bridge, then per host its namespace, veth pair, overlay root and own files;
 *   <li>the containers, booted in parallel, until systemd reports the boot finished;
 *   <li>the repository (indices signed) and its server on the bridge address;
 *   <li>{@code apt-get update} on every host, then the ssh_config, known_hosts and inventory.
 * </ol>
 *
 * <p>Every resource is recorded in the journal before it is created; a failure tears down what was
 * created, and a crash leaves a journal that {@code herd lab down} follows.
 */
final class LabUp {

  /** The journal role of a base image build, stopped (with its children) by lab down. */
  static final String DEBOOTSTRAP = "debootstrap";

  /** How long a host may take to boot. */
  static final Duration BOOT_TIMEOUT = Duration.ofMinutes(3);

  private final LabPaths paths;
  private final ProcessRunner runner;
  private final Clock clock;
  private final Progress progress;
  private final DebianMirror mirror;

  LabUp(LabPaths paths, ProcessRunner runner, Clock clock, Progress progress, DebianMirror mirror) {
    this.paths = paths;
    this.runner = runner;
    this.clock = clock;
    this.progress = progress;
    this.mirror = mirror;
  }

  LabState run(LabSpec spec, StateJournal journal) {
    Path labDir = paths.lab(spec.name());
    Subnet subnet = journal.state().net();
    int port = journal.state().repoPort();
    ExecutorService pool = Executors.newFixedThreadPool(spec.hosts() + 4);
    try {
      ImageRecipe recipe = ImageRecipe.standard(spec.release());
      // The downloads and the keys need no base image: they go on while it is built.
      CompletableFuture<PackageCatalog> debian =
          CompletableFuture.supplyAsync(
              () ->
                  new DebianDownloads(paths, mirror, runner)
                      .ensure(spec.release(), recipe.hash(), progress),
              pool);
      List<LabHost> hosts = new ArrayList<>();
      for (int i = 1; i <= spec.hosts(); i++) {
        hosts.add(LabHost.of(spec, subnet, i));
      }
      SshKeys keys = new SshKeys(labDir, runner);
      RepoSigner signer = new RepoSigner(labDir.resolve("gnupg"), spec.name(), runner);
      CompletableFuture<String> clientKey =
          CompletableFuture.supplyAsync(() -> keys.ensureClientKey(spec.name()), pool);
      CompletableFuture<String> repoKey = CompletableFuture.supplyAsync(signer::ensureKey, pool);
      List<CompletableFuture<String>> hostKeys = new ArrayList<>();
      for (LabHost host : hosts) {
        hostKeys.add(CompletableFuture.supplyAsync(() -> keys.ensureHostKey(host.name()), pool));
      }

      BaseImage image = new BaseImage(paths, mirror, runner);
      Path base =
          image.ensure(
              recipe,
              progress,
              debootstrap ->
                  journal.record(
                      Processes.describe(
                          DEBOOTSTRAP, debootstrap, image.buildDir(recipe).toString())));
      journal.update(s -> s.withImage(recipe.hash()));
      String arch = runner.check(cmd("dpkg", "--print-architecture")).stdout().strip();
      PackageCatalog fixtures = fixtures(spec.release(), recipe.hash(), base, arch);
      CompletableFuture<PackageCatalog> packages = debian.thenApply(d -> d.plus(fixtures));

      progress.say("network: bridge " + LabNetwork.bridgeName(spec.name()) + " on " + subnet);
      LabNetwork network = new LabNetwork(spec.name(), subnet, runner);
      network.createBridge(journal);
      String sources = LabFiles.aptSources(spec.release(), subnet.bridgeAddress(), port);
      String etcHosts = LabFiles.etcHosts(hosts);
      for (LabHost host : hosts) {
        network.createHost(journal, host.index());
        hostRoot(labDir, host, base).mount(journal);
      }
      Files.writeString(
          labDir.resolve("known_hosts"),
          SshKeys.knownHosts(hosts, hostKeys.stream().map(LabUp::join).toList()));
      for (LabHost host : hosts) {
        HostFiles.write(
            hostRoot(labDir, host, base),
            host,
            etcHosts,
            keys,
            join(clientKey),
            join(repoKey),
            sources);
      }

      progress.say(
          "booting " + LabFiles.nodeSet(spec.name(), spec.hosts()) + " with systemd-nspawn");
      Map<String, Resource.Proc> containers = new HashMap<>();
      for (LabHost host : hosts) {
        Container container =
            new Container(
                host,
                hostRoot(labDir, host, base).root(),
                LabNetwork.netnsPath(spec.name(), host.index()),
                runner);
        containers.put(
            host.name(),
            container.start(
                journal, labDir.resolve("hosts").resolve(host.name()).resolve("console.log")));
      }
      // While the hosts boot: the repository, then each host updates as soon as it is up.
      CompletableFuture<Void> served =
          packages.thenAcceptAsync(
              all -> {
                PackageCatalog catalog = all.plus(Published.catalog(labDir));
                catalog.write(labDir.resolve("catalog.json"));
                AptRepository repo =
                    new AptRepository(labDir.resolve("repo"), spec.release(), arch, signer, runner);
                repo.write(catalog, Suite.OLD, clock.instant());
                RepoService.start(journal, labDir, subnet.bridgeAddress(), port, runner);
                progress.say(
                    "repository: http://" + subnet.bridgeAddress() + ":" + port + "/ (suite old)");
              },
              pool);
      List<CompletableFuture<Void>> ready = new ArrayList<>();
      for (LabHost host : hosts) {
        Resource.Proc nspawn = containers.get(host.name());
        ready.add(
            CompletableFuture.runAsync(
                () -> {
                  ProcessHandle leader = Container.awaitLeader(nspawn, Duration.ofSeconds(30));
                  String state =
                      Container.awaitBoot(leader.pid(), runner, BOOT_TIMEOUT, host.name());
                  progress.say(host.name() + " " + host.address() + ": " + state);
                  join(served);
                  runner
                      .run(
                          Container.execCommand(leader.pid(), "apt-get -q update"),
                          null,
                          null,
                          Duration.ofMinutes(2))
                      .orThrow();
                },
                pool));
      }
      ready.forEach(LabUp::join);
      Files.writeString(labDir.resolve("repo/herd-lab.asc"), join(repoKey));

      Files.writeString(
          labDir.resolve("ssh_config"), LabFiles.sshConfig(spec.name(), hosts, labDir));
      Files.writeString(
          labDir.resolve("herd.yaml"), LabFiles.inventory(spec.name(), hosts, labDir));
      journal.update(s -> s.withReady(true));
      return journal.state();
    } catch (IOException e) {
      throw new UncheckedIOException(labDir + ": " + e.getMessage(), e);
    } finally {
      pool.shutdownNow();
    }
  }

  private PackageCatalog fixtures(Release release, String imageHash, Path base, String arch) {
    Path fixtures =
        paths
            .packages()
            .resolve(release.codename())
            .resolve("fixtures-" + imageHash + "-" + Fixtures.recipeHash(release, arch));
    return Fixtures.ensure(fixtures, release, base, arch, new DebBuilder(runner));
  }

  private HostRoot hostRoot(Path labDir, LabHost host, Path base) {
    return new HostRoot(labDir.resolve("hosts").resolve(host.name()), base, runner);
  }

  /** Waits for {@code future}, unwrapping the lab's own failures. */
  static <T> T join(CompletableFuture<T> future) {
    try {
      return future.join();
    } catch (java.util.concurrent.CompletionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw e;
    }
  }

  /** A fresh machine id: 32 lower-case hex digits. */
  static String machineId() {
    return UUID.randomUUID().toString().replace("-", "");
  }
}
