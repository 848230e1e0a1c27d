package org.herd.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.statistics.Statistics;

/**
 * Malformed inventories in every format herd reads (herd.yaml, Ansible INI and YAML, ClusterShell
 * groups), each one valid document broken once, through {@code herd inventory check}: either still
 * valid and accepted as its seed is, or refused with exit 2 in one clean line per problem, within
 * the hang guard; a breakage no reader may accept is refused.
 */
@AddLifecycleHook(FuzzTries.class)
class InventoryFuzzProperties {

  /** herd.yaml's connection keys and {@code vars}, and one nobody knows. */
  private static final Arbitrary<String> SETTINGS =
      Arbitraries.of("address", "user", "port", "transport", "become", "ssh_config", "vars", "zz");

  /** A seed and one breakage of it. */
  record Case(FuzzSeeds.Inventory seed, BrokenFile file) {
    @Override
    public String toString() {
      return seed + ": " + file;
    }
  }

  @Property(tries = 200)
  void aBrokenInventoryIsAcceptedOrRefusedCleanly(@ForAll("brokenInventories") Case broken) {
    try (FuzzScratch scratch = FuzzScratch.create()) {
      scratch.write("ssh_config", FuzzSeeds.siteSshConfig());
      scratch.write(broken.seed().fileName(), broken.file().bytes());
      CliRunner.Result result =
          scratch.herd("inventory", "check", "--inventory", broken.seed().option());
      Statistics.label("exit code").collect(result.exitCode());
      if (broken.file().surelyBad()) {
        CleanRefusal.assertRefused(result);
      } else {
        CleanRefusal.assertAcceptedOrRefused(result, Set.of(ExitCode.OK.code()));
      }
    }
  }

  /** The seeds themselves are accepted, so that refusing everything cannot pass. */
  @Property(tries = 10)
  void everySeedIsAccepted(@ForAll("seeds") FuzzSeeds.Inventory seed) {
    try (FuzzScratch scratch = FuzzScratch.create()) {
      scratch.write("ssh_config", FuzzSeeds.siteSshConfig());
      scratch.write(seed.fileName(), seed.text());
      CliRunner.Result result = scratch.herd("inventory", "check", "--inventory", seed.option());
      assertThat(result.exitCode()).as(result.err()).isZero();
      assertThat(result.out()).startsWith("ok: ");
    }
  }

  @Provide
  Arbitrary<FuzzSeeds.Inventory> seeds() {
    return Arbitraries.of(FuzzSeeds.inventories());
  }

  @Provide
  Arbitrary<Case> brokenInventories() {
    List<Arbitrary<Case>> cases =
        FuzzSeeds.inventories().stream()
            .map(seed -> breakings(seed).map(file -> new Case(seed, file)))
            .toList();
    return Arbitraries.oneOf(cases);
  }

  private static Arbitrary<BrokenFile> breakings(FuzzSeeds.Inventory seed) {
    String text = seed.text();
    if (seed.fileName().endsWith(".ini")) {
      return Arbitraries.frequencyOf(
          Tuple.of(6, FileBreakers.iniByHand(text)),
          Tuple.of(1, FileBreakers.notUtf8(text)),
          Tuple.of(1, FileBreakers.nulBytes(text, false)),
          Tuple.of(2, hugeRanges(seed)));
    }
    return Arbitraries.frequencyOf(
        Tuple.of(6, FileBreakers.yamlByHand(text)),
        Tuple.of(2, FileBreakers.yamlSurelyBad(text)),
        Tuple.of(1, FileBreakers.notUtf8(text)),
        Tuple.of(1, FileBreakers.nulBytes(text, true)),
        Tuple.of(2, hugeRanges(seed)),
        Tuple.of(4, keyedValues(seed)));
  }

  /**
   * A value of the wrong kind (or the right kind, wrong) at a key the format knows, on a host,
   * group, cluster or wave added for it: where a value is read rather than where a line happens to
   * be.
   */
  private static Arbitrary<BrokenFile> keyedValues(FuzzSeeds.Inventory seed) {
    String text = seed.text();
    Arbitrary<String> yaml = Arbitraries.of(FileBreakers.YAML_VALUES);
    Arbitrary<String> ansibleKeys =
        Arbitraries.of(
            "ansible_host",
            "ansible_port",
            "ansible_user",
            "ansible_connection",
            "ansible_become",
            "ansible_become_method",
            "ansible_become_user",
            "ansible_ssh_host",
            "ansible_ssh_port",
            "zz");
    return switch (seed.fileName()) {
      case "site.yaml" ->
          Arbitraries.oneOf(
              keyed(text, "hosts:", "  fuzz1: {%s: %s}", yaml, SETTINGS),
              keyed(text, "groups:", "  fuzzg: {members: ctl1, %s: %s}", yaml, SETTINGS),
              keyed(
                  text,
                  "clusters:",
                  "  fuzzc: {members: ctl1, %s: %s}",
                  yaml,
                  Arbitraries.of("recipe", "budget", "order", "vars", "zz")),
              keyed(
                  text,
                  "waves:",
                  "  - {name: fuzzw, nodes: stg-ctl1, %s: %s}",
                  yaml,
                  Arbitraries.of("soak", "zz")));
      case "hosts.ini" ->
          Combinators.combine(
                  ansibleKeys, Arbitraries.of(FileBreakers.INI_VALUES), Arbitraries.of(true, false))
              .as(
                  (key, value, asVar) ->
                      BrokenFile.maybe(
                          key + "=" + value + (asVar ? " in [fuzz:vars]" : " on a host"),
                          text
                              + "\n[fuzz]\nfuzz1"
                              + (asVar ? "\n[fuzz:vars]\n" : " ")
                              + key
                              + "="
                              + value
                              + "\n"));
      case "hosts.yaml" -> keyed(text, "  hosts:", "    fuzz1: {%s: %s}", yaml, ansibleKeys);
      case "groups.yaml" ->
          keyed(text, "roles:", "  fuzz%s: %s", yaml, Arbitraries.of("g", "-", "g g"));
      default -> throw new IllegalArgumentException("no seed " + seed);
    };
  }

  private static Arbitrary<BrokenFile> keyed(
      String text, String line, String format, Arbitrary<String> values, Arbitrary<String> keys) {
    return Combinators.combine(keys, values)
        .as(
            (key, value) -> {
              String inserted = String.format(format, key, value);
              return BrokenFile.maybe(
                  "`" + inserted.strip() + "` after `" + line.strip() + "`",
                  insertedAfter(text, line, inserted));
            });
  }

  /**
   * Ranges that would take the inventory past the hosts herd reads, where the format declares
   * hosts: refused at their place without being expanded (the hang guard catches an expansion).
   */
  private static Arbitrary<BrokenFile> hugeRanges(FuzzSeeds.Inventory seed) {
    String text = seed.text();
    Arbitrary<String> herdRange =
        Arbitraries.of(
            "h[1-100000000]",
            "h[1-99999999999999999999]",
            "a[1-1000]b[1-1000]c[1-1000]",
            "h[0-100000]",
            "h[00000001-10000000]");
    Arbitrary<String> ansibleRange =
        Arbitraries.of("h[1:100000000]", "w[1:1000]-[1:1000]", "h[0:100000]", "h[a:z][1:99999]");
    return switch (seed.fileName()) {
      case "site.yaml" -> herdRange.map(range -> after(text, "hosts:", "  " + range + ":", range));
      case "hosts.ini" ->
          ansibleRange.map(
              range -> BrokenFile.surely("range " + range, text + "\n[huge]\n" + range + "\n"));
      case "hosts.yaml" ->
          ansibleRange.map(range -> after(text, "  hosts:", "    " + range + ":", range));
      case "groups.yaml" ->
          herdRange.map(range -> after(text, "roles:", "  huge: '" + range + "'", range));
      default -> throw new IllegalArgumentException("no seed " + seed);
    };
  }

  private static BrokenFile after(String text, String line, String inserted, String range) {
    return BrokenFile.surely("range " + range, insertedAfter(text, line, inserted));
  }

  /** {@code text} with the line {@code inserted} after its line {@code line}. */
  private static String insertedAfter(String text, String line, String inserted) {
    int at = text.indexOf("\n" + line + "\n");
    if (at < 0) {
      throw new IllegalStateException("no line `" + line + "` in the seed");
    }
    int end = at + line.length() + 2;
    return text.substring(0, end) + inserted + "\n" + text.substring(end);
  }
}
