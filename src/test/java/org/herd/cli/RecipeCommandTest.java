package org.herd.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code herd recipe list|show|check}, run in-process as a user would. */
class RecipeCommandTest {

  @TempDir Path dir;

  private CliRunner.Result herd(String... args) {
    return new CliRunner(dir, Map.of()).run(args);
  }

  private void write(String name, String text) throws IOException {
    Files.createDirectories(dir.resolve(name).getParent());
    Files.writeString(dir.resolve(name), text);
  }

  @Test
  void listShowsTheBuiltInsAndWhichOneAUserRecipeReplaces() throws IOException {
    write("mine/etcd.yaml", "name: etcd\ndescription: our etcd\nbudget: 2\n");
    write("mine/zk.yaml", "name: zookeeper\ndescription: ZooKeeper ensemble\n");
    CliRunner.Result result = herd("recipe", "list", "--recipes", "mine");
    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out())
        .contains("generic")
        .contains("galera")
        .contains("rabbitmq")
        .contains("zookeeper")
        .containsPattern(
            "etcd +2 +"
                + dir.resolve("mine/etcd.yaml")
                + " \\(replaces the builtin one\\) +our etcd");
  }

  @Test
  void showPrintsTheRecipeInForce() {
    CliRunner.Result result = herd("recipe", "show", "galera");
    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).startsWith("# recipe galera from builtin\n").contains("wsrep_ready");
  }

  @Test
  void showOfAnUnknownRecipeIsAUsageError() {
    CliRunner.Result result = herd("recipe", "show", "kafka");
    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains("recipe kafka: no such recipe (see herd recipe list)");
  }

  @Test
  void checkSaysOkForGoodFilesAndEveryProblemOfTheOthers() throws IOException {
    write("good.yaml", "name: good\nhealth:\n  member:\n    - tcp: '{{address}}:80'\n");
    write("bad.yaml", "name: bad\nbudget: many\nok-to-stop:\n  - command: x {{hots}}\n");
    CliRunner.Result result = herd("recipe", "check", "good.yaml", "bad.yaml");
    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.out()).isEqualTo("ok: good.yaml: recipe good\n");
    assertThat(result.err())
        .isEqualTo(
            "herd: bad.yaml:2:9: budget `many`: a number of members (1) or a percentage (1% to 100%)\n"
                + "herd: bad.yaml:4:14: unknown template variable {{hots}}; did you mean `host`?\n");
  }

  @Test
  void aMissingRecipesDirectoryIsAUsageError() {
    CliRunner.Result result = herd("recipe", "list", "--recipes", "nowhere");
    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains("--recipes nowhere: no such directory");
  }
}
