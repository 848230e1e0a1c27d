package org.herd.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedKeyManager;
import javax.net.ssl.X509KeyManager;
import org.herd.journal.JournalLocation;
import org.herd.journal.RunId;
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
  void anAddressInUseIsOneLineWithExit3() throws Exception {
    try (java.net.ServerSocket taken =
        new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      String address = "127.0.0.1:" + taken.getLocalPort();
      Process process =
          herd("serve", "--journal", dir.resolve("j3.db").toString(), "--listen", address);
      assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
      String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);

      assertThat(process.exitValue()).as(err).isEqualTo(3);
      assertThat(err.lines()).hasSize(1);
      assertThat(err).startsWith("herd: serve: " + address + ": ");
    }
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
    selfSigned("localhost", "subjectAltName=IP:127.0.0.1,DNS:localhost", cert, key);

    try (HerdServer https = https(new Tls(cert, key))) {
      assertThat(https.url()).startsWith("https://127.0.0.1:");
      HttpClient client = client(cert, Optional.empty());

      HttpResponse<String> about =
          client.send(
              HttpRequest.newBuilder(URI.create(https.url() + "/api/v1")).build(),
              HttpResponse.BodyHandlers.ofString());

      assertThat(about.statusCode()).isEqualTo(200);
      assertThat(about.body()).contains("\"version\":\"test\"");
      assertThat(https.url()).isNotEqualTo(server.url());
    }
  }

  @Test
  void aClientCertificateSignedByTheClientCaActsAsItsCommonName() throws Exception {
    Path cert = dir.resolve("cert.pem");
    Path key = dir.resolve("key.pem");
    selfSigned("localhost", "subjectAltName=IP:127.0.0.1,DNS:localhost", cert, key);
    Path caCert = dir.resolve("ca.pem");
    Path caKey = dir.resolve("ca.key");
    selfSigned("herd test operators' CA", "basicConstraints=critical,CA:TRUE", caCert, caKey);
    Path alice = clientCertificate("alice", Optional.of(new Path[] {caCert, caKey}));
    Path mallory = clientCertificate("mallory", Optional.empty());
    RunId run = site.runningRun();
    String pause = "/api/v1/runs/" + run.value() + "/pause";

    try (HerdServer https = https(new Tls(cert, key, Optional.of(caCert)))) {
      HttpClient anonymous = client(cert, Optional.empty());
      HttpClient aliceClient = client(cert, Optional.of(alice));
      HttpClient malloryClient = client(cert, Optional.of(mallory));

      // Reading needs no certificate; acting does.
      assertThat(send(anonymous, https, "GET", "/api/v1", Optional.empty()).statusCode())
          .isEqualTo(200);
      HttpResponse<String> refused = send(anonymous, https, "POST", pause, Optional.of("json"));
      assertThat(refused.statusCode()).isEqualTo(401);
      assertThat(refused.body()).contains("or a client certificate");
      // A certificate the CA did not sign ends the handshake.
      assertThatThrownBy(() -> send(malloryClient, https, "POST", pause, Optional.of("json")))
          .isInstanceOf(SSLHandshakeException.class)
          .hasMessageContaining("certificate_unknown");
      // An ambient credential acts only in a request a foreign page cannot forge (JSON).
      HttpResponse<String> form = send(aliceClient, https, "POST", pause, Optional.empty());
      assertThat(form.statusCode()).as(form.body()).isEqualTo(415);
      assertThat(site.journal.actions(run)).isEmpty();

      HttpResponse<String> paused = send(aliceClient, https, "POST", pause, Optional.of("json"));

      assertThat(paused.statusCode()).as(paused.body()).isEqualTo(200);
      assertThat(JSON.readTree(paused.body()).get("by").asText()).isEqualTo("alice");
      assertThat(site.journal.actions(run))
          .extracting(a -> a.action() + " " + a.by())
          .containsExactly("PAUSE alice");
    }
  }

  /** herd serve over HTTPS on a loopback port, with no token. */
  private HerdServer https(Tls tls) {
    return HerdServer.start(
        new HerdServer.Settings(
            ListenAddress.parse("127.0.0.1:0"),
            Optional.of(tls),
            Tokens.NONE,
            false,
            "test",
            "sqlite"),
        site.workspace,
        site.journal,
        line -> {});
  }

  private static HttpResponse<String> send(
      HttpClient client, HerdServer on, String method, String path, Optional<String> json)
      throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(on.url() + path));
    if (method.equals("POST")) {
      request.POST(HttpRequest.BodyPublishers.noBody());
      json.ifPresent(j -> request.header("Content-Type", "application/json"));
    }
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** A self-signed certificate and its key, made by openssl. */
  private void selfSigned(String commonName, String extension, Path cert, Path key)
      throws Exception {
    openssl(
        "req",
        "-x509",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-days",
        "1",
        "-subj",
        "/CN=" + commonName,
        "-addext",
        extension,
        "-keyout",
        key.toString(),
        "-out",
        cert.toString());
  }

  /**
   * A PKCS#12 file with a client key and its certificate for {@code name}, signed by the CA
   * ({certificate, key}) given, else by itself.
   */
  private Path clientCertificate(String name, Optional<Path[]> ca) throws Exception {
    Path key = dir.resolve(name + ".key");
    Path cert = dir.resolve(name + ".pem");
    if (ca.isPresent()) {
      Path request = dir.resolve(name + ".csr");
      openssl(
          "req",
          "-newkey",
          "rsa:2048",
          "-nodes",
          "-subj",
          "/CN=" + name,
          "-keyout",
          key.toString(),
          "-out",
          request.toString());
      openssl(
          "x509",
          "-req",
          "-in",
          request.toString(),
          "-CA",
          ca.get()[0].toString(),
          "-CAkey",
          ca.get()[1].toString(),
          "-CAcreateserial",
          "-days",
          "1",
          "-out",
          cert.toString());
    } else {
      selfSigned(name, "keyUsage=digitalSignature", cert, key);
    }
    Path p12 = dir.resolve(name + ".p12");
    openssl(
        "pkcs12",
        "-export",
        "-inkey",
        key.toString(),
        "-in",
        cert.toString(),
        "-out",
        p12.toString(),
        "-passout",
        "pass:test");
    return p12;
  }

  private void openssl(String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("openssl"));
    command.addAll(List.of(args));
    Process openssl =
        new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    String said = new String(openssl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(openssl.waitFor()).as(said).isZero();
  }

  /**
   * Offers its one certificate whatever CAs the server names, as {@code curl --cert} does (Java's
   * own key manager offers none the server's CAs did not sign).
   */
  private static final class Insistent extends X509ExtendedKeyManager {
    private final X509KeyManager keys;

    Insistent(X509KeyManager keys) {
      this.keys = keys;
    }

    private String only() {
      return keys.getClientAliases("RSA", null)[0];
    }

    @Override
    public String chooseEngineClientAlias(String[] types, Principal[] issuers, SSLEngine engine) {
      return only();
    }

    @Override
    public String chooseClientAlias(String[] types, Principal[] issuers, Socket socket) {
      return only();
    }

    @Override
    public String[] getClientAliases(String type, Principal[] issuers) {
      return keys.getClientAliases(type, null);
    }

    @Override
    public String[] getServerAliases(String type, Principal[] issuers) {
      return keys.getServerAliases(type, issuers);
    }

    @Override
    public String chooseServerAlias(String type, Principal[] issuers, Socket socket) {
      return keys.chooseServerAlias(type, issuers, socket);
    }

    @Override
    public X509Certificate[] getCertificateChain(String alias) {
      return keys.getCertificateChain(alias);
    }

    @Override
    public PrivateKey getPrivateKey(String alias) {
      return keys.getPrivateKey(alias);
    }
  }

  /** An HTTPS client trusting {@code serverCert}, showing the client certificate of a PKCS#12. */
  private static HttpClient client(Path serverCert, Optional<Path> clientP12) throws Exception {
    KeyStore trusted = KeyStore.getInstance("PKCS12");
    trusted.load(null, null);
    try (InputStream in = Files.newInputStream(serverCert)) {
      trusted.setCertificateEntry(
          "herd", CertificateFactory.getInstance("X.509").generateCertificate(in));
    }
    TrustManagerFactory trust =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trust.init(trusted);
    KeyManager[] keys = null;
    if (clientP12.isPresent()) {
      KeyStore client = KeyStore.getInstance("PKCS12");
      try (InputStream in = Files.newInputStream(clientP12.get())) {
        client.load(in, "test".toCharArray());
      }
      KeyManagerFactory factory =
          KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      factory.init(client, "test".toCharArray());
      keys = new KeyManager[] {new Insistent((X509KeyManager) factory.getKeyManagers()[0])};
    }
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(keys, trust.getTrustManagers(), null);
    return HttpClient.newBuilder().sslContext(context).build();
  }
}
