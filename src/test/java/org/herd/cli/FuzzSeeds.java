package org.herd.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.herd.debian.DebianVersion;
import org.herd.debian.PackageName;
import org.herd.plan.HostPlan;
import org.herd.plan.Plan;
import org.herd.plan.PlanBasis;
import org.herd.plan.PlanJson;
import org.herd.plan.PlanOptions;
import org.herd.plan.PlannedInstall;
import org.herd.plan.RebootPolicy;
import org.herd.plan.RebootRule;
import org.herd.recipe.RecipeCatalog;

/**
 * The valid documents the fuzz suite starts from and breaks: the documentation's example inventory,
 * the test fixtures of the other formats, the built-in recipes and a full user recipe, and a plan
 * file as {@code herd plan -o} writes it. Each is accepted as it is ({@code *FuzzProperties} check
 * that too), so a refusal of a broken one is the breakage's doing.
 */
final class FuzzSeeds {

  private FuzzSeeds() {}

  /** An inventory in one of herd's formats, as the file it is read from. */
  record Inventory(String format, String fileName, String text) {
    /** The {@code --inventory} value naming it, relative to the working directory. */
    String option() {
      return format + ":" + fileName;
    }

    @Override
    public String toString() {
      return format + ":" + fileName;
    }
  }

  /** docs/examples/site.yaml: every section of herd.yaml, with an ssh_config beside it. */
  static String site() {
    return file(Path.of("docs/examples/site.yaml"));
  }

  /** The ssh_config that site.yaml names, relative to itself. */
  static String siteSshConfig() {
    return file(Path.of("docs/examples/ssh_config"));
  }

  /** Every format herd reads inventories in. */
  static List<Inventory> inventories() {
    return List.of(
        new Inventory("herd", "site.yaml", site()),
        new Inventory("ansible", "hosts.ini", resource("/inventory/ansible-hosts.ini")),
        new Inventory("ansible", "hosts.yaml", resource("/inventory/ansible-hosts.yaml")),
        new Inventory("clush", "groups.yaml", resource("/inventory/clush-site.yaml")));
  }

  /** The built-in recipes and a user recipe with every key. */
  static List<String> recipes() {
    return List.of(
        RecipeCatalog.builtinText("generic"),
        RecipeCatalog.builtinText("etcd"),
        RecipeCatalog.builtinText("galera"),
        RecipeCatalog.builtinText("rabbitmq"),
        """
        name: kafka
        description: Apache Kafka brokers
        packages: [kafka, "kafka-*"]
        services: [kafka.service]
        budget: 25%
        health:
          member:
            - name: broker answers
              tcp: "{{address}}:9092"
              interval: 500ms
              stable-for: 10s
              deadline: 2m
          cluster:
            - command: kafka-topics --describe --under-replicated-partitions
              exit: 0
              stdout-matches: '^$'
              where: any
            - http: "http://{{address}}:8080/health"
              status: 204
              body-matches: "ok"
              where: each
        ok-to-stop:
          - command: curl -s localhost:9644/status
            json:
              /ready: "true"
              /name: "{{host}}"
        drain: kafka-leader-election --all --member {{host}}
        undrain:
          - echo back
          - command: "echo {{vars.site}}"
            where: each
            when: vars.site
        order:
          leader-last: kafka-controller {{members}}
        finalize:
          - kafka-features upgrade --release {{vars.release}}
        install: ahead
        in-turn: [kafka-server]
        """);
  }

  /**
   * The hosts of {@link #plan()}: members of site.yaml's rabbitmq and galera clusters and of its
   * web pool, so that a run of it reads clusters, recipes and waves.
   */
  static final List<String> PLAN_HOSTS = List.of("ctl1", "web01");

  /**
   * A plan file of {@link #PLAN_HOSTS}, each upgrading nginx, as {@code herd plan -o} writes it.
   */
  static String plan() {
    List<HostPlan> hosts = PLAN_HOSTS.stream().map(FuzzSeeds::nginxUpgrade).toList();
    return PlanJson.write(
        new Plan(
            Plan.FORMAT_VERSION,
            Instant.parse("2026-11-25T12:00:00Z"),
            "test",
            new PlanOptions(
                false, List.of(), List.of(PackageName.parse("redis")), false, RebootPolicy.NEVER),
            hosts));
  }

  private static HostPlan nginxUpgrade(String host) {
    List<PlannedInstall> installs =
        List.of(
            new PlannedInstall(
                PackageName.parse("nginx"),
                DebianVersion.parse("1.22.1-9"),
                DebianVersion.parse("1.22.1-9+deb12u1"),
                PlannedInstall.Action.UPGRADE,
                PlannedInstall.Classification.SECURITY,
                List.of("Debian-Security:12/bookworm-security"),
                List.of("nginx.service")));
    return new HostPlan(
        host,
        installs,
        List.of(),
        List.of(),
        List.of("held-pkg"),
        RebootRule.of(installs),
        PlanBasis.of(
            List.of(
                new PlanBasis.InstalledVersion(
                    PackageName.parse("nginx"), DebianVersion.parse("1.22.1-9")))),
        List.of(),
        true);
  }

  private static String file(Path path) {
    try {
      return Files.readString(path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String resource(String name) {
    try (InputStream in = FuzzSeeds.class.getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
