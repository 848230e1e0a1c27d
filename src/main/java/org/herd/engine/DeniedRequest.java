package org.herd.engine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.herd.debian.Parsed;

/**
 * A start/restart/reload that herd's guard denied to a package's maintainer script, as the guard
 * script recorded it in the spool ({@code /var/lib/herd/guard/spool}): one line per request, {@code
 * EPOCH-SECONDS TAB SERVICE TAB ACTION}.
 *
 * @param time when it was denied (the host's clock)
 * @param service the service as the maintainer script named it: a unit ({@code foo.service}, from
 *     deb-systemd-invoke) or an init script name ({@code foo}, from invoke-rc.d)
 * @param action what was asked
 */
public record DeniedRequest(Instant time, String service, GuardAction action) {

  /**
   * The systemd unit the request is about: the service with {@code .service} added when it names no
   * unit type.
   */
  public String unit() {
    return service.matches(".+\\.(service|socket|target|timer|path|mount)")
        ? service
        : service + ".service";
  }

  /**
   * Parses a spool. Never throws: a line it cannot read (cut short by a full disk, say) becomes a
   * warning that quotes it.
   */
  public static Parsed<List<DeniedRequest>> parseSpool(String spool) {
    List<DeniedRequest> requests = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    String[] lines = spool.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      if (line.isEmpty()) {
        continue;
      }
      String[] fields = line.split("\t", -1);
      if (fields.length != 3
          || !fields[0].matches("[0-9]{1,18}")
          || fields[1].isEmpty()
          || GuardAction.of(fields[2]).isEmpty()) {
        warnings.add("spool line " + (i + 1) + ": not understood: " + line);
        continue;
      }
      requests.add(
          new DeniedRequest(
              Instant.ofEpochSecond(Long.parseLong(fields[0])),
              fields[1],
              GuardAction.of(fields[2]).orElseThrow()));
    }
    return new Parsed<>(requests, warnings);
  }
}
