package org.herd.web;

import io.javalin.Javalin;
import java.security.KeyStore;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.herd.journal.Journal;
import org.herd.ops.ClusterView;
import org.herd.ops.FleetMetrics;
import org.herd.ops.FleetView;
import org.herd.ops.HostChangeLog;
import org.herd.ops.RunActions;
import org.herd.ops.RunEvents;
import org.herd.ops.RunList;
import org.herd.ops.RunView;
import org.herd.ops.Workspace;

/**
 * {@code herd serve}: the JSON API under {@code /api/v1}, live run events, and {@code /metrics},
 * over one journal and one workspace, on one listener (HTTP on loopback, HTTPS anywhere). Started
 * by {@link #start}, stopped by {@link #close}.
 */
public final class HerdServer implements AutoCloseable {

  /**
   * How to serve.
   *
   * @param listen where; a non-loopback address needs {@code tls}
   * @param tls the certificate and key, or empty for plain HTTP (loopback only)
   * @param tokens who may act; {@link Tokens#NONE}: no one
   * @param readOnly whether every action is refused (403)
   * @param version herd's version, for {@code GET /api/v1}
   * @param journal {@code sqlite} or {@code postgresql}
   */
  public record Settings(
      ListenAddress listen,
      Optional<Tls> tls,
      Tokens tokens,
      boolean readOnly,
      String version,
      String journal) {

    /**
     * Refuses a non-loopback listener without TLS: reads are open to whoever reaches it, and tokens
     * would cross the network in the clear.
     *
     * @throws IllegalArgumentException with a one-line reason
     */
    public void check() {
      if (tls.isEmpty() && !listen.loopback()) {
        throw new IllegalArgumentException(
            "--listen "
                + listen
                + ": not a loopback address; serving beyond this machine needs --tls-cert and"
                + " --tls-key");
      }
    }
  }

  private final Javalin app;
  private final RunEvents events;
  private final RunActions actions;
  private final boolean https;
  private final ListenAddress listen;
  private Server server;

  private HerdServer(
      Settings settings, Workspace workspace, Journal journal, Consumer<String> notices) {
    this.events = new RunEvents(journal);
    this.actions = new RunActions(workspace, journal, notices);
    this.https = settings.tls().isPresent();
    this.listen = settings.listen();
    Map<String, Object> about = new LinkedHashMap<>();
    about.put("version", settings.version());
    about.put("readOnly", settings.readOnly());
    about.put("journal", settings.journal());
    Optional<KeyStore> keyStore = settings.tls().map(Tls::keyStore);
    Optional<KeyStore> clientTrust = settings.tls().flatMap(Tls::clientTrust);
    ApiRoutes api =
        new ApiRoutes(
            about,
            new RunList(journal),
            new RunView(workspace, journal),
            new FleetView(workspace, journal),
            new ClusterView(workspace, journal),
            new HostChangeLog(journal),
            events,
            actions,
            new Guard(settings.tokens(), settings.readOnly(), clientTrust.isPresent()));
    Metrics metrics = new Metrics(new FleetMetrics(workspace, journal));
    this.app =
        Javalin.create(
            config -> {
              config.startup.showJavalinBanner = false;
              config.startup.showOldJavalinVersionWarning = false;
              config.http.asyncTimeout = 0;
              config.jetty.modifyServer(s -> this.server = s);
              config.jetty.addConnector(
                  (jetty, http) ->
                      connector(jetty, http, settings.listen(), keyStore, clientTrust));
              if (settings.tls().isEmpty()) {
                // Plain HTTP is loopback only (Settings.check): only loopback names are served.
                config.routes.before(
                    ctx -> {
                      if (!LoopbackHostCheck.allowed(ctx.header("Host"))) {
                        Json.error(
                            ctx,
                            421,
                            "Host "
                                + ctx.header("Host")
                                + ": herd serve answers loopback names only");
                        ctx.skipRemainingHandlers();
                      }
                    });
              }
              api.register(config.routes);
              Pages.register(config.routes);
              config.routes.get(
                  "/metrics",
                  ctx ->
                      ctx.contentType("text/plain; version=0.0.4; charset=utf-8")
                          .result(metrics.scrape()));
            });
  }

  /**
   * Starts serving.
   *
   * @param notices hears what runs executed by this server tell the operator
   * @throws IllegalArgumentException when the settings are refused ({@link Settings#check})
   */
  public static HerdServer start(
      Settings settings, Workspace workspace, Journal journal, Consumer<String> notices) {
    settings.check();
    HerdServer server = new HerdServer(settings, workspace, journal, notices);
    server.app.start();
    return server;
  }

  private static ServerConnector connector(
      Server jetty,
      HttpConfiguration http,
      ListenAddress listen,
      Optional<KeyStore> keyStore,
      Optional<KeyStore> clientTrust) {
    ServerConnector connector;
    if (keyStore.isPresent()) {
      SslContextFactory.Server ssl = new SslContextFactory.Server();
      ssl.setKeyStore(keyStore.get());
      ssl.setKeyStorePassword(new String(Tls.PASSWORD));
      if (clientTrust.isPresent()) {
        // Asked, not required: reading needs no credentials; acting needs a token or this.
        ssl.setTrustStore(clientTrust.get());
        ssl.setWantClientAuth(true);
      }
      HttpConfiguration secure = new HttpConfiguration(http);
      // The certificate names the operator's host; loopback tests reach it by address.
      secure.addCustomizer(new SecureRequestCustomizer(false));
      connector =
          new ServerConnector(
              jetty, new SslConnectionFactory(ssl, "http/1.1"), new HttpConnectionFactory(secure));
    } else {
      connector = new ServerConnector(jetty, new HttpConnectionFactory(http));
    }
    connector.setHost(listen.host());
    connector.setPort(listen.port());
    return connector;
  }

  /** The port served (the one chosen when asked for port 0). */
  public int port() {
    return ((ServerConnector) server.getConnectors()[0]).getLocalPort();
  }

  /** How to reach it: {@code http://ADDR:PORT} or {@code https://…}. */
  public String url() {
    return (https ? "https" : "http") + "://" + new ListenAddress(listen.host(), port());
  }

  /** Stops serving; runs executed here go on until the JVM ends. */
  @Override
  public void close() {
    app.stop();
    events.close();
    actions.close();
  }
}
