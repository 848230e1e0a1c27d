package org.herd.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.herd.Prerequisites.require;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code dist/herd-serve.service} is a unit systemd accepts without a word ({@code systemd-analyze
 * verify}, which warns on unknown keys but exits 0, so its output must be empty too), hardened, and
 * starting {@code herd serve} on loopback.
 */
class ServiceUnitTest {

  static final Path UNIT = Path.of("dist/herd-serve.service");

  @TempDir Path dir;

  @Test
  void systemdAcceptsTheUnitWithoutAWarning() throws Exception {
    Path analyze = Path.of("/usr/bin/systemd-analyze");
    require(Files.isExecutable(analyze), "needs systemd-analyze (apt-get install systemd)");
    // verify wants ExecStart's program to exist: a stand-in for the installed herd.
    Path herd = dir.resolve("herd");
    Files.writeString(herd, "#!/bin/sh\n");
    Files.setPosixFilePermissions(herd, PosixFilePermissions.fromString("rwxr-xr-x"));
    Path unit = dir.resolve("herd-serve.service");
    Files.writeString(unit, Files.readString(UNIT).replace("/usr/local/bin/herd", herd.toString()));

    Process verify =
        new ProcessBuilder(analyze.toString(), "verify", unit.toString())
            .redirectErrorStream(true)
            .start();
    String said = new String(verify.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

    assertThat(verify.waitFor()).as(said).isZero();
    assertThat(said).isEmpty();
  }

  @Test
  void theUnitIsHardenedAndServesOnLoopback() throws Exception {
    String unit = Files.readString(UNIT);

    assertThat(unit)
        .contains("User=herd")
        .contains("StateDirectory=herd")
        .contains("NoNewPrivileges=yes")
        .contains("ProtectSystem=strict")
        .contains("ProtectHome=yes")
        .contains("PrivateTmp=yes")
        .contains("CapabilityBoundingSet=\n")
        .contains(" serve --listen 127.0.0.1:8080 --tokens /etc/herd/tokens");
  }
}
