package org.herd.lab;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Puts lab hosts back as {@code lab up} made them: the container is stopped, the upper layer of its
 * overlay (everything it changed) deleted, its own files written again, and it boots anew. Its
 * name, address and keys stay, so known_hosts and the inventory stay valid.
 */
final class LabReset {

  private final LabPaths paths;
  private final ProcessRunner runner;
  private final Progress progress;

  LabReset(LabPaths paths, ProcessRunner runner, Progress progress) {
    this.paths = paths;
    this.runner = runner;
    this.progress = progress;
  }

  void reset(LabState state, List<String> names) {
    Path labDir = paths.lab(state.name());
    StateJournal journal = StateJournal.open(labDir).orElseThrow();
    Path base = paths.image(state.image()).resolve("rootfs");
    List<LabHost> all = new ArrayList<>();
    for (int i = 1; i <= state.hosts(); i++) {
      all.add(LabHost.of(state.spec(), state.net(), i));
    }
    List<LabHost> chosen = new ArrayList<>();
    for (String name : names) {
      chosen.add(
          all.stream()
              .filter(h -> h.name().equals(name))
              .findFirst()
              .orElseThrow(
                  () -> LabException.badInput(name + ": not a host of lab " + state.name())));
    }
    SshKeys keys = new SshKeys(labDir, runner);
    String clientKey = keys.ensureClientKey(state.name());
    String repoKey;
    try {
      repoKey = Files.readString(labDir.resolve("gnupg/herd-lab.asc"));
    } catch (IOException e) {
      throw new UncheckedIOException(labDir + ": no repository key: " + e.getMessage(), e);
    }
    String sources =
        LabFiles.aptSources(state.release(), state.net().bridgeAddress(), state.repoPort());
    String etcHosts = LabFiles.etcHosts(all);
    Map<String, Resource.Proc> containers = Lab.containers(state);
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, chosen.size()));
    try {
      List<CompletableFuture<Void>> done = new ArrayList<>();
      for (LabHost host : chosen) {
        done.add(
            CompletableFuture.runAsync(
                () -> {
                  progress.say(host.name() + ": resetting");
                  Resource.Proc old = containers.get(host.name());
                  if (old != null) {
                    Processes.live(old).ifPresent(LabReset::stopContainer);
                    journal.forget(old);
                  }
                  Path hostDir = labDir.resolve("hosts").resolve(host.name());
                  HostRoot root = new HostRoot(hostDir, base, runner);
                  root.wipe();
                  root.mount(journal);
                  HostFiles.write(root, host, etcHosts, keys, clientKey, repoKey, sources);
                  Container container =
                      new Container(
                          host,
                          root.root(),
                          LabNetwork.netnsPath(state.name(), host.index()),
                          runner);
                  Resource.Proc nspawn = container.start(journal, hostDir.resolve("console.log"));
                  ProcessHandle leader = Container.awaitLeader(nspawn, Duration.ofSeconds(30));
                  Container.awaitBoot(leader.pid(), runner, LabUp.BOOT_TIMEOUT, host.name());
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
      done.forEach(LabUp::join);
    } finally {
      pool.shutdownNow();
    }
  }

  private static void stopContainer(ProcessHandle nspawn) {
    List<ProcessHandle> children = nspawn.children().toList();
    Processes.stop(nspawn, Duration.ofSeconds(60));
    children.forEach(c -> Processes.stop(c, Duration.ofSeconds(5)));
  }
}
