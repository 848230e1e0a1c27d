package org.herd.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What ssh(1) prints when it cannot connect (captured from OpenSSH 9.2), and what herd says. */
class OpenSshErrorsTest {

  private static TransportException classify(String stderr) {
    return OpenSshErrors.classify(
        "n1", "127.0.0.1:2299", stderr, Duration.ofSeconds(10), List.of(Path.of("/kh")));
  }

  @ParameterizedTest(name = "{1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "ssh: connect to host 127.0.0.1 port 2298: Connection refused | connection refused",
        "Connection timed out during banner exchange | connect timeout",
        "ssh: connect to host 10.1.1.1 port 22: Connection timed out | connect timeout",
        "Host key verification failed. | unknown host key",
        "root@127.0.0.1: Permission denied (publickey,password). | authentication failed",
        "ssh: Could not resolve hostname nonexistent.invalid: Name or service not known | could not resolve host",
        "ssh: connect to host 10.9.9.9 port 22: No route to host | no route to host",
        "kex_exchange_identification: Connection closed by remote host | connection lost",
        "something new | ssh failed",
      })
  void namesTheFailure(String stderr, String reason) {
    assertThat(classify(stderr).reason()).isEqualTo(reason);
  }

  @Test
  void readsTheChangedKeyWarning() {
    String stderr =
        String.join(
            "\n",
            "@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@",
            "@    WARNING: REMOTE HOST IDENTIFICATION HAS CHANGED!     @",
            "@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@",
            "IT IS POSSIBLE THAT SOMEONE IS DOING SOMETHING NASTY!",
            "The fingerprint for the ED25519 key sent by the remote host is",
            "SHA256:+icr9iymXo60dcwvmmelm5pS0I7eKJ7M9K43pu+gUV0.",
            "Please contact your system administrator.",
            "Add correct host key in /tmp/exp/kh2 to get rid of this message.",
            "Offending ECDSA key in /tmp/exp/kh2:2",
            "  remove with:",
            "  ssh-keygen -f \"/tmp/exp/kh2\" -R \"[127.0.0.1]:2299\"",
            "Host key for [127.0.0.1]:2299 has changed and you have requested strict checking.",
            "Host key verification failed.",
            "");

    TransportException failure = classify(stderr);

    assertThat(failure).isInstanceOf(TransportException.HostKeyChanged.class);
    assertThat(failure.getMessage())
        .isEqualTo(
            "n1: HOST KEY CHANGED: the host offered ED25519 key"
                + " SHA256:+icr9iymXo60dcwvmmelm5pS0I7eKJ7M9K43pu+gUV0 but /tmp/exp/kh2:2 records a"
                + " different ECDSA key; this may be an attack. If the host was reinstalled, remove"
                + " that line (ssh-keygen -R) and connect again");
  }

  @Test
  void namesTheUserWhoseKeysWereRejected() {
    assertThat(classify("deploy@10.0.0.1: Permission denied (publickey).").getMessage())
        .isEqualTo(
            "n1: authentication failed for deploy: deploy@10.0.0.1: Permission denied (publickey).");
  }
}
