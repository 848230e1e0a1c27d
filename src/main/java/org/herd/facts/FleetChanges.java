package org.herd.facts;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import org.herd.debian.AptSimulation;
import org.herd.debian.AptSimulationParser;
import org.herd.debian.ChangelogEntry;
import org.herd.debian.ChangelogParser;
import org.herd.debian.DebianVersion;
import org.herd.debian.PackageName;
import org.herd.debian.SimulatedInstall;
import org.herd.debian.Urgency;
import org.herd.fleet.FanOut;
import org.herd.fleet.FanOutSettings;
import org.herd.fleet.FleetListener;
import org.herd.fleet.FleetResult;
import org.herd.fleet.FleetRun;
import org.herd.fleet.HostAction;
import org.herd.fleet.HostOutcome;
import org.herd.fleet.HostResult;
import org.herd.fleet.OutputLine;
import org.herd.fleet.StreamKind;
import org.herd.nodeset.NodeSet;
import org.herd.transport.CommandResult;
import org.herd.transport.Endpoint;
import org.herd.transport.ExecOptions;
import org.herd.transport.RemoteCommand;
import org.herd.transport.Transport;

/**
 * {@code herd changes} in two passes over the fleet. First every host simulates its upgrade ({@code
 * apt-get -s dist-upgrade}, no lock) and says which packages it would upgrade from which version to
 * which. Then each distinct {@code package=candidate} is fetched once, on the first host that has
 * it pending ({@link ChangelogFetch}), so 500 hosts with the same point release cost one changelog
 * download per package, not 500. Finally the entries between each host group's installed version
 * and the candidate are selected, and hosts with the same package and versions share one {@link
 * ChangeBlock}.
 */
public final class FleetChanges {

  static final RemoteCommand SIMULATE =
      RemoteCommand.shell(
          "LC_ALL=C apt-get -s -q -o Debug::NoLocking=1"
              + " -o APT::Get::Show-User-Simulation-Note=false dist-upgrade");

  /** Changelogs can be long; the script cuts them, but a first fetch may still be large. */
  private static final long FETCH_OUTPUT_LIMIT = 64L << 20;

  private final FanOut fanOut;
  private final FanOutSettings settings;
  private volatile FleetRun current;
  private volatile boolean interrupted;

  /** Changes over {@code transport}; the settings' output retention is forced on. */
  public FleetChanges(Transport transport, FanOutSettings settings, Clock clock) {
    this.settings = settings.withRetainOutput(true);
    this.fanOut = new FanOut(transport, this.settings, clock);
  }

  /** Stops the pass that is running (Ctrl-C); safe from any thread. */
  public void interrupt() {
    interrupted = true;
    FleetRun run = current;
    if (run != null) {
      run.interrupt();
    }
  }

  /** A pending upgrade as one host's simulation reports it. */
  private record Range(PackageName pkg, DebianVersion installed, DebianVersion candidate) {}

  /**
   * Collects the changes of the pending upgrades of {@code hosts}.
   *
   * @param only package names to report (architecture ignored); empty means every package
   * @param listeners gives the listener of each pass from its number of hosts (the first pass asks
   *     every host, the second one host per package)
   */
  public ChangesReport changes(
      List<Endpoint> hosts, Set<String> only, IntFunction<FleetListener> listeners)
      throws InterruptedException {
    Map<String, List<String>> problems = new TreeMap<>();
    Map<Range, List<String>> ranges = new LinkedHashMap<>();
    Map<Range, Boolean> security = new LinkedHashMap<>();
    FleetResult simulated = pass(fanOut.start(hosts, SIMULATE, listeners.apply(hosts.size())));
    for (HostResult host : simulated.results()) {
      String stdout = stdout(host);
      AptSimulation sim = AptSimulationParser.parse(stdout).value();
      if (!sim.errors().isEmpty()) {
        problem(problems, host.host(), "apt: " + sim.errors().get(sim.errors().size() - 1));
        continue;
      }
      if (!(host.outcome() instanceof HostOutcome.Ok)) {
        problem(problems, host.host(), host.outcome().describe());
        continue;
      }
      for (SimulatedInstall install : sim.upgrades()) {
        if (!only.isEmpty() && !only.contains(install.pkg().name())) {
          continue;
        }
        Range range = new Range(install.pkg(), install.installed(), install.candidate());
        ranges.computeIfAbsent(range, r -> new ArrayList<>()).add(host.host());
        security.merge(range, install.isSecurity(), Boolean::logicalOr);
      }
    }
    if (simulated.interrupted()) {
      return new ChangesReport(List.of(), folded(problems), true, simulated.incomplete());
    }

    // One fetch per package and candidate, on the first host (in node-set order) that has it.
    Map<String, List<ChangelogFetch.Wanted>> perHost = new LinkedHashMap<>();
    Map<Range, String> fetchedOn = new LinkedHashMap<>();
    Map<String, ChangelogFetch.Wanted> wanted = new LinkedHashMap<>();
    for (Map.Entry<Range, List<String>> e : ranges.entrySet()) {
      Range r = e.getKey();
      String key = r.pkg() + "=" + r.candidate();
      ChangelogFetch.Wanted w = wanted.get(key);
      if (w == null || r.installed().compareTo(w.since()) < 0) {
        wanted.put(key, new ChangelogFetch.Wanted(r.pkg(), r.candidate(), r.installed()));
      }
    }
    Map<String, String> hostOf = new LinkedHashMap<>();
    for (Map.Entry<Range, List<String>> e : ranges.entrySet()) {
      Range r = e.getKey();
      hostOf.putIfAbsent(r.pkg() + "=" + r.candidate(), e.getValue().get(0));
    }
    wanted.forEach(
        (key, w) -> perHost.computeIfAbsent(hostOf.get(key), h -> new ArrayList<>()).add(w));
    ranges.keySet().forEach(r -> fetchedOn.put(r, hostOf.get(r.pkg() + "=" + r.candidate())));

    Map<String, ChangelogFetch.Fetched> fetched = new ConcurrentHashMap<>();
    Map<String, String> fetchFailed = new ConcurrentHashMap<>();
    List<Endpoint> fetchers =
        hosts.stream().filter(h -> perHost.containsKey(h.name())).collect(Collectors.toList());
    FleetResult fetchRun = null;
    if (!fetchers.isEmpty()) {
      HostAction fetch =
          HostAction.task(
              "fetch changelogs",
              session -> {
                String host = session.endpoint().name();
                CommandResult result =
                    session.run(
                        RemoteCommand.shell(ChangelogFetch.command(perHost.get(host))),
                        ExecOptions.defaults()
                            .withTimeout(settings.commandTimeout())
                            .withOutputLimit(FETCH_OUTPUT_LIMIT));
                for (ChangelogFetch.Fetched f : ChangelogFetch.parse(result.stdoutText())) {
                  fetched.put(f.pkg() + "=" + f.candidate(), f);
                }
                if (!result.ok()) {
                  fetchFailed.put(host, "changelog fetch: " + result);
                }
              });
      fetchRun = pass(fanOut.start(fetchers, fetch, listeners.apply(fetchers.size())));
      for (HostResult host : fetchRun.results()) {
        if (!(host.outcome() instanceof HostOutcome.Ok)) {
          fetchFailed.putIfAbsent(host.host(), host.outcome().describe());
        }
      }
    }

    List<ChangeBlock> blocks = new ArrayList<>();
    for (Map.Entry<Range, List<String>> e : ranges.entrySet()) {
      Range r = e.getKey();
      String on = fetchedOn.get(r);
      ChangelogFetch.Fetched f = fetched.get(r.pkg() + "=" + r.candidate());
      blocks.add(block(r, security.get(r), NodeSet.of(e.getValue()), on, f, fetchFailed.get(on)));
    }
    blocks.sort(
        Comparator.comparing((ChangeBlock b) -> b.pkg().toString())
            .thenComparing(ChangeBlock::installed)
            .thenComparing(ChangeBlock::candidate));
    boolean stopped = fetchRun != null && fetchRun.interrupted();
    return new ChangesReport(
        blocks, folded(problems), stopped, stopped ? fetchRun.incomplete() : List.of());
  }

  /** Runs one pass, remembered so that {@link #interrupt} can stop it. */
  private FleetResult pass(FleetRun run) throws InterruptedException {
    current = run;
    if (interrupted) {
      run.interrupt();
    }
    try {
      return run.await();
    } finally {
      current = null;
    }
  }

  private static ChangeBlock block(
      Range r,
      boolean security,
      NodeSet hosts,
      String on,
      ChangelogFetch.Fetched fetched,
      String failure) {
    if (fetched == null || fetched.source() == ChangelogSource.NONE) {
      String why =
          fetched != null
              ? fetched.text().strip().replace('\n', ' ')
              : failure != null ? failure : "no answer from " + on;
      if (why.isEmpty()) {
        why = "no changelog found";
      }
      return new ChangeBlock(
          r.pkg(),
          r.installed(),
          r.candidate(),
          security,
          hosts,
          ChangelogSource.NONE,
          on,
          List.of(),
          false,
          Urgency.UNKNOWN,
          List.of(),
          why);
    }
    List<ChangelogEntry> all = ChangelogParser.parse(fetched.text()).value();
    List<ChangelogEntry> entries = ChangelogEntry.between(all, r.installed(), r.candidate());
    // The text stops before the oldest installed version's entry: reaching it (or any older
    // entry) proves that nothing between installed and candidate is missing.
    boolean complete = fetched.reachedSince() || ChangelogEntry.reaches(all, r.installed());
    Urgency urgency =
        entries.stream()
            .map(ChangelogEntry::urgency)
            .max(Comparator.naturalOrder())
            .orElse(Urgency.UNKNOWN);
    List<String> cves =
        entries.stream().flatMap(e -> e.cves().stream()).distinct().collect(Collectors.toList());
    return new ChangeBlock(
        r.pkg(),
        r.installed(),
        r.candidate(),
        security,
        hosts,
        fetched.source(),
        on,
        entries,
        complete,
        urgency,
        cves,
        null);
  }

  private static String stdout(HostResult host) {
    return host.lines(StreamKind.STDOUT).stream()
        .map(OutputLine::text)
        .collect(Collectors.joining("\n", "", "\n"));
  }

  private static void problem(Map<String, List<String>> problems, String host, String reason) {
    problems.computeIfAbsent(reason, r -> new ArrayList<>()).add(host);
  }

  private static List<ChangesReport.Problem> folded(Map<String, List<String>> problems) {
    List<ChangesReport.Problem> folded = new ArrayList<>();
    problems.forEach(
        (reason, hosts) -> folded.add(new ChangesReport.Problem(NodeSet.of(hosts), reason)));
    return folded;
  }
}
