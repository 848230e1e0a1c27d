package org.herd.ops;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.herd.debian.DebianVersion;
import org.herd.debian.DpkgState;
import org.herd.debian.InstalledPackage;
import org.herd.debian.KernelStatus;
import org.herd.debian.OsRelease;
import org.herd.debian.PackageName;
import org.herd.debian.PolicyRcd;
import org.herd.engine.Sleeper;
import org.herd.facts.DpkgHealth;
import org.herd.facts.HostFacts;
import org.herd.facts.PolicyFacts;
import org.herd.facts.ProbeInfo;
import org.herd.facts.RebootFacts;
import org.herd.facts.RestartFacts;
import org.herd.facts.SystemFacts;
import org.herd.facts.UpgradeFacts;
import org.herd.facts.UpgradeFacts.PendingUpgrade;
import org.herd.inventory.InventoryFormat;
import org.herd.inventory.InventoryRef;
import org.herd.journal.Journal;
import org.herd.journal.JournalLocation;
import org.herd.journal.RunId;
import org.herd.journal.RunSpec;
import org.herd.journal.StepOutcome;
import org.herd.journal.StoredFacts;

/**
 * A small site for the tests of what {@code herd serve} shows: an inventory (a Galera cluster of
 * three with a {@code packages} variable, two web hosts, two waves), a real journal with facts
 * saved as {@code herd status} saves them, and runs written through the journal API. Used by the
 * ops read-model tests and by {@code ServeIT}.
 */
public final class ServeFixture implements AutoCloseable {

  public static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

  public static final String INVENTORY =
      """
      hosts:
        db[1-3]:
        web[1-2]:
      groups:
        web: web[1-2]
      clusters:
        galera:
          members: db[1-3]
          recipe: galera
          budget: 1
          vars:
            packages: [mariadb-server]
      waves:
        - name: canary
          nodes: [web1]
          soak: 0
        - name: production
          nodes: "@*"
          soak: 0
      """;

  public final Path dir;
  public final Path inventory;
  public final JournalLocation location;
  public final Journal journal;
  public final Workspace workspace;

  /** A site in {@code dir} over an SQLite journal there. */
  public ServeFixture(Path dir) throws Exception {
    this(dir, JournalLocation.parse(dir.resolve("journal.db").toString()));
  }

  /** A site in {@code dir} over the journal at {@code location}. */
  public ServeFixture(Path dir, JournalLocation location) throws Exception {
    this.dir = dir;
    this.inventory = dir.resolve("herd.yaml");
    Files.writeString(inventory, INVENTORY);
    this.location = location;
    this.journal = Journal.open(location, Clock.systemUTC());
    this.workspace = workspace(dir, Optional.of(inventory));
  }

  /** A workspace over {@code inventory}, reaching no host. */
  public static Workspace workspace(Path dir, Optional<Path> inventory) {
    return new Workspace(
        new Workspace.Sources(
            inventory.map(p -> new InventoryRef(InventoryFormat.HERD, p, p.toString())),
            List.of(),
            dir,
            Map.of("USER", "tester", "HOME", dir.toString())),
        ConnectSettings.INVENTORY,
        kinds -> {
          throw new IllegalStateException("these tests reach no host");
        },
        Clock.fixed(T0.plus(Duration.ofHours(1)), ZoneOffset.UTC),
        Sleeper.SYSTEM);
  }

  /**
   * Saves the site's facts: db1 and db2 run mariadb 10.11.6, db3 10.11.4 (skew), with one security
   * upgrade pending on db3 and web1; web1 needs a reboot; web2 was never probed.
   */
  public void saveFacts() throws Exception {
    ObjectMapper mapper = new ObjectMapper();
    List<StoredFacts> stored = new ArrayList<>();
    stored.add(facts(mapper, "db1", "1:10.11.6-0+deb12u1", false, false));
    stored.add(facts(mapper, "db2", "1:10.11.6-0+deb12u1", false, false));
    stored.add(facts(mapper, "db3", "1:10.11.4-1~deb12u1", true, false));
    stored.add(facts(mapper, "web1", null, true, true));
    journal.saveFacts(stored);
  }

  private static StoredFacts facts(
      ObjectMapper mapper, String host, String mariadb, boolean securityPending, boolean reboot)
      throws Exception {
    List<PendingUpgrade> pending =
        securityPending
            ? List.of(
                new PendingUpgrade(
                    PackageName.parse("openssl"),
                    DebianVersion.parse("3.0.11-1~deb12u1"),
                    DebianVersion.parse("3.0.11-1~deb12u2"),
                    true,
                    List.of()))
            : List.of();
    List<InstalledPackage> packages =
        mariadb == null
            ? List.of()
            : List.of(
                new InstalledPackage(
                    PackageName.parse("mariadb-server"),
                    "amd64",
                    DebianVersion.parse(mariadb),
                    (DpkgState) null));
    HostFacts facts =
        new HostFacts(
            new ProbeInfo(1, 0, "root", host, T0.toString(), List.of("apt-get"), true),
            new OsRelease("debian", "12", "bookworm", "Debian GNU/Linux 12 (bookworm)", null),
            new SystemFacts("amd64", List.of(), "x86_64", "6.1.0-18-amd64", "#1 SMP", "b", 10),
            null,
            new UpgradeFacts(
                pending,
                pending.size(),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of()),
            new RebootFacts(reboot, reboot, List.of(), KernelStatus.Verdict.CURRENT),
            new RestartFacts(RestartFacts.Source.PROC_SCAN, List.of(), List.of(), List.of()),
            new DpkgHealth(List.of(), List.of()),
            List.of(),
            new PolicyFacts(
                new PolicyRcd(PolicyRcd.Kind.ABSENT, null), List.of(), List.of(), null, false),
            packages,
            mariadb == null ? List.of("mariadb-server") : List.of(),
            List.of(),
            List.of());
    return new StoredFacts(host, T0, mapper.writeValueAsString(facts));
  }

  /** A plan, as {@code herd plan -o} writes it, upgrading nginx on {@code hosts}. */
  public static String planJson(String... hosts) {
    List<org.herd.plan.HostPlan> plans = new ArrayList<>();
    for (String host : hosts) {
      List<org.herd.plan.PlannedInstall> installs =
          List.of(
              new org.herd.plan.PlannedInstall(
                  PackageName.parse("nginx"),
                  DebianVersion.parse("1.22.1-9"),
                  DebianVersion.parse("1.22.1-9+deb12u1"),
                  org.herd.plan.PlannedInstall.Action.UPGRADE,
                  org.herd.plan.PlannedInstall.Classification.SECURITY,
                  List.of("Debian-Security:12/bookworm-security"),
                  List.of("nginx.service")));
      plans.add(
          new org.herd.plan.HostPlan(
              host,
              installs,
              List.of(),
              List.of(),
              List.of(),
              org.herd.plan.RebootRule.of(installs),
              org.herd.plan.PlanBasis.of(
                  List.of(
                      new org.herd.plan.PlanBasis.InstalledVersion(
                          PackageName.parse("nginx"), DebianVersion.parse("1.22.1-9")))),
              List.of(),
              true));
    }
    return org.herd.plan.PlanJson.write(
        new org.herd.plan.Plan(
            org.herd.plan.Plan.FORMAT_VERSION,
            T0,
            "test",
            new org.herd.plan.PlanOptions(
                false, List.of(), List.of(), false, org.herd.plan.RebootPolicy.NEVER),
            plans));
  }

  /**
   * A run over the galera cluster and web1: db1 done (all steps, verify last), db2 installing now
   * (out of service), db3 waiting, web1 failed at install with dpkg's output.
   */
  public RunId runningRun() {
    RunId run =
        journal.createRun(
            new RunSpec(
                "herd apply plan.json",
                List.of("db1", "db2", "db3", "web1"),
                planJson("db1", "db2", "db3", "web1"),
                "alice@ops1"));
    for (String host : List.of("db1", "db2", "db3", "web1")) {
      journal.stepStarted(run, host, "download");
      journal.stepFinished(run, host, "download", StepOutcome.CHANGED, "");
    }
    for (String step :
        List.of("precheck", "drain", "guard", "install", "restart", "reboot", "health")) {
      journal.stepStarted(run, "db1", step);
      journal.stepFinished(run, "db1", step, StepOutcome.OK, "");
    }
    for (String step : List.of("undrain", "unguard", "verify")) {
      journal.stepStarted(run, "db1", step);
      journal.stepFinished(run, "db1", step, StepOutcome.OK, "");
    }
    for (String step : List.of("precheck", "drain", "guard")) {
      journal.stepStarted(run, "db2", step);
      journal.stepFinished(run, "db2", step, StepOutcome.OK, "");
    }
    journal.stepStarted(run, "db2", "install");
    journal.stepStarted(run, "web1", "precheck");
    journal.stepFinished(run, "web1", "precheck", StepOutcome.OK, "");
    journal.stepStarted(run, "web1", "install");
    journal.stepFinished(
        run,
        "web1",
        "install",
        StepOutcome.FAILED,
        "Setting up nginx (1.22.1-9+deb12u1) ...\ndpkg: error processing package nginx"
            + " (--configure):\n installed nginx package post-installation script subprocess"
            + " returned error exit status 1");
    return run;
  }

  @Override
  public void close() {
    journal.close();
  }
}
