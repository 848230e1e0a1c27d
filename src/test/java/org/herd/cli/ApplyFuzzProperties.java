package org.herd.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.statistics.Statistics;
import org.herd.journal.HolderIdentity;
import org.herd.journal.Journal;
import org.herd.journal.JournalLocation;
import org.herd.plan.HostPlan;
import org.herd.plan.PlanFormatException;
import org.herd.plan.PlanJson;

/**
 * {@code herd apply} given a broken plan file, inventory, recipe or option value, one at a time:
 * refused with exit 2 in clean lines before anything is recorded — the journal has no run after any
 * try. The plan's hosts are held in the journal by another holder, so an input that is still valid
 * ends in "held by" (exit 3) and no host is ever reached; a plan edited into one naming other hosts
 * is not run at all.
 */
@AddLifecycleHook(FuzzTries.class)
class ApplyFuzzProperties {

  /** Exit codes of an apply whose inputs were valid: an empty plan, every host refused, held. */
  private static final Set<Integer> ACCEPTED =
      Set.of(ExitCode.OK.code(), ExitCode.FAILURE.code(), ExitCode.UNAVAILABLE.code());

  /** One try: the seeds, but for the one input that is broken. */
  record Case(
      String how,
      BrokenFile plan,
      BrokenFile inventory,
      Optional<BrokenFile> recipe,
      Options options) {

    boolean surelyBad() {
      return plan.surelyBad()
          || inventory.surelyBad()
          || recipe.map(BrokenFile::surelyBad).orElse(false)
          || options.surelyBad();
    }

    @Override
    public String toString() {
      BrokenFile broken =
          !plan.how().equals("seed")
              ? plan
              : !inventory.how().equals("seed") ? inventory : recipe.orElse(plan);
      return how + (options.words().isEmpty() ? ": " + broken : " " + options);
    }
  }

  /** Options given to apply before the plan, and whether apply may take them. */
  record Options(List<String> words, boolean surelyBad) {
    static final Options NONE = new Options(List.of(), false);
  }

  @Property(tries = 120)
  void aBrokenInputIsRefusedBeforeAnyRunIsRecorded(@ForAll("brokenApplies") Case apply) {
    assumeOnlyHeldHosts(apply.plan());
    try (FuzzScratch scratch = FuzzScratch.create()) {
      holdPlanHosts(scratch);
      CliRunner.Result result = scratch.herd(arguments(scratch, apply));
      Statistics.label("exit code").collect(result.exitCode());
      if (apply.surelyBad()) {
        CleanRefusal.assertRefused(result);
      } else {
        CleanRefusal.assertAcceptedOrRefused(result, ACCEPTED);
      }
      scratch.assertNoRunRecorded();
    }
  }

  /** The seeds are valid: apply goes as far as the lease another holder has. */
  @Property(tries = 10)
  void theSeedsGoAsFarAsTheHeldLease(@ForAll("seedRecipes") Optional<String> recipe) {
    try (FuzzScratch scratch = FuzzScratch.create()) {
      holdPlanHosts(scratch);
      Case seeds =
          new Case(
              "seeds",
              seed(FuzzSeeds.plan()),
              seed(FuzzSeeds.site()),
              recipe.map(ApplyFuzzProperties::seed),
              Options.NONE);
      CliRunner.Result result = scratch.herd(arguments(scratch, seeds));
      assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCode.UNAVAILABLE.code());
      assertThat(result.err()).startsWith("herd: host ctl1 is held by fuzz@elsewhere");
      scratch.assertNoRunRecorded();
    }
  }

  @Provide
  Arbitrary<Optional<String>> seedRecipes() {
    return Arbitraries.of(FuzzSeeds.recipes()).optional(0.8);
  }

  @Provide
  Arbitrary<Case> brokenApplies() {
    BrokenFile plan = seed(FuzzSeeds.plan());
    BrokenFile inventory = seed(FuzzSeeds.site());
    Arbitrary<Case> plans =
        PlanBreakers.any(FuzzSeeds.plan())
            .map(broken -> new Case("plan", broken, inventory, Optional.empty(), Options.NONE));
    Arbitrary<Case> inventories =
        Arbitraries.frequencyOf(
                Tuple.of(6, FileBreakers.yamlByHand(FuzzSeeds.site())),
                Tuple.of(2, FileBreakers.yamlSurelyBad(FuzzSeeds.site())),
                Tuple.of(1, FileBreakers.notUtf8(FuzzSeeds.site())),
                Tuple.of(1, FileBreakers.nulBytes(FuzzSeeds.site(), true)))
            .map(broken -> new Case("inventory", plan, broken, Optional.empty(), Options.NONE));
    Arbitrary<Case> recipes =
        Arbitraries.of(FuzzSeeds.recipes())
            .flatMap(
                recipe ->
                    Arbitraries.frequencyOf(
                        Tuple.of(3, FileBreakers.yamlByHand(recipe)),
                        Tuple.of(1, FileBreakers.yamlSurelyBad(recipe)),
                        Tuple.of(1, FileBreakers.notUtf8(recipe))))
            .map(broken -> new Case("recipe", plan, inventory, Optional.of(broken), Options.NONE));
    Arbitrary<Case> options =
        badOptions().map(option -> new Case("options", plan, inventory, Optional.empty(), option));
    return Arbitraries.frequencyOf(
        Tuple.of(4, plans), Tuple.of(3, inventories), Tuple.of(2, recipes), Tuple.of(2, options));
  }

  /**
   * An option of apply with a value it cannot take; a connect timeout is only read when hosts are
   * reached, so a bad one may end held instead.
   */
  private static Arbitrary<Options> badOptions() {
    return Arbitraries.oneOf(
        option(true, "--parallel", "0", "-1", "abc", "99999999999", ""),
        option(true, "--max-fail", "abc", "-1", "200%", "%", "1.5", ""),
        option(true, "--serial", "abc", "1,,2", "101%", "-5", "", ","),
        option(true, "--canary", "now", "soak=", "soak=forever", "soak=30", "pause=1", ""),
        option(true, "--reboot", "sometimes", "", "yes"),
        option(true, "-f", "0", "-3", "abc", ""),
        option(true, "--transport", "telnet", "", "ssh,local"),
        option(true, "--recipes", "no-such-dir", "plan.json"),
        option(true, "--ssh-config", "no-such-file", "."),
        option(false, "--connect-timeout", "0", "-1", "NaN", "Infinity", "abc", "1e400"));
  }

  private static Arbitrary<Options> option(boolean surelyBad, String name, String... values) {
    return Arbitraries.of(values).map(value -> new Options(List.of(name, value), surelyBad));
  }

  /** What the try's herd apply is given: the files written into its directory. */
  private static String[] arguments(FuzzScratch scratch, Case apply) {
    scratch.write("plan.json", apply.plan().bytes());
    scratch.write("herd.yaml", apply.inventory().bytes());
    scratch.write("ssh_config", FuzzSeeds.siteSshConfig());
    List<String> args = new ArrayList<>(List.of("apply", "--inventory", "herd.yaml"));
    apply
        .recipe()
        .ifPresent(
            recipe -> {
              scratch.write("recipes/fuzz.yaml", recipe.bytes());
              args.addAll(List.of("--recipes", "recipes"));
            });
    args.addAll(apply.options().words());
    args.add("plan.json");
    return args.toArray(String[]::new);
  }

  /** The plan's hosts taken by a herd elsewhere, for longer than any try. */
  private static void holdPlanHosts(FuzzScratch scratch) {
    try (Journal journal =
        Journal.open(JournalLocation.parse(scratch.journal().toString()), CliRunner.FIXED)) {
      Set<String> hosts = new TreeSet<>();
      FuzzSeeds.PLAN_HOSTS.forEach(host -> hosts.add("host:" + host));
      journal.acquire(
          hosts,
          new HolderIdentity("fuzz", "elsewhere", 4242, Optional.empty()).text(),
          Duration.ofDays(3650));
    }
  }

  /**
   * A broken plan that is still a plan must name only the held hosts: this suite never lets herd
   * reach a host, whatever a breakage made of the file.
   */
  private static void assumeOnlyHeldHosts(BrokenFile plan) {
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(plan.bytes())).toString();
    } catch (CharacterCodingException e) {
      return;
    }
    try {
      List<String> hosts =
          PlanJson.read(text).executableHosts().stream().map(HostPlan::host).toList();
      Assume.that(FuzzSeeds.PLAN_HOSTS.containsAll(hosts));
    } catch (PlanFormatException | IllegalArgumentException | NullPointerException e) {
      // Not a plan: herd refuses it before any host.
    }
  }

  private static BrokenFile seed(String text) {
    return BrokenFile.maybe("seed", text);
  }
}
