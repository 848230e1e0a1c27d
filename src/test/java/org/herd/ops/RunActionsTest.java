package org.herd.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import org.herd.journal.RunAction;
import org.herd.journal.RunId;
import org.herd.journal.RunState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Requests about runs from outside the herd executing them, journaled with who asked. */
class RunActionsTest {

  @TempDir Path dir;

  @Test
  void aPauseIsRecordedForTheExecutingHerdWithWhoAsked() throws Exception {
    try (ServeFixture site = new ServeFixture(dir);
        RunActions actions = new RunActions(site.workspace, site.journal, line -> {})) {
      RunId run = site.runningRun();

      RunActions.Outcome outcome = actions.pause(run.value(), "carol");

      assertThat(outcome).isInstanceOf(RunActions.Outcome.Recorded.class);
      assertThat(site.journal.actions(run))
          .singleElement()
          .satisfies(a -> assertThat(a.action() + " " + a.by()).isEqualTo("PAUSE carol"));
      assertThat(site.journal.takePauseRequest(run)).isTrue();
      site.journal.setState(run, RunState.PAUSED);
      assertThatThrownBy(() -> actions.pause(run.value(), "carol"))
          .isInstanceOf(InvalidRequest.class)
          .hasMessageContaining("paused, not running");
      assertThatThrownBy(() -> actions.pause("20990101-000000-abcdef", "carol"))
          .isInstanceOf(InvalidRequest.class);
    }
  }

  @Test
  void anAbortOfARunAnotherHerdExecutesMarksItAbortedAndRecordsWho() throws Exception {
    try (ServeFixture site = new ServeFixture(dir);
        RunActions actions = new RunActions(site.workspace, site.journal, line -> {})) {
      RunId run = site.runningRun();
      // The herd executing it holds its hosts.
      site.journal.acquire(
          Set.of("host:db1", "host:db2", "host:db3", "host:web1"),
          "bob@ops2 pid 4242 run " + run.value(),
          Duration.ofMinutes(5));

      RunActions.Outcome outcome = actions.abort(run.value(), "dave");

      assertThat(outcome).isInstanceOf(RunActions.Outcome.Recorded.class);
      assertThat(site.journal.run(run).orElseThrow().state()).isEqualTo(RunState.ABORTED);
      assertThat(site.journal.actions(run))
          .extracting(a -> a.action() + " " + a.by())
          .containsExactly(RunAction.ABORT + " dave");
    }
  }

  @Test
  void aBodyThatIsNoPlanIsRefusedAndNothingIsRecorded() throws Exception {
    try (ServeFixture site = new ServeFixture(dir);
        RunActions actions = new RunActions(site.workspace, site.journal, line -> {})) {
      assertThatThrownBy(() -> actions.start("{\"not\": \"a plan\"}", "erin", RunOptions.NONE))
          .isInstanceOf(InvalidRequest.class)
          .hasMessageStartingWith("not a plan");
      assertThat(site.journal.runs()).isEmpty();
    }
  }

  @Test
  void aStartedRunJournalsItsOptionsForResumesAndAWrongOneRecordsNothing() throws Exception {
    try (ServeFixture site = new ServeFixture(dir);
        RunActions actions = new RunActions(site.workspace, site.journal, line -> {})) {
      String plan = ServeFixture.planJson("web1");
      RunOptions wrong = RunOptions.ofNullable(0, null, null, null, false, null);
      assertThatThrownBy(() -> actions.start(plan, "erin", wrong))
          .isInstanceOf(InvalidRequest.class)
          .hasMessage("--parallel: expected 1 or more, got 0");
      assertThat(site.journal.runs()).isEmpty();

      RunOptions given =
          RunOptions.journaledIn(" --parallel 3 --serial 1 --canary pause --finalize");
      RunActions.Outcome outcome = actions.start(plan, "erin", given);

      assertThat(outcome).isInstanceOf(RunActions.Outcome.Executing.class);
      String command = site.journal.runs().get(0).command();
      assertThat(command)
          .isEqualTo("herd serve: apply --parallel 3 --serial 1 --canary pause --finalize (erin)");
      assertThat(RunOptions.journaledIn(command)).isEqualTo(given);
    }
  }
}
