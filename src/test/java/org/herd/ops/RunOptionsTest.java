package org.herd.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Set;
import org.herd.engine.Canary;
import org.herd.engine.MaxFail;
import org.herd.engine.Serial;
import org.herd.plan.RebootPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A run's options as given, as journaled with its command, and as a resume reads them back. */
class RunOptionsTest {

  private static RunOptions given(
      Integer parallel, String serial, String canary, boolean finalize, RebootPolicy reboot) {
    return RunOptions.ofNullable(parallel, serial, canary, null, finalize, reboot);
  }

  @Test
  void whatIsJournaledIsReadBackFromTheCommand() {
    RunOptions options = given(3, "1,5", "soak=10m", true, RebootPolicy.IF_REQUIRED);

    String command = "herd serve: apply" + options.journaled() + " (erin)";

    assertThat(command)
        .isEqualTo(
            "herd serve: apply --parallel 3 --serial 1,5 --canary soak=10m --finalize"
                + " --reboot if-required (erin)");
    assertThat(RunOptions.journaledIn(command)).isEqualTo(options);
    assertThat(RunOptions.journaledIn("herd apply plan.json")).isEqualTo(RunOptions.NONE);
    assertThat(RunOptions.NONE.journaled()).isEmpty();
  }

  @Test
  void optionsGivenNowWinOverTheRunsOwn() {
    RunOptions run = given(1, "2", "pause", true, RebootPolicy.ALWAYS);
    RunOptions now = given(8, null, null, false, null);

    RunOptions resumed = now.orElse(run);

    assertThat(resumed).isEqualTo(given(8, "2", "pause", true, RebootPolicy.ALWAYS));
  }

  @Test
  void theSettingsTakeTheOptionsOrTheDefaultsAndThePlansReboots() {
    RunSettings none = RunOptions.NONE.settings(RebootPolicy.NEVER, Set.of(), Set.of("h1"), 7);
    assertThat(none.options().parallel()).isEqualTo(RunOptions.DEFAULT_PARALLEL);
    assertThat(none.options().maxFail()).isEqualTo(MaxFail.UNLIMITED);
    assertThat(none.options().reboot()).isEqualTo(RebootPolicy.NEVER);
    assertThat(none.options().retry()).containsExactly("h1");
    assertThat(none.options().fanout()).isEqualTo(7);
    assertThat(none.serial()).isEqualTo(Serial.ALL);
    assertThat(none.canary()).isEqualTo(Canary.NONE);
    assertThat(none.finalizeAsked()).isFalse();

    RunSettings some =
        given(2, "3", "pause", true, RebootPolicy.ALWAYS)
            .settings(RebootPolicy.NEVER, Set.of(), Set.of(), 7);
    assertThat(some.options().parallel()).isEqualTo(2);
    assertThat(some.options().reboot()).isEqualTo(RebootPolicy.ALWAYS);
    assertThat(some.serial()).isEqualTo(Serial.parse("3"));
    assertThat(some.canary()).isEqualTo(new Canary.Pause());
    assertThat(some.finalizeAsked()).isTrue();
  }

  @Test
  void queryParametersAreSpelledAsOnTheCommandLine() {
    Map<String, String> query =
        Map.of(
            "parallel",
            "4",
            "serial",
            "25%",
            "canary",
            "pause",
            "finalize",
            "true",
            "reboot",
            "never");

    assertThat(RunOptions.parameters(query::get))
        .isEqualTo(given(4, "25%", "pause", true, RebootPolicy.NEVER));
    assertThat(RunOptions.parameters(Map.<String, String>of()::get)).isEqualTo(RunOptions.NONE);
    assertThatThrownBy(() -> RunOptions.parameters(Map.of("parallel", "many")::get))
        .isInstanceOf(InvalidRequest.class)
        .hasMessage("parallel: expected a number, got many");
    assertThatThrownBy(() -> RunOptions.parameters(Map.of("finalize", "yes")::get))
        .isInstanceOf(InvalidRequest.class)
        .hasMessage("finalize: expected true or false, got yes");
    assertThatThrownBy(() -> RunOptions.parameters(Map.of("reboot", "often")::get))
        .isInstanceOf(InvalidRequest.class)
        .hasMessage("reboot: expected never, if-required or always, got often");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "0  |      |       |     | --parallel: expected 1 or more, got 0",
        "   | x    |       |     | serial",
        "   |      | maybe |     | canary",
        "   |      |       | lots| max-fail",
      })
  void aWrongValueIsRefusedInOneLine(
      Integer parallel, String serial, String canary, String maxFail, String named) {
    RunOptions options = RunOptions.ofNullable(parallel, serial, canary, maxFail, false, null);

    assertThatThrownBy(options::check)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(named)
        .satisfies(e -> assertThat(e.getMessage().lines()).hasSize(1));
  }
}
