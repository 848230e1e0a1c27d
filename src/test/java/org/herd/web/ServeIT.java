package org.herd.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.herd.journal.JournalLocation;
import org.junit.jupiter.api.Test;

/**
 * {@code herd serve} on SQLite: the API contract, plus what needs a real process or a certificate:
 * the built jar refusing a non-loopback address without TLS (exit 2, nothing started), serving
 * until SIGTERM, and HTTPS with a throwaway certificate made by Debian's {@code openssl}.
 */
class ServeIT extends ServeApiContract {

  @Override
  JournalLocation freshLocation(Path dir) {
    return JournalLocation.parse(dir.resolve("journal.db").toString());
  }

  @Override
  String dialect() {
    return "sqlite";
  }

  private Process herd(String... args) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-jar");
    command.add(Path.of("target/herd.jar").toAbsolutePath().toString());
    command.addAll(List.of(args));
    return new ProcessBuilder(command)
        .directory(dir.toFile())
        .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
        .start();
  }

  @Test
  void aNonLoopbackAddressWithoutTlsIsRefusedInOneLineWithExit2() throws Exception {
    Process process =
        herd("serve", "--journal", dir.resolve("j2.db").toString(), "--listen", "0.0.0.0:0");
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);

    assertThat(process.exitValue()).as(err).isEqualTo(2);
    assertThat(err.lines()).hasSize(1);
    assertThat(err).startsWith("herd: --listen 0.0.0.0:0: not a loopback address");
  }

  @Test
  void theJarServesUntilSigterm() throws Exception {
    Process process =
        herd(
            "--inventory",
            site.inventory.toString(),
            "serve",
            "--journal",
            site.location.url(),
            "--listen",
            "127.0.0.1:0");
    try {
      InputStream err = process.getErrorStream();
      String line = readLine(err);
      assertThat(line).startsWith("herd: serving on http://127.0.0.1:");
      String url = line.substring("herd: serving on ".length());
      HttpResponse<String> about =
          http.send(
              HttpRequest.newBuilder(URI.create(url + "/api/v1")).build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(about.body()).contains("\"journal\":\"sqlite\"");

      process.destroy(); // SIGTERM
      assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    } finally {
      process.destroyForcibly();
    }
  }

  private static String readLine(InputStream in) throws Exception {
    StringBuilder line = new StringBuilder();
    for (int c = in.read(); c != -1 && c != '\n'; c = in.read()) {
      line.append((char) c);
    }
    return line.toString();
  }

  @Test
  void tlsOnLoopbackServesWithAPemCertificateAndKey() throws Exception {
    Path cert = dir.resolve("cert.pem");
    Path key = dir.resolve("key.pem");
    Process openssl =
        new ProcessBuilder(
                "openssl",
                "req",
                "-x509",
                "-newkey",
                "rsa:2048",
                "-nodes",
                "-days",
                "1",
                "-subj",
                "/CN=localhost",
                "-addext",
                "subjectAltName=IP:127.0.0.1,DNS:localhost",
                "-keyout",
                key.toString(),
                "-out",
                cert.toString())
            .redirectErrorStream(true)
            .start();
    String said = new String(openssl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(openssl.waitFor()).as(said).isZero();

    try (HerdServer https =
        HerdServer.start(
            new HerdServer.Settings(
                ListenAddress.parse("127.0.0.1:0"),
                Optional.of(new Tls(cert, key)),
                Tokens.NONE,
                false,
                "test",
                "sqlite"),
            site.workspace,
            site.journal,
            line -> {})) {
      assertThat(https.url()).startsWith("https://127.0.0.1:");
      KeyStore trusted = KeyStore.getInstance("PKCS12");
      trusted.load(null, null);
      try (InputStream in = Files.newInputStream(cert)) {
        trusted.setCertificateEntry(
            "herd", CertificateFactory.getInstance("X.509").generateCertificate(in));
      }
      TrustManagerFactory trust =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      trust.init(trusted);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, trust.getTrustManagers(), null);
      HttpClient client = HttpClient.newBuilder().sslContext(context).build();

      HttpResponse<String> about =
          client.send(
              HttpRequest.newBuilder(URI.create(https.url() + "/api/v1")).build(),
              HttpResponse.BodyHandlers.ofString());

      assertThat(about.statusCode()).isEqualTo(200);
      assertThat(about.body()).contains("\"version\":\"test\"");
      assertThat(https.url()).isNotEqualTo(server.url());
    }
  }
}
