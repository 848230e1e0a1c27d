package org.herd.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Resolves the groups of a ClusterShell group file with herd and with ClusterShell's own {@code
 * nodeset} (Debian package clustershell), and expects the same hosts.
 */
class ClushGroupsIT {

  private static final List<String> EXPRESSIONS =
      List.of(
          "@io",
          "@compute",
          "@adm",
          "@gpu",
          "@roles:all",
          "@*",
          "@racks:*",
          "@racks:old",
          "@racks:rack5",
          "@racks:rack[1-2]",
          "@compute!@racks:rack4",
          "@io^@racks:rack1",
          "@racks:rack[1-4]&@compute",
          "@cpu:hsw",
          "@cpu:ivy,@adm");

  @Test
  void herdResolvesGroupsLikeClusterShell(@TempDir Path config) throws Exception {
    String groups =
        AnsibleReadersTest.resource("clush-site.yaml")
            + """

            # a third source, referring to the others
            cpu:
              ivy: 'example[32-33]'
              hsw: '@roles:compute!@ivy'
            """;
    String withGpu =
        groups.replace("  adm: 'example0'\n", "  adm: 'example0'\n  gpu: '@racks:rack4'\n");
    Files.createDirectories(config.resolve("groups.d"));
    Files.writeString(config.resolve("groups.d/site.yaml"), withGpu);
    Files.writeString(
        config.resolve("groups.conf"), "[Main]\ndefault: roles\nautodir: $CFGDIR/groups.d\n");
    Inventory inventory = Inventories.load(InventoryFormat.CLUSH, "site.yaml", withGpu);
    for (String expression : EXPRESSIONS) {
      assertThat(inventory.select(expression).fold())
          .as(expression)
          .isEqualTo(clusterShell(config, expression));
    }
  }

  private static String clusterShell(Path config, String expression)
      throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder("nodeset", "-f", expression);
    builder.environment().put("CLUSTERSHELL_CFGDIR", config.toString());
    builder.redirectErrorStream(true);
    Process process = builder.start();
    try {
      String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("nodeset finished").isTrue();
      assertThat(process.exitValue()).as("nodeset " + expression + ": " + out).isZero();
      return out.strip();
    } finally {
      process.destroyForcibly();
    }
  }
}
