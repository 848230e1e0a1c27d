package org.herd.engine;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.herd.recipe.Check;
import org.herd.recipe.Probe;
import org.herd.recipe.RecipeException;
import org.herd.recipe.Template;

/**
 * Runs a recipe's checks on a cluster's members: once ({@link #once}, for gates asked "right now")
 * or patiently ({@link #await}: every interval, until the check has passed continuously for its
 * stable-for time, or its deadline passes). Time comes from the injected clock and sleeper, so
 * tests never wait.
 *
 * <p>A check's scope picks the members: {@code self} the member concerned, {@code any} the first
 * member that passes (in inventory order), {@code each} every member (all at once). A failure is
 * one line: the member, the check, what was seen, and the tail of the command's output.
 */
public final class RecipeChecks {

  /** How long one probe may take. */
  static final Duration PROBE_TIMEOUT = Duration.ofSeconds(60);

  private static final ObjectMapper JSON = new ObjectMapper();

  private final HostProbes probes;
  private final Clock clock;
  private final Sleeper sleeper;
  private final java.util.concurrent.ConcurrentMap<String, Instant> passedAt =
      new java.util.concurrent.ConcurrentHashMap<>();

  /** Runs a check's probes on all members at once; idle threads end after a minute. */
  private final java.util.concurrent.ExecutorService members =
      java.util.concurrent.Executors.newCachedThreadPool(
          task -> {
            Thread thread = new Thread(task, "herd-check");
            thread.setDaemon(true);
            return thread;
          });

  /** Checks run through {@code probes}, timed by {@code clock} and {@code sleeper}. */
  public RecipeChecks(HostProbes probes, Clock clock, Sleeper sleeper) {
    this.probes = probes;
    this.clock = clock;
    this.sleeper = sleeper;
  }

  /** The probes the checks run through (recipe commands use them too). */
  HostProbes probes() {
    return probes;
  }

  /** Runs {@code check} once, for {@code self} (a member, or null for cluster-wide checks). */
  public GateVerdict once(ClusterBinding cluster, Check check, String self) {
    if (check.when().isPresent()
        && !cluster.context(firstOr(cluster, self)).has(check.when().get())) {
      return GateVerdict.PASS;
    }
    return switch (check.where()) {
      case SELF -> onMember(cluster, check, firstOr(cluster, self));
      case ANY -> anyMember(cluster, check);
      case EACH -> eachMember(cluster, check);
    };
  }

  /**
   * The verdict of {@code check} right now, as {@link #once}, unless {@link #await} saw it pass
   * within {@code fresh}: then that pass stands, without asking the hosts again. The scheduler's
   * gate is asked just after the member that came back passed the same cluster checks: asking again
   * tells nothing new and costs a round trip per member.
   */
  public GateVerdict recent(ClusterBinding cluster, Check check, String self, Duration fresh) {
    Instant passed = passedAt.get(key(cluster, check, self));
    if (passed != null && Duration.between(passed, clock.instant()).compareTo(fresh) <= 0) {
      return GateVerdict.PASS;
    }
    return once(cluster, check, self);
  }

  private static String key(ClusterBinding cluster, Check check, String self) {
    return cluster.cluster() + "\0" + check.name() + "\0" + check.where() + "\0" + self;
  }

  /**
   * Runs {@code check} until it has passed for its stable-for time, trying every interval; fails
   * with the last reason once its deadline passes.
   */
  public GateVerdict await(ClusterBinding cluster, Check check, String self)
      throws InterruptedException {
    Instant start = clock.instant();
    Instant passingSince = null;
    GateVerdict last;
    while (true) {
      last = once(cluster, check, self);
      Instant now = clock.instant();
      if (last.passed()) {
        passingSince = passingSince == null ? now : passingSince;
        if (!Duration.between(passingSince, now).minus(check.timing().stableFor()).isNegative()) {
          if (check.where() != org.herd.recipe.CheckScope.SELF) {
            passedAt.put(key(cluster, check, null), now);
          }
          return GateVerdict.PASS;
        }
      } else {
        passingSince = null;
      }
      if (!Duration.between(start, now).minus(check.timing().deadline()).isNegative()) {
        String why =
            last instanceof GateVerdict.Fail fail
                ? fail.reason()
                : "passing for less than " + seconds(check.timing().stableFor());
        return new GateVerdict.Fail(
            check.name() + ": not passed after " + seconds(check.timing().deadline()) + ": " + why);
      }
      sleeper.sleep(check.timing().interval());
    }
  }

  private GateVerdict anyMember(ClusterBinding cluster, Check check) {
    List<String> reasons = new ArrayList<>();
    for (String member : cluster.members()) {
      GateVerdict verdict = onMember(cluster, check, member);
      if (verdict.passed()) {
        return verdict;
      }
      reasons.add(((GateVerdict.Fail) verdict).reason());
    }
    return new GateVerdict.Fail(
        reasons.isEmpty() ? check.name() + ": the cluster has no members" : reasons.get(0));
  }

  /**
   * Runs the check on every member at once (a round trip for the cluster, not one per member);
   * fails with the first member in inventory order that fails.
   */
  private GateVerdict eachMember(ClusterBinding cluster, Check check) {
    List<java.util.concurrent.CompletableFuture<GateVerdict>> answers = new ArrayList<>();
    for (String member : cluster.members()) {
      answers.add(
          java.util.concurrent.CompletableFuture.supplyAsync(
              () -> onMember(cluster, check, member), members));
    }
    GateVerdict verdict = GateVerdict.PASS;
    for (var answer : answers) {
      GateVerdict one = answer.join();
      if (verdict.passed() && !one.passed()) {
        verdict = one;
      }
    }
    return verdict;
  }

  private GateVerdict onMember(ClusterBinding cluster, Check check, String member) {
    String prefix = member + ": " + check.name() + ": ";
    try {
      String why = probe(cluster, check.probe(), member);
      return why == null ? GateVerdict.PASS : new GateVerdict.Fail(prefix + why);
    } catch (RecipeException e) {
      return new GateVerdict.Fail(prefix + e.getMessage());
    }
  }

  /** Why the probe fails on {@code member}, or null when it passes. */
  private String probe(ClusterBinding cluster, Probe probe, String member) {
    var context = cluster.context(member);
    if (probe instanceof Probe.Command command) {
      String line = command.command().render(context, Template.Quoting.SHELL);
      ProbeAnswer answer = probes.command(member, line, PROBE_TIMEOUT);
      if (!(answer instanceof ProbeAnswer.Ran ran)) {
        return "unreachable: " + ((ProbeAnswer.Unreachable) answer).reason();
      }
      if (ran.code() != command.exitCode()) {
        return "exit " + ran.code() + " (expected " + command.exitCode() + ")" + tail(ran);
      }
      for (Map.Entry<String, Template> expected : command.json().entrySet()) {
        String want = expected.getValue().render(context, Template.Quoting.RAW);
        String got = jsonValue(ran.stdout(), expected.getKey());
        if (!want.equals(got)) {
          return expected.getKey() + " is " + got + ", expected " + want;
        }
      }
      for (Template regex : command.stdoutMatches()) {
        String pattern = regex.render(context, Template.Quoting.REGEX);
        if (!Pattern.compile(pattern, Pattern.MULTILINE).matcher(ran.stdout()).find()) {
          return "output does not match " + regex.text() + tail(ran);
        }
      }
      return null;
    }
    if (probe instanceof Probe.Tcp tcp) {
      String address = tcp.address().render(context, Template.Quoting.RAW);
      ProbeAnswer answer = probes.tcp(address, PROBE_TIMEOUT);
      if (answer instanceof ProbeAnswer.Ran ran && ran.code() == 0) {
        return null;
      }
      return "no TCP connection to " + address + ": " + why(answer);
    }
    Probe.Http http = (Probe.Http) probe;
    String url = http.url().render(context, Template.Quoting.RAW);
    ProbeAnswer answer = probes.http(url, PROBE_TIMEOUT);
    if (!(answer instanceof ProbeAnswer.Ran ran)) {
      return "GET " + url + ": " + why(answer);
    }
    if (ran.code() != http.status()) {
      return "GET " + url + ": status " + ran.code() + " (expected " + http.status() + ")";
    }
    if (http.bodyMatches().isPresent()) {
      String pattern = http.bodyMatches().get().render(context, Template.Quoting.REGEX);
      if (!Pattern.compile(pattern, Pattern.MULTILINE).matcher(ran.stdout()).find()) {
        return "GET " + url + ": body does not match " + http.bodyMatches().get().text();
      }
    }
    return null;
  }

  private static String jsonValue(String text, String pointer) {
    try {
      JsonNode node = JSON.readTree(text).at(JsonPointer.compile(pointer));
      if (node.isMissingNode()) {
        return "missing";
      }
      return node.isValueNode() ? node.asText() : node.toString();
    } catch (IOException | IllegalArgumentException e) {
      return "not JSON";
    }
  }

  private static String why(ProbeAnswer answer) {
    return answer instanceof ProbeAnswer.Ran ran
        ? ran.stderr()
        : ((ProbeAnswer.Unreachable) answer).reason();
  }

  /** {@code ": LAST | LINES"} of a command's output, or nothing when it printed nothing. */
  static String tail(ProbeAnswer.Ran ran) {
    String text = tailOf(ran.stdout() + "\n" + ran.stderr());
    return text.isEmpty() ? "" : ": " + text;
  }

  /** The last five non-blank lines of {@code output}, on one line, at most 300 characters. */
  static String tailOf(String output) {
    List<String> lines = output.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    String text = String.join(" | ", lines.subList(Math.max(0, lines.size() - 5), lines.size()));
    return text.length() > 300 ? "…" + text.substring(text.length() - 299) : text;
  }

  private static String firstOr(ClusterBinding cluster, String self) {
    if (self != null) {
      return self;
    }
    return cluster.members().isEmpty() ? "" : cluster.members().get(0);
  }

  private static String seconds(Duration duration) {
    return duration.toMillis() % 1000 == 0
        ? duration.toSeconds() + " s"
        : duration.toMillis() + " ms";
  }
}
