package org.herd.facts;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.herd.debian.AptSimulationParser;
import org.herd.debian.PackageName;
import org.herd.fleet.FanOut;
import org.herd.fleet.FanOutSettings;
import org.herd.fleet.FleetListener;
import org.herd.fleet.FleetResult;
import org.herd.fleet.HostResult;
import org.herd.fleet.OutputLine;
import org.herd.fleet.StreamKind;
import org.herd.transport.Endpoint;
import org.herd.transport.RemoteCommand;
import org.herd.transport.Transport;

/**
 * The second, narrower probe of {@code herd plan} ({@code selection.sh} beside this class): for
 * each host, the systemd service units of the packages it will upgrade, and, for a restricted plan,
 * what {@code apt-get -s install PACKAGE=VERSION...} would do with exactly the selected pins (so
 * the planner sees the dependencies a restriction broke). Hosts asking the same question are asked
 * with one fan-out.
 */
public final class SelectionProbe {

  private static final String SCRIPT = load();
  private static final Pattern END = Pattern.compile("@@end (\\d+)@@");

  private final FanOut fanOut;

  /** A probe over {@code transport}; the settings' output retention is forced on. */
  public SelectionProbe(Transport transport, FanOutSettings settings, Clock clock) {
    this.fanOut = new FanOut(transport, settings.withRetainOutput(true), clock);
  }

  /**
   * One host's question.
   *
   * @param packages installed packages whose service units to list
   * @param pins {@code package=version} to simulate installing; empty for no simulation
   */
  public record Question(List<PackageName> packages, List<String> pins) {
    public Question {
      packages = List.copyOf(packages);
      pins = List.copyOf(pins);
    }
  }

  /** The command that asks {@code question}. */
  static RemoteCommand command(Question question) {
    List<String> argv = new ArrayList<>(List.of("sh", "-c", SCRIPT, "herd-selection"));
    question.packages().forEach(p -> argv.add(p.toString()));
    if (!question.pins().isEmpty()) {
      argv.add("--");
      argv.addAll(question.pins());
    }
    return RemoteCommand.of(argv);
  }

  /** Asks every host its question; the answer of each host, by host name. */
  public Map<String, SelectionFacts> probe(Map<Endpoint, Question> questions)
      throws InterruptedException {
    Map<Question, List<Endpoint>> byQuestion = new LinkedHashMap<>();
    questions.forEach((host, q) -> byQuestion.computeIfAbsent(q, k -> new ArrayList<>()).add(host));
    Map<String, SelectionFacts> answers = new HashMap<>();
    for (Map.Entry<Question, List<Endpoint>> group : byQuestion.entrySet()) {
      FleetResult result =
          fanOut.run(group.getValue(), command(group.getKey()), FleetListener.NONE);
      for (HostResult host : result.results()) {
        String stdout =
            host.lines(StreamKind.STDOUT).stream()
                .map(OutputLine::text)
                .collect(Collectors.joining("\n", "", "\n"));
        answers.put(host.host(), parse(stdout, !group.getKey().pins().isEmpty(), host));
      }
    }
    return answers;
  }

  /** Reads the script's output; never throws. */
  static SelectionFacts parse(String stdout, boolean simulated, HostResult host) {
    String[] lines = stdout.split("\n", -1);
    Map<PackageName, List<String>> units = new HashMap<>();
    StringBuilder simulation = new StringBuilder();
    String section = null;
    boolean ended = false;
    for (String line : lines) {
      Matcher end = END.matcher(line);
      if (line.equals("@@units@@")) {
        section = "units";
      } else if (line.equals("@@simulate@@")) {
        section = "simulate";
      } else if (end.matches()) {
        ended = true;
        section = null;
      } else if ("units".equals(section)) {
        String[] f = line.split(" ");
        if (f.length == 2 && PackageName.isValid(f[0])) {
          units.computeIfAbsent(PackageName.parse(f[0]), k -> new ArrayList<>()).add(f[1]);
        }
      } else if ("simulate".equals(section)) {
        simulation.append(line).append('\n');
      }
    }
    if (!ended) {
      return SelectionFacts.failed(
          host == null ? "no selection probe output" : host.outcome().describe());
    }
    return new SelectionFacts(
        units, simulated ? AptSimulationParser.parse(simulation.toString()).value() : null, null);
  }

  private static String load() {
    try (InputStream in = SelectionProbe.class.getResourceAsStream("selection.sh")) {
      if (in == null) {
        throw new IllegalStateException("selection script missing from the jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
