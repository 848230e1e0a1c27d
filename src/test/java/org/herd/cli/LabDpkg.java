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
 * dpkg on lab hosts as the apply-level ITs need it: held at the end of a run by a {@code
 * post-invoke} hook so that a test can act while dpkg runs, and a plan file's pinned versions.
 */
public final class LabDpkg {

  private static final String HOOK = "/etc/dpkg/dpkg.cfg.d/zz-herd-it-hold";
  private static final String HOLD = "/run/herd-it-dpkg-hold";
  private static final String HELD = "/run/herd-it-dpkg-held";

  private LabDpkg() {}

  /**
   * Installs a dpkg {@code post-invoke} hook that, while the host is {@link #hold held}, keeps each
   * dpkg run that unpacks or configures from ending and marks it {@link #awaitHeld held}: a test
   * can then act while dpkg runs for as long as it needs, whatever the machine's speed.
   */
  public static void installHook(TestLab lab, LabHost host) {
    lab.sh(
        host,
        "echo 'post-invoke=if [ -e "
            + HOLD
            + " ]; then touch "
            + HELD
            + "; while [ -e "
            + HOLD
            + " ]; do sleep 0.1; done; fi' > "
            + HOOK);
  }

  /** Undoes {@link #installHook} and {@link #hold}. */
  public static void removeHook(TestLab lab, LabHost host) {
    lab.run(host, "rm -f " + HOOK + " " + HOLD + " " + HELD);
  }

  /** From now on, the next dpkg run on the host stays at its end until {@link #release}. */
  public static void hold(TestLab lab, LabHost host) {
    lab.sh(host, "rm -f " + HELD + " && touch " + HOLD);
  }

  /** Waits until a dpkg run on the held host unpacked or configured and is kept from ending. */
  public static void awaitHeld(TestLab lab, LabHost host) throws InterruptedException {
    for (int i = 0; i < 3000; i++) {
      if (lab.run(host, "test -e " + HELD).exitCode() == 0) {
        return;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("dpkg never ran on " + host.name());
  }

  /** Lets the held dpkg run end, and the next ones run freely. */
  public static void release(TestLab lab, LabHost host) {
    lab.sh(host, "rm -f " + HOLD + " " + HELD);
  }

  /** The planned {@code package → version} of each host of a plan file. */
  public static Map<String, Map<String, String>> pins(Path plan) throws Exception {
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
