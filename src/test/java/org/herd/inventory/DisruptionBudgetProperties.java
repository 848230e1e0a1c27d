package org.herd.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

class DisruptionBudgetProperties {

  @Property
  void aBudgetNeverStopsProgressNorExceedsTheCluster(
      @ForAll @IntRange(min = 1, max = 100) int percent,
      @ForAll @IntRange(min = 1, max = 10_000) int count,
      @ForAll @IntRange(min = 1, max = 100_000) int size) {
    for (DisruptionBudget budget :
        new DisruptionBudget[] {
          new DisruptionBudget.Percent(percent), new DisruptionBudget.Count(count)
        }) {
      assertThat(budget.allowed(size)).isBetween(1, size);
      assertThat(DisruptionBudget.parse(budget.toString())).contains(budget);
    }
  }

  @Property
  void aPercentageIsRoundedDown(
      @ForAll @IntRange(min = 1, max = 100) int percent,
      @ForAll @IntRange(min = 1, max = 100_000) int size) {
    int allowed = new DisruptionBudget.Percent(percent).allowed(size);
    assertThat(allowed == 1 || (long) allowed * 100 <= (long) size * percent).isTrue();
    assertThat((long) (allowed + 1) * 100 > (long) size * percent).isTrue();
  }

  @Property
  void soakTimesReadBackAsWritten(@ForAll @LongRange(min = 0, max = 10_000_000) long seconds) {
    Duration soak = Duration.ofSeconds(seconds);
    assertThat(SoakTime.parse(SoakTime.format(soak))).contains(soak);
  }
}
