package org.herd.nodeset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.herd.Prerequisites.require;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.herd.cli.CliRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compares {@code herd nodeset -f|-e|-c} with the real ClusterShell on random expressions.
 *
 * <p>ClusterShell is driven through a small Python script that imports {@code ClusterShell.NodeSet}
 * and computes, per line of input, what {@code nodeset -f}, {@code -e} and {@code -c} print: one
 * Python process for all expressions instead of three per expression. A few expressions are also
 * run through the {@code nodeset} command itself, to check the driver. Skipped when ClusterShell is
 * not installed (CI installs it).
 */
class NodeSetClusterShellIT {

  private static final Path NODESET = Path.of("/usr/bin/nodeset");
  private static final int EXPRESSIONS = 3000;
  private static final long SEED = 20261125L;
  private static final int CLI_CASES = 200;

  private final ObjectMapper json = new ObjectMapper();

  @TempDir Path dir;

  @Test
  void herdPrintsWhatClusterShellPrints() throws Exception {
    require(Files.isExecutable(NODESET), "ClusterShell's nodeset is not installed");
    RandomExpressions random = new RandomExpressions(SEED);
    List<List<String>> cases = new ArrayList<>();
    for (int i = 0; i < EXPRESSIONS; i++) {
      cases.add(random.arguments());
    }
    List<JsonNode> expected = clusterShell(cases);

    CliRunner cli = new CliRunner(dir, Map.of());
    List<String> mismatches = new ArrayList<>();
    int errors = 0;
    int negatives = 0;
    for (int i = 0; i < cases.size(); i++) {
      List<String> args = cases.get(i);
      JsonNode want = expected.get(i);
      // The command itself for the first cases; the same computation through the API for the
      // rest, which is what keeps 3,000 comparisons to a few seconds.
      Outcome got = i < CLI_CASES ? command(cli, args) : api(args);
      if (got.error() != null && got.error().contains("negative indexes are not supported")) {
        negatives++; // a documented refusal: ClusterShell's negative ranges do not read back
        continue;
      }
      if (want.has("error")) {
        errors++;
        if (got.error() == null) {
          mismatches.add(
              describe(args)
                  + ": ClusterShell fails ("
                  + want.get("error").asText()
                  + ") but herd prints "
                  + shorten(got.fold()));
        }
        continue;
      }
      if (got.error() != null) {
        mismatches.add(describe(args) + ": herd fails: " + got.error());
        continue;
      }
      compare(mismatches, args, "-f", got.fold(), want.get("fold").asText());
      compare(mismatches, args, "-e", got.expand(), want.get("expand").asText());
      compare(mismatches, args, "-c", got.count(), want.get("count").asText());
    }
    assertThat(mismatches).as("expressions where herd and ClusterShell differ").isEmpty();
    assertThat(errors).as("some expressions are mistakes").isBetween(10, EXPRESSIONS / 5);
    assertThat(negatives).as("refused negative ranges").isLessThan(EXPRESSIONS / 100);
  }

  /** What herd prints for {@code nodeset -f}, {@code -e} and {@code -c}, or its error. */
  private record Outcome(String fold, String expand, String count, String error) {}

  private static Outcome api(List<String> args) {
    try {
      List<NodeSet> parts = new ArrayList<>();
      for (String arg : args) {
        for (String line : arg.split("\\R", -1)) {
          parts.add(NodeSet.parse(line));
        }
      }
      NodeSet nodes = NodeSet.union(parts);
      return new Outcome(
          nodes.fold(), String.join(" ", nodes.expand()), String.valueOf(nodes.size()), null);
    } catch (NodeSetException e) {
      return new Outcome(null, null, null, e.getMessage());
    }
  }

  private static Outcome command(CliRunner cli, List<String> args) {
    CliRunner.Result fold = cli.run(command("-f", args));
    if (fold.exitCode() != 0) {
      String error = fold.err().strip();
      if (fold.exitCode() != 2 || error.lines().count() != 1 || !error.startsWith("herd: ")) {
        error = "not one line with exit code 2: " + fold.exitCode() + " " + error;
      }
      return new Outcome(null, null, null, error);
    }
    return new Outcome(
        fold.out().strip(),
        cli.run(command("-e", args)).out().strip(),
        cli.run(command("-c", args)).out().strip(),
        null);
  }

  @Test
  void theDriverAgreesWithTheNodesetCommand() throws Exception {
    require(Files.isExecutable(NODESET), "ClusterShell's nodeset is not installed");
    RandomExpressions random = new RandomExpressions(SEED + 1);
    List<List<String>> cases = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      cases.add(random.arguments());
    }
    List<JsonNode> driver = clusterShell(cases);
    for (int i = 0; i < cases.size(); i++) {
      if (driver.get(i).has("error")) {
        continue;
      }
      List<String> command = new ArrayList<>(List.of(NODESET.toString(), "-f"));
      command.addAll(cases.get(i));
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
      assertThat(out.strip())
          .as(describe(cases.get(i)))
          .isEqualTo(driver.get(i).get("fold").asText());
    }
  }

  private static String[] command(String action, List<String> args) {
    List<String> all = new ArrayList<>(List.of("nodeset", action, "--"));
    all.addAll(args);
    return all.toArray(String[]::new);
  }

  private void compare(
      List<String> mismatches, List<String> args, String action, String got, String want) {
    if (!got.equals(want)) {
      mismatches.add(
          "nodeset "
              + action
              + " "
              + describe(args)
              + "\n    ClusterShell: "
              + shorten(want)
              + "\n    herd:         "
              + shorten(got));
    }
  }

  private static String shorten(String text) {
    return text.length() <= 300 ? text : text.substring(0, 300) + "...";
  }

  private String describe(List<String> args) {
    try {
      return json.writeValueAsString(args);
    } catch (IOException e) {
      return args.toString();
    }
  }

  /** Runs the Python driver on every case, in one process. */
  private List<JsonNode> clusterShell(List<List<String>> cases) throws Exception {
    Path driver = dir.resolve("clustershell_driver.py");
    try (InputStream in = getClass().getResourceAsStream("clustershell_driver.py")) {
      Files.copy(in, driver);
    }
    Process process =
        new ProcessBuilder(interpreter(), driver.toString())
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    try {
      Thread feeder =
          new Thread(
              () -> {
                try (Writer w =
                    new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8)) {
                  for (List<String> args : cases) {
                    w.write(json.writeValueAsString(args));
                    w.write('\n');
                  }
                } catch (IOException e) {
                  throw new java.io.UncheckedIOException(e);
                }
              });
      feeder.start();
      List<JsonNode> results = new ArrayList<>();
      try (BufferedReader r =
          new BufferedReader(
              new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = r.readLine()) != null) {
          results.add(json.readTree(line));
        }
      }
      feeder.join();
      assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(results).hasSize(cases.size());
      return results;
    } finally {
      process.destroyForcibly();
    }
  }

  /** The Python that runs the nodeset command (its #! line), which has ClusterShell. */
  private static String interpreter() throws IOException {
    String first = Files.readAllLines(NODESET).get(0);
    return first.startsWith("#!") ? first.substring(2).strip() : "python3";
  }
}
