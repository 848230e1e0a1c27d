package org.herd.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.herd.journal.Journal;
import org.herd.journal.JournalLocation;
import org.herd.ops.Workspace;
import org.herd.web.HerdServer;
import org.herd.web.ListenAddress;
import org.herd.web.Tls;
import org.herd.web.Tokens;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code herd serve}: the fleet, its clusters and its runs over HTTP (a JSON API, live events,
 * Prometheus metrics), from the journal, until SIGTERM or Ctrl-C. See docs/serve.md.
 */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Serve the fleet, its clusters and its runs over HTTP: a JSON API under /api/v1,"
          + " live run events, /metrics.",
      "Reads are open to whoever reaches the listener (loopback by default); actions need a"
          + " token."
    },
    footer = {
      "",
      "Exit status: 0 when stopped by SIGTERM or Ctrl-C, 2 for bad input (a non-loopback"
          + " --listen without TLS, a tokens file readable by others), 3 when the address is in"
          + " use."
    })
final class ServeCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin ConnectOptions connect;

  @Mixin JournalOption journalOption;

  @Mixin RecipesOption recipes = new RecipesOption();

  @Option(
      names = "--listen",
      paramLabel = "ADDR:PORT",
      description = "Where to listen (default: 127.0.0.1:8080); beyond loopback only with TLS.")
  String listen;

  @Option(names = "--tls-cert", paramLabel = "FILE", description = "The PEM certificate chain.")
  Path tlsCert;

  @Option(names = "--tls-key", paramLabel = "FILE", description = "The PEM private key.")
  Path tlsKey;

  @Option(
      names = "--client-ca",
      paramLabel = "FILE",
      description =
          "PEM certificates of the CA that signs operators' client certificates: a client that"
              + " shows one may act as its common name (needs --tls-cert).")
  Path clientCa;

  @Option(
      names = "--tokens",
      paramLabel = "FILE",
      description =
          "Who may act: one 'NAME TOKEN' per line (mode 600); without it every action is refused.")
  Path tokensFile;

  @Option(names = "--read-only", description = "Refuse every action (403).")
  boolean readOnly;

  @Override
  public Integer call() throws Exception {
    CliContext context = CliContext.of(spec);
    HerdServer.Settings settings = settings(context);
    Workspace workspace = CliWorkspace.of(spec, context, connect, recipes.paths(context));
    JournalLocation location =
        JournalLocation.resolve(
            journalOption.journal,
            context.env(),
            JournalLocation.currentUid(),
            context.workingDirectory());
    CountDownLatch stopped = new CountDownLatch(1);
    try (Journal journal = journalOption.open(context);
        InterruptHook hook = InterruptHook.install()) {
      HerdServer server;
      try {
        server =
            LogConfigurator.quiet(
                "io.javalin.Javalin",
                () ->
                    HerdServer.start(
                        withJournal(settings, location),
                        workspace,
                        journal,
                        RunExecution.notices(context)));
      } catch (IllegalArgumentException e) {
        throw new UserError(e.getMessage());
      } catch (RuntimeException e) {
        if (rootCause(e) instanceof java.net.BindException bind) {
          context.err().println("herd: serve: " + settings.listen() + ": " + bind.getMessage());
          context.err().flush();
          return ExitCode.UNAVAILABLE.code();
        }
        throw e;
      }
      hook.onInterrupt(
          () -> {
            server.close();
            stopped.countDown();
          });
      context.err().println("herd: serving on " + server.url());
      context.err().flush();
      stopped.await();
    }
    return ExitCode.OK.code();
  }

  private HerdServer.Settings settings(CliContext context) {
    try {
      ListenAddress address = listen == null ? ListenAddress.DEFAULT : ListenAddress.parse(listen);
      if ((tlsCert == null) != (tlsKey == null)) {
        throw new IllegalArgumentException("--tls-cert and --tls-key go together");
      }
      if (clientCa != null && tlsCert == null) {
        throw new IllegalArgumentException("--client-ca needs --tls-cert and --tls-key");
      }
      Optional<Tls> tls =
          tlsCert == null
              ? Optional.empty()
              : Optional.of(
                  new Tls(
                      context.workingDirectory().resolve(tlsCert),
                      context.workingDirectory().resolve(tlsKey),
                      Optional.ofNullable(clientCa).map(context.workingDirectory()::resolve)));
      Tokens tokens =
          tokensFile == null
              ? Tokens.NONE
              : Tokens.read(context.workingDirectory().resolve(tokensFile));
      HerdServer.Settings settings =
          new HerdServer.Settings(address, tls, tokens, readOnly, version(), "");
      settings.check();
      tls.ifPresent(
          t -> {
            t.keyStore();
            t.clientTrust();
          });
      return settings;
    } catch (IllegalArgumentException e) {
      throw new UserError(e.getMessage());
    }
  }

  private static HerdServer.Settings withJournal(
      HerdServer.Settings settings, JournalLocation location) {
    return new HerdServer.Settings(
        settings.listen(),
        settings.tls(),
        settings.tokens(),
        settings.readOnly(),
        settings.version(),
        location.dialect().name().toLowerCase(Locale.ROOT));
  }

  private static String version() {
    String version = HerdCommand.class.getPackage().getImplementationVersion();
    return version == null ? "development build" : version;
  }

  private static Throwable rootCause(Throwable e) {
    Throwable cause = e;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    return cause;
  }
}
