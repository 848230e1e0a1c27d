package org.herd.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher's training server, run as the launcher runs it (its own JVM): herd's ssh transport
 * connects to it with strict host-key checking and the generated client key, and a command gets
 * {@code ok} and exit status 0.
 */
class CdsTrainingServerIT {
  @Test
  void servesOneRealConnectionWithItsOwnKeys(@TempDir Path dir) throws Exception {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process server =
        new ProcessBuilder(
                java.toString(),
                "-cp",
                System.getProperty("java.class.path"),
                CdsTrainingServer.class.getName(),
                dir.resolve("server").toString())
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    try {
      String ready;
      try (BufferedReader out =
          new BufferedReader(
              new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8))) {
        ready = out.readLine();
      }
      assertThat(ready).isEqualTo(dir.resolve("server/ssh_config").toString());

      try (Transport transport =
          TransportKind.SSH.create(
              TransportOptions.defaults(dir, Map.of()).withSshConfig(Path.of(ready)))) {
        for (String host : new String[] {"herd-cds-training-1", "herd-cds-training-2"}) {
          CommandResult result =
              transport
                  .open(Endpoint.of(host))
                  .run(RemoteCommand.of("true"), ExecOptions.defaults());
          assertThat(result.exitCode()).isZero();
          assertThat(result.stdoutText()).isEqualTo("ok\n");
        }
      }
    } finally {
      server.destroy();
      server.waitFor();
    }
  }
}
