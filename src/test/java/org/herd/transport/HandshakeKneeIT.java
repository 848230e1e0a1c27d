package org.herd.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Not a check but a measurement, run on demand ({@code -Dherd.bench=true
 * -Dit.test=HandshakeKneeIT}): how long {@code ssh} takes to open N connections at once for several
 * caps on handshakes in flight, against one local sshd. Prints a table; asserts only that every
 * connection opened.
 */
@EnabledIfSystemProperty(named = "herd.bench", matches = "true")
class HandshakeKneeIT {

  @Test
  void measuresHandshakeConcurrency(@TempDir Path dir) throws Exception {
    int hosts = Integer.getInteger("herd.bench.hosts", 200);
    int[] caps = {8, 32, 128};
    try (OpenSshServer server = OpenSshServer.create(dir, "ed25519")) {
      Path key = OpenSshServer.keygen(dir.resolve("id_ed25519"), "ed25519", "");
      server.authorize(key).start();
      Path knownHosts = Files.writeString(dir.resolve("known_hosts"), server.knownHostsLine());
      Path config = server.sshConfig("h*", key, knownHosts);
      System.out.printf(
          "%nhandshakes of %d hosts on %d CPUs%n",
          hosts, Runtime.getRuntime().availableProcessors());
      System.out.printf("%-16s %6s %10s %12s%n", "kex", "cap", "wall ms", "cpu ms");
      round(config, dir, hosts, 32, false); // warm-up: JIT, class loading
      for (boolean classic : new boolean[] {false, true}) {
        for (int cap : caps) {
          round(config, dir, hosts, cap, classic);
        }
      }
    }
  }

  private static void round(Path config, Path dir, int hosts, int cap, boolean classic)
      throws Exception {
    Path file = config;
    if (classic) {
      file = dir.resolve("ssh_config_classic");
      Files.writeString(file, "KexAlgorithms curve25519-sha256\n" + Files.readString(config));
    }
    TransportOptions options =
        TransportOptions.defaults(dir, Map.of())
            .withSshConfig(file)
            .withMaxConcurrentHandshakes(cap)
            .withConnectTimeout(Duration.ofSeconds(60));
    long cpuBefore = processCpuNanos();
    long start = System.nanoTime();
    try (Transport transport = TransportKind.SSH.create(options)) {
      ExecutorService pool = Executors.newFixedThreadPool(hosts);
      try {
        List<Future<Session>> opened = new ArrayList<>();
        for (int i = 0; i < hosts; i++) {
          Endpoint endpoint = Endpoint.of("h" + i);
          opened.add(pool.submit(() -> transport.open(endpoint)));
        }
        for (Future<Session> session : opened) {
          assertThat(session.get().isOpen()).isTrue();
        }
      } finally {
        pool.shutdownNow();
      }
      long wall = System.nanoTime() - start;
      long cpu = processCpuNanos() - cpuBefore;
      System.out.printf(
          "%-16s %6d %10d %12d%n",
          classic ? "curve25519" : "default(sntrup)", cap, wall / 1_000_000, cpu / 1_000_000);
    }
  }

  private static long processCpuNanos() {
    var os = ManagementFactory.getOperatingSystemMXBean();
    return ((com.sun.management.OperatingSystemMXBean) os).getProcessCpuTime();
  }
}
