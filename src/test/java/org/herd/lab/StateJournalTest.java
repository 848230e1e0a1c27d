package org.herd.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StateJournalTest {

  @Test
  void everyResourceKindSurvivesARoundTripInCreationOrder(@TempDir Path dir) {
    StateJournal journal =
        StateJournal.create(
            dir,
            new LabState(
                "lab",
                2,
                Release.BOOKWORM,
                "10.213.0.0/24",
                8213,
                Suite.OLD,
                null,
                false,
                List.of()));
    Resource.Proc pending = journal.record(new Resource.Proc("container lab-1", 0, 0, "/root"));
    journal.record(new Resource.Bridge("herd-lab"));
    journal.record(new Resource.Netns("herd-lab-1"));
    journal.record(new Resource.Link("hv-lab-1"));
    journal.record(new Resource.Mount("/var/lib/herd/lab/lab/hosts/lab-1/root"));
    journal.record(new Resource.Cgroup("/sys/fs/cgroup/unified/herd-lab/lab-1"));
    journal.record(new Resource.Bridge("herd-lab"));
    journal.replace(pending, new Resource.Proc("container lab-1", 1234, 99, "/root"));
    journal.forget(new Resource.Link("hv-lab-1"));
    journal.update(s -> s.withSuite(Suite.NEW).withImage("abc").withReady(true));

    LabState read = StateJournal.open(dir).orElseThrow().state();
    assertThat(read).isEqualTo(journal.state());
    assertThat(read.resources())
        .containsExactly(
            new Resource.Proc("container lab-1", 1234, 99, "/root"),
            new Resource.Bridge("herd-lab"),
            new Resource.Netns("herd-lab-1"),
            new Resource.Mount("/var/lib/herd/lab/lab/hosts/lab-1/root"),
            new Resource.Cgroup("/sys/fs/cgroup/unified/herd-lab/lab-1"));
    assertThat(read.suite()).isEqualTo(Suite.NEW);
    assertThat(read.ready()).isTrue();
    assertThat(Lab.containers(read)).containsOnlyKeys("lab-1");
  }

  @Test
  void noJournalNoState(@TempDir Path dir) {
    assertThat(StateJournal.open(dir)).isEmpty();
  }
}
