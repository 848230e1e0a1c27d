package org.herd.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.herd.plan.SamplePlans.plan;
import static org.herd.plan.SamplePlans.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The plan file: round trip, determinism, sorted keys, and the files it refuses. */
class PlanJsonTest {

  @Test
  void aPlanSurvivesTheRoundTripUnchanged() {
    Plan plan = plan(web("web2"), web("web1"));

    Plan read = PlanJson.read(PlanJson.write(plan));

    assertThat(read).isEqualTo(plan);
    assertThat(read.hosts()).extracting(HostPlan::host).containsExactly("web1", "web2");
  }

  @Test
  void theSamePlanGivesTheSameBytesWhateverTheOrderOfItsParts() {
    String one = PlanJson.write(plan(web("a"), web("b")));
    String other = PlanJson.write(plan(web("b"), web("a")));

    assertThat(one).isEqualTo(other).endsWith("}\n");
  }

  @Test
  void keysAreSortedAtEveryLevel() throws Exception {
    JsonNode tree = new ObjectMapper().readTree(PlanJson.write(plan(web("a"))));

    assertSorted(tree, "$");
    assertThat(tree.get("formatVersion").asInt()).isEqualTo(2);
    assertThat(tree.get("created").asText()).isEqualTo("2026-11-25T12:00:00Z");
    JsonNode host = tree.get("hosts").get(0);
    assertThat(host.get("executable").asBoolean()).isTrue();
    assertThat(host.get("installs").get(0).get("pkg").asText()).isEqualTo("etcd-server");
    assertThat(host.get("installs").get(1).get("installed").isNull()).isTrue();
    assertThat(host.get("basis").get("digest").asText()).startsWith("sha256:");
  }

  private static void assertSorted(JsonNode node, String path) {
    if (node.isObject()) {
      List<String> names = new ArrayList<>();
      Iterator<String> it = node.fieldNames();
      it.forEachRemaining(names::add);
      assertThat(names).as(path).isSorted();
      names.forEach(n -> assertSorted(node.get(n), path + "." + n));
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        assertSorted(node.get(i), path + "[" + i + "]");
      }
    }
  }

  @Test
  void anotherFormatVersionIsRefusedBeforeAnythingElseIsRead() {
    String json = "{\"formatVersion\": 3, \"whatever\": true}";

    assertThatThrownBy(() -> PlanJson.read(json))
        .isInstanceOf(PlanFormatException.class)
        .hasMessage("format version 3 is not supported (this herd reads versions 1 to 2)");
  }

  @Test
  void conffilesAreWrittenWithTheirActionAndWhatDpkgLeavesBehind() throws Exception {
    JsonNode host = new ObjectMapper().readTree(PlanJson.write(plan(web("a")))).get("hosts").get(0);

    JsonNode conffiles = host.get("conffiles");
    assertThat(conffiles.get("unknown").isNull()).isTrue();
    assertThat(conffiles.get("dpkgOptions").toString())
        .isEqualTo("[\"--force-confdef\",\"--force-confold\"]");
    JsonNode kept = conffiles.get("changes").get(1);
    assertThat(kept.get("path").asText()).isEqualTo("/etc/nginx/nginx.conf");
    assertThat(kept.get("action").asText()).isEqualTo("KEEP_LOCAL");
    assertThat(kept.get("leftBehind").asText()).isEqualTo("/etc/nginx/nginx.conf.dpkg-dist");
    assertThat(conffiles.get("unexamined").get(0).get("pkg").asText()).isEqualTo("etcd-server");
  }

  @Test
  void aPlanOfFormatOneIsReadWithItsConffilesUnknown() {
    HostPlan host = web("a");
    String current = PlanJson.write(plan(host));
    String formatOne =
        current
            .replace("\"formatVersion\" : 2", "\"formatVersion\" : 1")
            .replaceAll("(?s)\"conffiles\" : \\{.*?\"unknown\" : null\\s*},\\s*", "");
    assertThat(formatOne).doesNotContain("conffiles").contains("\"formatVersion\" : 1");

    Plan read = PlanJson.read(formatOne);

    assertThat(read.formatVersion()).isEqualTo(Plan.FORMAT_VERSION);
    HostPlan readHost = read.hosts().get(0);
    assertThat(readHost.conffiles())
        .isEqualTo(ConffileOutlook.unknown("not recorded in plans of format 1"));
    assertThat(readHost.pins()).isEqualTo(host.pins());
    assertThat(readHost.basis()).isEqualTo(host.basis());
  }

  @Test
  void textThatIsNotAPlanIsRefusedWithWhy() {
    assertThatThrownBy(() -> PlanJson.read("not json"))
        .isInstanceOf(PlanFormatException.class)
        .hasMessageStartingWith("not JSON: ");
    assertThatThrownBy(() -> PlanJson.read("[1]"))
        .isInstanceOf(PlanFormatException.class)
        .hasMessage("not a plan: the file is not a JSON object");
    assertThatThrownBy(() -> PlanJson.read("[".repeat(1001) + "]".repeat(1001)))
        .isInstanceOf(PlanFormatException.class)
        .hasMessage("not JSON: Document nesting depth (1001) exceeds the maximum allowed (1000)");
    assertThatThrownBy(() -> PlanJson.read(PlanJson.write(plan(web("a"))) + "{}"))
        .isInstanceOf(PlanFormatException.class)
        .hasMessage("not JSON: something follows the plan's closing brace");
    assertThatThrownBy(() -> PlanJson.read(PlanJson.write(plan(web("a"))) + "\u0000"))
        .isInstanceOf(PlanFormatException.class)
        .hasMessageStartingWith("not JSON: Illegal character ((CTRL-CHAR, code 0))");
    assertThatThrownBy(() -> PlanJson.read("{\"hosts\": []}"))
        .isInstanceOf(PlanFormatException.class)
        .hasMessage("not a plan: no formatVersion");
  }

  @Test
  void aTamperedBasisIsRefused() {
    String json = PlanJson.write(plan(web("a"))).replace("\"1.22.1-9\"", "\"1.22.1-8\"");

    assertThatThrownBy(() -> PlanJson.read(json))
        .isInstanceOf(PlanFormatException.class)
        .hasMessageContaining("basis digest");
  }

  @Test
  void anInvalidPackageNameIsRefused() {
    String json = PlanJson.write(plan(web("a"))).replace("\"nginx\"", "\"Nginx; rm -rf /\"");

    assertThatThrownBy(() -> PlanJson.read(json))
        .isInstanceOf(PlanFormatException.class)
        .hasMessageContaining("invalid plan");
  }

  @Test
  void theRebootPolicySurvivesTheRoundTripAndEachHostsDecisionIsWritten() throws Exception {
    Plan plan = withReboot(plan(web("a"), kernel("b")), RebootPolicy.IF_REQUIRED);

    String json = PlanJson.write(plan);

    assertThat(PlanJson.read(json)).isEqualTo(plan);
    JsonNode tree = new ObjectMapper().readTree(json);
    assertThat(tree.at("/options/reboot").asText()).isEqualTo("IF_REQUIRED");
    assertThat(tree.at("/rebootDecisions/a/verdict").asText()).isEqualTo("IF_FLAGGED");
    assertThat(tree.at("/rebootDecisions/b/verdict").asText()).isEqualTo("YES");
    assertThat(tree.at("/rebootDecisions/b/why").asText())
        .isEqualTo("linux-image-6.1.0-30-amd64: kernel");
  }

  @Test
  void aPlanFileWrittenBeforeTheRebootOptionNeverReboots() throws Exception {
    ObjectMapper mapper = new ObjectMapper();
    ObjectNode old = (ObjectNode) mapper.readTree(PlanJson.write(plan(web("a"))));
    old.remove("rebootDecisions");
    ((ObjectNode) old.get("options")).remove("reboot");

    Plan read = PlanJson.read(mapper.writeValueAsString(old));

    assertThat(read.options().reboot()).isEqualTo(RebootPolicy.NEVER);
    assertThat(read).isEqualTo(plan(web("a")));
  }

  @Test
  void theDecisionsAreDerivedSoEditingThemChangesNothing() {
    Plan plan = withReboot(plan(web("a")), RebootPolicy.ALWAYS);
    String edited = PlanJson.write(plan).replace("\"YES\"", "\"NO\"");

    assertThat(PlanJson.read(edited).rebootDecisions().get("a").verdict())
        .isEqualTo(RebootDecision.Verdict.YES);
  }

  @Test
  void anUnknownRebootPolicyIsRefused() {
    String json = PlanJson.write(plan(web("a"))).replace("\"NEVER\"", "\"SOMETIMES\"");

    assertThatThrownBy(() -> PlanJson.read(json))
        .isInstanceOf(PlanFormatException.class)
        .hasMessageStartingWith("invalid plan");
  }

  private static Plan withReboot(Plan plan, RebootPolicy policy) {
    return new Plan(
        plan.formatVersion(),
        plan.created(),
        plan.herdVersion(),
        plan.options().withReboot(policy),
        plan.hosts());
  }

  private static HostPlan kernel(String host) {
    HostPlan web = web(host);
    List<PlannedInstall> installs =
        List.of(SamplePlans.upgrade("linux-image-6.1.0-30-amd64", null, "6.1.124-1", true));
    return new HostPlan(
        host,
        installs,
        List.of(),
        List.of(),
        List.of(),
        RebootRule.of(installs),
        PlanBasis.of(
            List.of(
                new PlanBasis.InstalledVersion(
                    SamplePlans.pkg("linux-image-6.1.0-30-amd64"), null))),
        List.of(),
        web.servicesKnown());
  }
}
