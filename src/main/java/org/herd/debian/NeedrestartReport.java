package org.herd.debian;

import java.util.ArrayList;
import java.util.List;

/**
 * The batch output of {@code needrestart -b} (README.batch.md of needrestart; the apt-dater
 * protocol's {@code NEEDRESTART-*} lines).
 *
 * @param version {@code NEEDRESTART-VER}
 * @param kernelRunning {@code NEEDRESTART-KCUR}, or null
 * @param kernelExpected {@code NEEDRESTART-KEXP}, or null
 * @param kernelStatus {@code NEEDRESTART-KSTA}: 0 unknown, 1 current, 2 ABI-compatible upgrade
 *     pending, 3 version upgrade pending; -1 when absent
 * @param microcodeStatus {@code NEEDRESTART-UCSTA}: 0 unknown, 1 current, 2 update pending; -1 when
 *     absent
 * @param services {@code NEEDRESTART-SVC}: units to restart
 * @param containers {@code NEEDRESTART-CONT}: containers to restart
 * @param sessions {@code NEEDRESTART-SESS}: user sessions running outdated code
 * @param processes {@code NEEDRESTART-PID} (user mode): {@code name=pid,pid}
 */
public record NeedrestartReport(
    String version,
    String kernelRunning,
    String kernelExpected,
    int kernelStatus,
    int microcodeStatus,
    List<String> services,
    List<String> containers,
    List<String> sessions,
    List<String> processes) {

  /** Copies the lists. */
  public NeedrestartReport {
    services = List.copyOf(services);
    containers = List.copyOf(containers);
    sessions = List.copyOf(sessions);
    processes = List.copyOf(processes);
  }

  /** Whether needrestart says a reboot is needed for the kernel (status 2 or 3). */
  public boolean kernelNeedsReboot() {
    return kernelStatus == 2 || kernelStatus == 3;
  }

  /** Parses the batch output; lines that are not {@code NEEDRESTART-KEY: value} become warnings. */
  public static Parsed<NeedrestartReport> parse(String output) {
    String version = null;
    String kcur = null;
    String kexp = null;
    int ksta = -1;
    int ucsta = -1;
    List<String> services = new ArrayList<>();
    List<String> containers = new ArrayList<>();
    List<String> sessions = new ArrayList<>();
    List<String> processes = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    for (String line : output.split("\n", -1)) {
      if (line.isBlank()) {
        continue;
      }
      int colon = line.indexOf(": ");
      String key = colon < 0 ? line.strip().replaceAll(":$", "") : line.substring(0, colon);
      String value = colon < 0 ? "" : line.substring(colon + 2).strip();
      switch (key) {
        case "NEEDRESTART-VER" -> version = value;
        case "NEEDRESTART-KCUR" -> kcur = value;
        case "NEEDRESTART-KEXP" -> kexp = value;
        case "NEEDRESTART-KSTA" -> ksta = number(value, line, warnings);
        case "NEEDRESTART-UCSTA" -> ucsta = number(value, line, warnings);
        case "NEEDRESTART-UCCUR", "NEEDRESTART-UCEXP" -> {}
        case "NEEDRESTART-SVC" -> services.add(value);
        case "NEEDRESTART-CONT" -> containers.add(value);
        case "NEEDRESTART-SESS" -> sessions.add(value);
        case "NEEDRESTART-PID" -> processes.add(value);
        default -> warnings.add("unexpected needrestart line: " + line);
      }
    }
    return new Parsed<>(
        new NeedrestartReport(
            version, kcur, kexp, ksta, ucsta, services, containers, sessions, processes),
        warnings);
  }

  private static int number(String value, String line, List<String> warnings) {
    if (value.matches("\\d{1,3}")) {
      return Integer.parseInt(value);
    }
    warnings.add("not a status number: " + line);
    return -1;
  }
}
