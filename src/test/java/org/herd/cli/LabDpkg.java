package org.herd.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.herd.lab.LabHost;
import org.herd.lab.TestLab;

/**
 * dpkg on lab hosts as the apply-level ITs need it: slowed down by a {@code post-invoke} hook so
 * that a test can act while dpkg runs, seen running, and a plan file's pinned versions.
 */
final class LabDpkg {

  private static final String SLOW_DPKG = "/etc/dpkg/dpkg.cfg.d/zz-herd-it-slow";

  private LabDpkg() {}

  /** Makes each dpkg run that unpacks or configures last {@code seconds} more. */
  static void slowDown(TestLab lab, LabHost host, int seconds) {
    lab.sh(host, "echo 'post-invoke=sleep " + seconds + "' > " + SLOW_DPKG);
  }

  /** Undoes {@link #slowDown}. */
  static void speedUp(TestLab lab, LabHost host) {
    lab.run(host, "rm -f " + SLOW_DPKG);
  }

  /** Waits until dpkg unpacks or configures on the host (see {@link #slowDown}). */
  static void awaitDpkg(TestLab lab, LabHost host) throws InterruptedException {
    for (int i = 0; i < 1200; i++) {
      if (lab.run(host, "pgrep -f 'dpkg .*[-]-(unpack|configure|install)' >/dev/null").exitCode()
          == 0) {
        return;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("dpkg never ran on " + host.name());
  }

  /** The planned {@code package → version} of each host of a plan file. */
  static Map<String, Map<String, String>> pins(Path plan) throws Exception {
    Map<String, Map<String, String>> pins = new LinkedHashMap<>();
    for (JsonNode host : new ObjectMapper().readTree(Files.readString(plan)).get("hosts")) {
      Map<String, String> versions = new TreeMap<>();
      host.get("installs")
          .forEach(i -> versions.put(i.get("pkg").asText(), i.get("version").asText()));
      pins.put(host.get("host").asText(), versions);
    }
    return pins;
  }
}
