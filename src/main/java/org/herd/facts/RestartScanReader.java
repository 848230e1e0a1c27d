package org.herd.facts;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.herd.debian.MapsLine;
import org.herd.debian.NeedrestartReport;
import org.herd.debian.Parsed;
import org.herd.debian.RestartReason;
import org.herd.debian.StaleCode;
import org.herd.debian.StaleCode.FileIdentity;
import org.herd.debian.SystemdUnit;
import org.herd.facts.RestartFacts.StaleProcess;
import org.herd.facts.RestartFacts.UnitRestart;

/**
 * Turns the probe's {@code restart-scan} or {@code needrestart} section into {@link RestartFacts}.
 *
 * <p>The scan section holds candidates only (the probe's awk keeps deleted executables, deleted
 * mappings and mappings whose device/inode differ from a fresh {@code stat}), as tab-separated
 * lines: {@code exe-deleted PID TARGET}, {@code map-deleted PID MAPSLINE}, {@code map-replaced PID
 * MAPSLINE DEV INODE}, then per flagged process {@code exe PID TARGET}, {@code comm PID NAME} and
 * {@code cgroup PID LINE}. Here needrestart's rules ({@link StaleCode}) decide, so its blacklists
 * live in one place.
 */
final class RestartScanReader {

  private RestartScanReader() {}

  static Parsed<RestartFacts> fromNeedrestart(String text) {
    Parsed<NeedrestartReport> parsed = NeedrestartReport.parse(text);
    NeedrestartReport r = parsed.value();
    List<UnitRestart> services =
        r.services().stream()
            .map(s -> new UnitRestart(s, SystemdUnit.Kind.SERVICE, List.of()))
            .toList();
    return new Parsed<>(
        new RestartFacts(RestartFacts.Source.NEEDRESTART, services, r.sessions(), r.containers()),
        parsed.warnings());
  }

  static Parsed<RestartFacts> fromScan(List<String> lines) {
    List<String> warnings = new ArrayList<>();
    Map<Integer, List<String>> cgroups = new LinkedHashMap<>();
    Map<Integer, String> exes = new LinkedHashMap<>();
    Map<Integer, String> comms = new LinkedHashMap<>();
    Map<Integer, StaleProcess> findings = new TreeMap<>();
    List<String[]> candidates = new ArrayList<>();
    for (String line : lines) {
      if (line.isBlank()) {
        continue;
      }
      String[] f = line.split("\t", -1);
      if (f.length < 3 || !f[1].matches("\\d{1,9}")) {
        warnings.add("restart-scan: unexpected line: " + line);
        continue;
      }
      int pid = Integer.parseInt(f[1]);
      switch (f[0]) {
        case "exe" -> exes.put(pid, f[2]);
        case "comm" -> comms.put(pid, f[2]);
        case "cgroup" -> cgroups.computeIfAbsent(pid, p -> new ArrayList<>()).add(f[2]);
        case "exe-deleted", "map-deleted", "map-replaced" -> candidates.add(f);
        default -> warnings.add("restart-scan: unexpected line: " + line);
      }
    }
    for (String[] f : candidates) {
      int pid = Integer.parseInt(f[1]);
      if (findings.containsKey(pid)) {
        continue;
      }
      finding(f, warnings)
          .ifPresent(
              p ->
                  findings.put(
                      pid,
                      new StaleProcess(pid, comms.get(pid), exes.get(pid), p.reason(), p.path())));
    }
    Map<String, List<StaleProcess>> byUnit = new LinkedHashMap<>();
    Map<String, SystemdUnit> units = new LinkedHashMap<>();
    for (StaleProcess p : findings.values()) {
      SystemdUnit unit = SystemdUnit.fromCgroupFile(cgroups.getOrDefault(p.pid(), List.of()));
      String key = unit.name() == null ? "" : unit.name();
      units.putIfAbsent(key, unit);
      byUnit.computeIfAbsent(key, k -> new ArrayList<>()).add(p);
    }
    List<UnitRestart> services = new ArrayList<>();
    byUnit.forEach(
        (key, processes) ->
            services.add(new UnitRestart(units.get(key).name(), units.get(key).kind(), processes)));
    return new Parsed<>(
        new RestartFacts(RestartFacts.Source.PROC_SCAN, services, List.of(), List.of()), warnings);
  }

  private record Finding(RestartReason reason, String path) {}

  private static Optional<Finding> finding(String[] f, List<String> warnings) {
    if (f[0].equals("exe-deleted")) {
      return StaleCode.isDeletedExecutable(f[2])
          ? Optional.of(
              new Finding(
                  RestartReason.DELETED_EXECUTABLE, f[2].replaceFirst(" \\(deleted\\)$", "")))
          : Optional.empty();
    }
    MapsLine line = MapsLine.parse(f[2]);
    if (line == null) {
      warnings.add("restart-scan: unreadable maps line: " + f[2]);
      return Optional.empty();
    }
    FileIdentity onDisk = null;
    if (f[0].equals("map-replaced")) {
      String[] stat = f.length > 3 ? f[3].split(" ") : new String[0];
      if (stat.length != 2 || !stat[0].matches("\\d{1,20}") || !stat[1].matches("\\d{1,20}")) {
        warnings.add("restart-scan: no file identity in: " + String.join("\t", f));
        return Optional.empty();
      }
      onDisk = new FileIdentity(Long.parseUnsignedLong(stat[0]), Long.parseUnsignedLong(stat[1]));
    }
    return StaleCode.check(line, onDisk).map(r -> new Finding(r, line.path()));
  }
}
