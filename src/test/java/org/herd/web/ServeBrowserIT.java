package org.herd.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.herd.cli.CliRunner;
import org.herd.cli.LabDpkg;
import org.herd.lab.LabExtension;
import org.herd.lab.LabHost;
import org.herd.lab.PristineHosts;
import org.herd.lab.Suite;
import org.herd.lab.TestLab;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * The web view in Debian's chromium, against a real {@code herd serve} (the built jar) and a real
 * run on a lab host: the pages render; applying a plan from the page is refused without a token and
 * starts the run with one; the run's page follows it live, its install held in dpkg, to its end;
 * the fleet and the host's history show what the run did. Screenshots go to target/screenshots
 * (docs/serve.md shows copies).
 */
@ExtendWith(LabExtension.class)
class ServeBrowserIT {

  private static final String TOKEN = "browser-operator-0123456789abcdef";
  private static final Duration WAIT = Duration.ofMinutes(3);
  private static final Path SHOTS = Path.of("target/screenshots");

  @TempDir Path dir;

  private Map<String, String> env() {
    return Map.of("HOME", dir.toString(), "HERD_JOURNAL", dir.resolve("journal.db").toString());
  }

  private CliRunner.Result herd(TestLab lab, String... args) {
    String[] all = new String[args.length + 2];
    all[0] = "--inventory";
    all[1] = lab.inventory().toString();
    System.arraycopy(args, 0, all, 2, args.length);
    return new CliRunner(dir, env()).run(all);
  }

  @Test
  @PristineHosts({3})
  void aRunStartedFromThePageIsFollowedLiveToItsEnd(TestLab lab) throws Exception {
    LabHost host = lab.host(3);
    try (Browser browser = Browser.start()) {
      lab.sh(host, "apt-get install -y -q herd-lab-service >/dev/null 2>&1");
      lab.lab().suite(lab.name(), Suite.NEW);
      lab.sh(host, "apt-get update -q >/dev/null");
      CliRunner.Result status = herd(lab, "status", host.name());
      assertThat(status.exitCode()).as(status.out() + status.err()).isZero();
      CliRunner.Result planned = herd(lab, "plan", host.name(), "-o", "plan.json");
      assertThat(planned.exitCode()).as(planned.out() + planned.err()).isZero();
      LabDpkg.installHook(lab, host);
      LabDpkg.hold(lab, host);
      try (ServeProcess serve =
          ServeProcess.start(dir, env(), lab.inventory(), "browser-operator", TOKEN)) {
        WebDriver page = browser.driver();

        // The fleet, as herd status saved it.
        page.get(serve.url() + "/#/fleet");
        WebElement row =
            browser.await(d -> first(d, By.cssSelector("tr.fleet-row td.hosts")), WAIT);
        assertThat(row.getText()).isEqualTo(host.name());
        assertThat(page.findElement(By.id("collected")).getText()).contains("collected");
        browser.screenshot(SHOTS.resolve("serve-fleet.png"));

        // Clusters: the lab has none, and says so with an empty table.
        page.get(serve.url() + "/#/clusters");
        browser.await(d -> first(d, By.cssSelector("main h1")), WAIT);
        assertThat(page.findElement(By.cssSelector("main h1")).getText()).isEqualTo("clusters");

        // Applying the reviewed plan without a token is refused, and nothing starts.
        page.get(serve.url() + "/#/runs");
        WebElement file = browser.await(d -> first(d, By.cssSelector("#apply-form input")), WAIT);
        file.sendKeys(dir.resolve("plan.json").toAbsolutePath().toString());
        page.findElement(By.cssSelector("#apply-form button")).click();
        WebElement refused =
            browser.await(d -> first(d, By.cssSelector("#apply-form .error")), WAIT);
        assertThat(refused.getText()).contains("actions need 'Authorization: Bearer TOKEN'");
        assertThat(page.findElements(By.cssSelector("tr.run-row"))).isEmpty();

        // With the token, it starts (with herd apply's --serial 1), and the page goes to the run.
        page.findElement(By.id("token")).sendKeys(TOKEN);
        page.findElement(By.cssSelector("#token-form button")).click();
        page.findElement(By.cssSelector("#apply-form input[name=serial]")).sendKeys("1");
        page.findElement(By.cssSelector("#apply-form button")).click();
        browser.await(d -> d.getCurrentUrl().contains("#/runs/2") ? true : null, WAIT);

        // Live: the install shows while dpkg is held on the host.
        LabDpkg.awaitHeld(lab, host);
        awaitText(browser, By.cssSelector("tr.host-row td.current"), "install");
        awaitText(browser, By.id("run-state"), "running");
        browser.await(
            d -> d.findElements(By.cssSelector("#timeline rect.running")).size() == 1, WAIT);
        browser.screenshot(SHOTS.resolve("serve-run-live.png"));

        // Let dpkg end: the page follows the run to its end without being reloaded.
        LabDpkg.release(lab, host);
        awaitText(browser, By.id("run-state"), "succeeded");
        awaitText(browser, By.cssSelector("tr.host-row td.state"), "succeeded");
        awaitText(browser, By.cssSelector("tr.asked-row td"), "start");
        browser.await(
            d ->
                d.findElements(By.cssSelector("#timeline rect.running")).isEmpty()
                    && d.findElements(By.cssSelector("#timeline rect")).size() > 5,
            WAIT);
        browser.screenshot(SHOTS.resolve("serve-run-done.png"));

        // The runs page lists it, with the option it was started with (kept for resumes).
        page.get(serve.url() + "/#/runs");
        WebElement listed = browser.await(d -> first(d, By.cssSelector("tr.run-row")), WAIT);
        assertThat(listed.getText()).contains("succeeded").contains("herd serve: apply --serial 1");

        // The host's history: the package the run moved, and who started it.
        page.get(serve.url() + "/#/history/" + host.name());
        WebElement change = browser.await(d -> first(d, By.cssSelector("tr.change-row")), WAIT);
        assertThat(change.getText())
            .contains("browser-operator via")
            .contains("herd-lab-service")
            .contains("1.0-2");
        browser.screenshot(SHOTS.resolve("serve-history.png"));
      }
    } finally {
      LabDpkg.removeHook(lab, host);
      lab.lab().suite(lab.name(), Suite.OLD);
    }
  }

  /** Waits until the first element {@code by} finds reads {@code expected}. */
  private static void awaitText(Browser browser, By by, String expected) {
    try {
      browser.await(d -> text(d, by).equals(expected), Duration.ofMinutes(5));
    } catch (org.openqa.selenium.TimeoutException e) {
      throw new AssertionError(
          by + " never read '" + expected + "'; it reads '" + text(browser.driver(), by) + "'", e);
    }
  }

  /** The first element {@code by} finds, or null (so that a wait goes on). */
  private static WebElement first(WebDriver page, By by) {
    return page.findElements(by).stream().findFirst().orElse(null);
  }

  /** The text of the first element {@code by} finds, or "" when there is none yet. */
  private static String text(WebDriver page, By by) {
    WebElement element = first(page, by);
    return element == null ? "" : element.getText();
  }
}
