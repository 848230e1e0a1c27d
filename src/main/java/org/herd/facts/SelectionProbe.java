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
 * the planner sees the dependencies a restriction broke), and the MD5 sums of the conffiles of the
 * packages to upgrade: recorded by dpkg, shipped by the candidate .deb (downloaded on the host, see
 * docs/planning.md) and on disk. Hosts asking the same question are asked with one fan-out.
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
   * @param conffiles {@code package=version} of the packages to upgrade whose conffiles to compare
   *     with those of that version (the script skips packages without conffiles); empty to read no
   *     conffiles
   */
  public record Question(List<PackageName> packages, List<String> pins, List<String> conffiles) {
    /** Copies the lists. */
    public Question {
      packages = List.copyOf(packages);
      pins = List.copyOf(pins);
      conffiles = List.copyOf(conffiles);
    }

    /** A question that reads no conffiles. */
    public Question(List<PackageName> packages, List<String> pins) {
      this(packages, pins, List.of());
    }
  }

  /** The command that asks {@code question}. */
  static RemoteCommand command(Question question) {
    List<String> argv = new ArrayList<>(List.of("sh", "-c", SCRIPT, "herd-selection"));
    if (!question.conffiles().isEmpty()) {
      argv.add("--conffiles");
      argv.add(String.join(",", question.conffiles()));
    }
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
        Question question = group.getKey();
        answers.put(
            host.host(),
            parse(stdout, !question.pins().isEmpty(), !question.conffiles().isEmpty(), host));
      }
    }
    return answers;
  }

  /** Reads the script's output; never throws. */
  static SelectionFacts parse(
      String stdout, boolean simulated, boolean conffilesAsked, HostResult host) {
    String[] lines = stdout.split("\n", -1);
    Map<PackageName, List<String>> units = new HashMap<>();
    StringBuilder simulation = new StringBuilder();
    List<String> conffileLines = new ArrayList<>();
    String section = null;
    boolean ended = false;
    boolean conffilesEnded = false;
    for (String line : lines) {
      Matcher end = END.matcher(line);
      if (line.equals("@@units@@")) {
        section = "units";
      } else if (line.equals("@@simulate@@")) {
        section = "simulate";
      } else if (end.matches()) {
        ended = true;
        section = null;
      } else if (line.equals("@@conffiles@@")) {
        section = "conffiles";
      } else if (line.equals("@@conffiles-end@@")) {
        conffilesEnded = true;
        section = null;
      } else if ("conffiles".equals(section)) {
        conffileLines.add(line);
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
    ConffileFacts conffiles = null;
    if (conffilesAsked) {
      conffiles =
          conffilesEnded
              ? ConffileSectionParser.parse(conffileLines)
              : ConffileFacts.failed(
                  "the conffile comparison did not finish"
                      + (host == null ? "" : " (" + host.outcome().describe() + ")"));
    }
    return new SelectionFacts(
        units,
        simulated ? AptSimulationParser.parse(simulation.toString()).value() : null,
        null,
        conffiles);
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
