package org.herd.lab;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Removes everything one lab created: processes, mounts, namespaces, interfaces, then its
 * directory. It works from the journal and, because a {@code lab up} may have died between creating
 * something and recording its pid, also from the lab's naming scheme: processes whose command line
 * names the lab directory, mounts under it, namespaces and interfaces with the lab's prefixes. It
 * is idempotent: a second run finds nothing and succeeds.
 */
public final class Teardown {

  private final String lab;
  private final Path labDir;
  private final ProcessRunner runner;
  private final Progress progress;

  /** Tears down lab {@code lab} whose directory is {@code labDir}. */
  public Teardown(String lab, Path labDir, ProcessRunner runner, Progress progress) {
    this.lab = lab;
    this.labDir = labDir;
    this.runner = runner;
    this.progress = progress;
  }

  /** Removes everything; returns what could not be removed (empty when the machine is clean). */
  public List<String> run() {
    Optional<LabState> state = StateJournal.open(labDir).map(StateJournal::state);
    List<Resource> recorded = new ArrayList<>(state.map(LabState::resources).orElse(List.of()));
    java.util.Collections.reverse(recorded);
    stopProcesses(recorded);
    new RepoSigner(labDir.resolve("gnupg"), lab, runner).stopAgent();
    Cgroups cgroups = Cgroups.system();
    Set<Path> groups = new LinkedHashSet<>();
    for (Resource resource : recorded) {
      if (resource instanceof Resource.Cgroup cgroup) {
        groups.add(Path.of(cgroup.path()));
      }
    }
    groups.addAll(cgroups.leftovers(lab));
    groups.forEach(Cgroups::remove);
    MountTable mounts = MountTable.system(runner);
    for (Resource resource : recorded) {
      if (resource instanceof Resource.Mount mount) {
        mounts.unmount(Path.of(mount.path()));
      }
    }
    mounts.unmountAll(labDir);
    LabNetwork network = new LabNetwork(lab, Subnet.labDefault(0), runner);
    Set<String> namespaces = new LinkedHashSet<>();
    Set<String> links = new LinkedHashSet<>();
    for (Resource resource : recorded) {
      if (resource instanceof Resource.Netns ns) {
        namespaces.add(ns.name());
      } else if (resource instanceof Resource.Link link) {
        links.add(link.name());
      } else if (resource instanceof Resource.Bridge bridge) {
        links.add(bridge.name());
      }
    }
    namespaces.addAll(network.leftoverNamespaces());
    links.addAll(network.leftoverLinks());
    for (String ns : namespaces) {
      network.deleteNetns(ns);
    }
    for (String link : links) {
      network.deleteLink(link);
    }
    List<String> left = leftovers(recorded);
    if (left.isEmpty()) {
      try {
        Trees.delete(labDir);
      } catch (IOException e) {
        left.add(labDir + ": cannot delete: " + e.getMessage());
      }
    }
    return left;
  }

  /** Stops the recorded processes, containers in parallel (each takes seconds to halt). */
  private void stopProcesses(List<Resource> recorded) {
    List<Thread> threads = new ArrayList<>();
    for (Resource resource : recorded) {
      if (resource instanceof Resource.Proc proc) {
        Optional<ProcessHandle> live = Processes.live(proc);
        if (live.isPresent()) {
          progress.say("stopping " + proc.role());
          Runnable stopping =
              proc.role().equals(LabUp.DEBOOTSTRAP)
                  ? () -> stopBuild(live.get(), Path.of(proc.marker()))
                  : () -> stop(live.get());
          Thread thread = new Thread(stopping, "lab-stop-" + proc.pid());
          thread.start();
          threads.add(thread);
        }
      }
    }
    for (Thread thread : threads) {
      try {
        thread.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw LabException.failed("lab down: interrupted");
      }
    }
    for (ProcessHandle stray : Processes.withMarker(labDir.toString() + "/")) {
      progress.say(
          "stopping pid " + stray.pid() + " (" + Processes.cmdline(stray.pid()).strip() + ")");
      stop(stray);
    }
  }

  /**
   * Stops a base image build: debootstrap and everything it started (dpkg in the chroot), then
   * unmounts what it mounted in the build directory, which the next build discards.
   */
  private void stopBuild(ProcessHandle debootstrap, Path buildDir) {
    List<ProcessHandle> all = new ArrayList<>(debootstrap.descendants().toList());
    all.add(0, debootstrap);
    for (ProcessHandle handle : all) {
      handle.destroyForcibly();
    }
    for (ProcessHandle handle : all) {
      Processes.stop(handle, Duration.ofSeconds(10));
    }
    MountTable.system(runner).unmountAll(buildDir);
  }

  /**
   * Stops a process and, for nspawn, the container init under it: should nspawn have to be killed,
   * its init would otherwise live on with the whole container.
   */
  private static void stop(ProcessHandle handle) {
    List<ProcessHandle> children = handle.children().toList();
    Processes.stop(handle, Duration.ofSeconds(60));
    for (ProcessHandle child : children) {
      if (child.isAlive()) {
        child.destroyForcibly();
        Processes.stop(child, Duration.ofSeconds(10));
      }
    }
  }

  /** What of the lab is still on the machine. */
  public List<String> leftovers(List<Resource> recorded) {
    List<String> left = new ArrayList<>();
    for (Resource resource : recorded) {
      if (resource instanceof Resource.Proc proc && Processes.live(proc).isPresent()) {
        left.add(proc.describe() + " still runs");
      }
    }
    for (ProcessHandle stray : Processes.withMarker(labDir.toString() + "/")) {
      left.add("pid " + stray.pid() + " still runs");
    }
    if (Files.exists(labDir)) {
      for (Path mount : MountTable.system(runner).under(labDir)) {
        left.add("mount " + mount + " is still mounted");
      }
    }
    LabNetwork network = new LabNetwork(lab, Subnet.labDefault(0), runner);
    for (String ns : network.leftoverNamespaces()) {
      left.add("netns " + ns + " still exists");
    }
    for (String link : network.leftoverLinks()) {
      left.add("link " + link + " still exists");
    }
    for (Path cgroup : Cgroups.system().leftovers(lab)) {
      left.add("cgroup " + cgroup + " still exists");
    }
    return left;
  }
}
