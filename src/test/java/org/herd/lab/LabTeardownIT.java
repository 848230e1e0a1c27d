package org.herd.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code herd lab down} leaves nothing behind, even after {@code herd lab up} was killed half-way:
 * no process it recorded, no mount under the lab directory, no namespace, no interface, no cgroup.
 */
@ExtendWith(LabExtension.class)
class LabTeardownIT {

  private static final String NAME = LabExtension.runName("ic");

  @Test
  void downAfterAKilledUpLeavesNothingBehind() throws Exception {
    Lab lab = Lab.standard(Clock.systemUTC(), line -> System.err.println("lab: " + line));
    LabExtension.removeStaleLabs(lab);
    Path labDir = lab.paths().lab(NAME);
    Process up = startUpInAnotherJvm();
    List<Resource> recorded;
    try {
      recorded = awaitRunningContainers(labDir, 2, Duration.ofMinutes(15));
    } finally {
      up.toHandle().destroyForcibly();
      up.waitFor();
    }

    List<String> left = lab.down(NAME);

    assertThat(left).isEmpty();
    assertNothingLeft(labDir, recorded);
    assertThat(lab.down(NAME)).as("a second down").isEmpty();
  }

  private static Process startUpInAnotherJvm() throws Exception {
    String java = ProcessHandle.current().info().command().orElseThrow();
    ProcessBuilder builder =
        new ProcessBuilder(
            java,
            "-cp",
            System.getProperty("java.class.path"),
            "org.herd.cli.Main",
            "lab",
            "up",
            "--name",
            NAME,
            "--hosts",
            "2");
    builder.redirectErrorStream(true);
    builder.redirectOutput(new File("target/itcrash-up.log"));
    return builder.start();
  }

  /** Waits until the journal records {@code count} started containers, and returns it. */
  private static List<Resource> awaitRunningContainers(Path labDir, int count, Duration timeout) {
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      Optional<StateJournal> journal = safeOpen(labDir);
      if (journal.isPresent()) {
        List<Resource> resources = journal.get().state().resources();
        long started =
            resources.stream()
                .filter(
                    r ->
                        r instanceof Resource.Proc p
                            && p.role().startsWith("container ")
                            && p.pid() > 0)
                .count();
        if (started == count) {
          return resources;
        }
      }
      Container.sleep(Duration.ofMillis(200));
    }
    throw new AssertionError("lab up recorded no " + count + " containers in " + timeout);
  }

  private static Optional<StateJournal> safeOpen(Path labDir) {
    try {
      return StateJournal.open(labDir);
    } catch (RuntimeException partlyWritten) {
      return Optional.empty();
    }
  }

  private static void assertNothingLeft(Path labDir, List<Resource> recorded) throws Exception {
    for (Resource resource : recorded) {
      if (resource instanceof Resource.Proc proc && proc.pid() > 0) {
        assertThat(Processes.live(proc)).as(proc.describe()).isEmpty();
      }
    }
    List<String> namespaces = names(Path.of("/run/netns"));
    assertThat(namespaces).noneMatch(n -> n.startsWith("herd-" + NAME + "-"));
    List<String> links = names(Path.of("/sys/class/net"));
    assertThat(links).noneMatch(n -> n.startsWith("hv-" + NAME + "-") || n.equals("herd-" + NAME));
    List<String> mounts = new ArrayList<>();
    for (String line : Files.readAllLines(Path.of("/proc/self/mountinfo"))) {
      String point = line.split(" ")[4];
      if (point.startsWith(labDir.toString())) {
        mounts.add(point);
      }
    }
    assertThat(mounts).isEmpty();
    assertThat(Cgroups.system().leftovers(NAME)).isEmpty();
    assertThat(labDir).doesNotExist();
  }

  private static List<String> names(Path dir) throws Exception {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> entries = Files.list(dir)) {
      return entries.map(p -> p.getFileName().toString()).toList();
    }
  }
}
