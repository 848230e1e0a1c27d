package org.herd.transport;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code openssh} transport: the system {@code ssh} binary, for what MINA cannot do (GSSAPI,
 * PKCS#11, certificates, every ssh_config option).
 *
 * <p>Opening an endpoint starts one master connection ({@code ControlMaster=yes,
 * ControlPersist=300, -N -f}) with its socket in a private directory ({@code 0700}, deleted on
 * close); every command is then an {@code ssh -o ControlMaster=no} client that multiplexes a new
 * channel over that master, so there is one handshake per host. ssh_config is evaluated by ssh
 * itself ({@code ssh -G} tells herd the result, for messages and defaults). Host keys are always
 * checked strictly: {@code StrictHostKeyChecking=yes}, or {@code accept-new} when asked (by {@link
 * TransportOptions#acceptNewHostKeys()} or by ssh_config, where {@code no} is also read as
 * accept-new, because herd never accepts a changed key).
 */
final class OpenSshTransport implements Transport {
  private static final Logger log = LoggerFactory.getLogger(OpenSshTransport.class);

  private final TransportOptions options;
  private final TransportThreads threads = new TransportThreads("herd-openssh");
  private final Map<Endpoint, CompletableFuture<ManagedSession>> sessions =
      new ConcurrentHashMap<>();
  private final Semaphore handshakes;
  private final AtomicInteger sockets = new AtomicInteger();
  private final Path controlDir;

  /** How long an idle master connection outlives its last command. */
  private static final Duration PERSIST = Duration.ofMinutes(5);

  OpenSshTransport(TransportOptions options) {
    this.options = options;
    this.handshakes = new Semaphore(options.maxConcurrentHandshakes());
    try {
      this.controlDir =
          Files.createTempDirectory(
              "herd-ssh-",
              PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    } catch (IOException e) {
      throw new IllegalStateException("cannot create the ssh control directory: " + e, e);
    }
  }

  @Override
  public TransportKind kind() {
    return TransportKind.OPENSSH;
  }

  @Override
  public Session open(Endpoint endpoint) throws TransportException, InterruptedException {
    while (true) {
      CompletableFuture<ManagedSession> mine = new CompletableFuture<>();
      CompletableFuture<ManagedSession> existing = sessions.putIfAbsent(endpoint, mine);
      if (existing == null) {
        try {
          ManagedSession session = connect(endpoint);
          mine.complete(session);
          return session;
        } catch (TransportException | InterruptedException | RuntimeException e) {
          sessions.remove(endpoint, mine);
          mine.completeExceptionally(e);
          throw e;
        }
      }
      try {
        ManagedSession session = existing.get();
        if (session.isOpen()) {
          return session;
        }
        sessions.remove(endpoint, existing);
      } catch (ExecutionException e) {
        if (e.getCause() instanceof TransportException failure) {
          throw failure;
        }
        throw new TransportException.Failed(
            endpoint.name(), "ssh failed", e.getCause().toString(), e.getCause());
      }
    }
  }

  private ManagedSession connect(Endpoint endpoint)
      throws TransportException, InterruptedException {
    Map<String, String> config = evaluate(endpoint);
    String address = config.getOrDefault("hostname", endpoint.name()) + ":" + config.get("port");
    Duration timeout = connectTimeout(endpoint, config);
    Path socket = controlDir.resolve(Integer.toString(sockets.incrementAndGet()));
    List<String> base = new ArrayList<>(base(endpoint, socket));
    // Also on every client: if the master is gone, ssh connects directly, just as strictly.
    base.addAll(
        List.of(
            "-o", "StrictHostKeyChecking=" + hostKeyPolicy(config),
            "-o", "ConnectTimeout=" + Math.max(1, timeout.toSeconds())));
    List<Path> knownHosts = new ArrayList<>();
    for (String file : config.getOrDefault("userknownhostsfile", "~/.ssh/known_hosts").split(" ")) {
      knownHosts.add(Path.of(file.replaceFirst("^~", options.home().toString())));
    }
    if (hostKeyPolicy(config).equals("accept-new") && !knownHosts.isEmpty()) {
      // ssh records a new key but does not create the file's directory.
      try {
        Files.createDirectories(knownHosts.get(0).toAbsolutePath().getParent());
      } catch (IOException e) {
        log.debug("cannot create the directory of {}: {}", knownHosts.get(0), e.toString());
      }
    }
    Master master = new Master(endpoint, List.copyOf(base), socket, address, timeout, knownHosts);
    master.start();
    return session(endpoint, master);
  }

  /**
   * The master connection of one endpoint. It exits by itself after {@link #PERSIST} without
   * clients, so a herd that died without closing leaves nothing behind for long; it is restarted on
   * the next command.
   */
  private final class Master {
    private final Endpoint endpoint;
    private final List<String> base;
    private final Path socket;
    private final String address;
    private final Duration timeout;
    private final List<Path> knownHosts;

    Master(
        Endpoint endpoint,
        List<String> base,
        Path socket,
        String address,
        Duration timeout,
        List<Path> knownHosts) {
      this.endpoint = endpoint;
      this.base = base;
      this.socket = socket;
      this.address = address;
      this.timeout = timeout;
      this.knownHosts = knownHosts;
    }

    synchronized void ensure() throws TransportException, InterruptedException {
      if (!Files.exists(socket)) {
        log.debug("{}: master connection gone, reconnecting", endpoint.name());
        start();
      }
    }

    synchronized void start() throws TransportException, InterruptedException {
      List<String> argv = new ArrayList<>(base);
      argv.addAll(
          List.of(
              "-o",
              "ControlMaster=yes",
              "-o",
              "ControlPersist=" + PERSIST.toSeconds(),
              "-N",
              "-f",
              endpoint.name()));
      for (int attempt = 1; ; attempt++) {
        handshakes.acquire();
        ProcessResult result;
        try {
          result = runSsh(argv, timeout.plusSeconds(5));
        } finally {
          handshakes.release();
        }
        if (result.timedOut()) {
          throw new TransportException.ConnectTimedOut(endpoint.name(), address, timeout, null);
        }
        if (result.exitCode() == 0) {
          log.debug("{}: master connection up ({})", endpoint.name(), socket);
          return;
        }
        TransportException failure =
            OpenSshErrors.classify(endpoint.name(), address, result.stderr(), timeout, knownHosts);
        boolean transientFailure =
            failure instanceof TransportException.ConnectionRefused
                || failure instanceof TransportException.ConnectTimedOut
                || failure instanceof TransportException.Disconnected;
        if (!transientFailure || attempt >= options.connectAttempts()) {
          throw failure;
        }
        log.debug(
            "{}: attempt {} failed ({}), retrying", endpoint.name(), attempt, failure.reason());
        Thread.sleep(200L * attempt);
      }
    }

    boolean alive() {
      return masterAlive(base, endpoint, socket);
    }

    void stop() {
      stopMaster(base, endpoint, socket);
    }
  }

  private ManagedSession session(Endpoint endpoint, Master master) {
    RawChannel.Opener opener =
        (wire, sink) -> {
          try {
            master.ensure();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransportException.Failed(endpoint.name(), "interrupted", "interrupted", e);
          }
          List<String> argv = new ArrayList<>(master.base);
          argv.addAll(List.of("-q", "-T", "-o", "ControlMaster=no", endpoint.name(), wire));
          try {
            return ProcessChannel.start(
                argv,
                sink,
                threads.workers(),
                code ->
                    code == 255 && !master.alive()
                        ? RawChannel.Exit.lost("the master connection closed")
                        : RawChannel.Exit.exited(code));
          } catch (IOException e) {
            throw new TransportException.Failed(endpoint.name(), "cannot run ssh", e.toString(), e);
          }
        };
    ManagedSession.Connection connection =
        new ManagedSession.Connection() {
          private volatile boolean closed;

          @Override
          public boolean isOpen() {
            return !closed;
          }

          @Override
          public void close() {
            closed = true;
            sessions.remove(endpoint);
            master.stop();
          }
        };
    return new ManagedSession(
        endpoint, options, opener, connection, threads.scheduler(), threads.workers());
  }

  private boolean masterAlive(List<String> base, Endpoint endpoint, Path socket) {
    if (!Files.exists(socket)) {
      return false;
    }
    List<String> check = new ArrayList<>(base);
    check.addAll(List.of("-O", "check", endpoint.name()));
    try {
      return runSsh(check, Duration.ofSeconds(10)).exitCode() == 0;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private void stopMaster(List<String> base, Endpoint endpoint, Path socket) {
    if (!Files.exists(socket)) {
      return;
    }
    List<String> exit = new ArrayList<>(base);
    exit.addAll(List.of("-O", "exit", endpoint.name()));
    try {
      runSsh(exit, Duration.ofSeconds(10));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * The options every ssh invocation for this endpoint shares: config file, herd's own options, the
   * endpoint's ssh options, identity file and values, the socket.
   */
  private List<String> base(Endpoint endpoint, Path socket) {
    List<String> argv = new ArrayList<>(List.of("ssh"));
    Path config = configFile(endpoint);
    if (config != null) {
      argv.addAll(List.of("-F", config.toString()));
    }
    argv.addAll(List.of("-o", "BatchMode=yes", "-o", "ControlPath=" + socket));
    // ssh keeps the first value of each option: the endpoint's ssh options win over its values.
    for (String option : endpoint.sshOptions()) {
      argv.addAll(List.of("-o", option));
    }
    if (endpoint.identityFile() != null) {
      argv.addAll(List.of("-i", endpoint.identityFile().toString()));
    }
    if (endpoint.hostname() != null) {
      argv.addAll(List.of("-o", "HostName=" + endpoint.hostname()));
    }
    if (endpoint.port() != 0) {
      argv.addAll(List.of("-p", Integer.toString(endpoint.port())));
    }
    if (endpoint.user() != null) {
      argv.addAll(List.of("-l", endpoint.user()));
    }
    return argv;
  }

  private Path configFile(Endpoint endpoint) {
    if (endpoint.sshConfig() != null) {
      return endpoint.sshConfig();
    }
    return options.sshConfig();
  }

  /** What ssh makes of the config for this endpoint ({@code ssh -G}), lower-case keys. */
  private Map<String, String> evaluate(Endpoint endpoint)
      throws TransportException, InterruptedException {
    List<String> argv = new ArrayList<>(base(endpoint, controlDir.resolve("unused")));
    argv.addAll(List.of("-G", endpoint.name()));
    ProcessResult result = runSsh(argv, Duration.ofSeconds(30));
    if (result.exitCode() != 0) {
      throw new TransportException.Failed(
          endpoint.name(), "bad ssh config", OpenSshErrors.lastLine(result.stderr()), null);
    }
    Map<String, String> config = new HashMap<>();
    for (String line : result.stdout().split("\n")) {
      int space = line.indexOf(' ');
      if (space > 0) {
        config.putIfAbsent(line.substring(0, space), line.substring(space + 1));
      }
    }
    return config;
  }

  private Duration connectTimeout(Endpoint endpoint, Map<String, String> config) {
    if (endpoint.connectTimeout() != null) {
      return endpoint.connectTimeout();
    }
    String configured = config.getOrDefault("connecttimeout", "none");
    if (configured.matches("\\d+")) {
      return Duration.ofSeconds(Long.parseLong(configured));
    }
    return options.connectTimeout();
  }

  private String hostKeyPolicy(Map<String, String> config) {
    String configured = config.getOrDefault("stricthostkeychecking", "ask");
    boolean acceptNew =
        options.acceptNewHostKeys()
            || Arrays.asList("accept-new", "no", "off", "false").contains(configured);
    return acceptNew ? "accept-new" : "yes";
  }

  private record ProcessResult(int exitCode, String stdout, String stderr, boolean timedOut) {}

  /** Runs a short-lived ssh (config evaluation, master start, control commands). */
  private ProcessResult runSsh(List<String> argv, Duration deadline) throws InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(argv);
    String agent = options.environment().get("SSH_AUTH_SOCK");
    if (agent == null) {
      builder.environment().remove("SSH_AUTH_SOCK");
    } else {
      builder.environment().put("SSH_AUTH_SOCK", agent);
    }
    builder.redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
    try {
      Process process = builder.start();
      CompletableFuture<String> out =
          CompletableFuture.supplyAsync(() -> drain(process.getInputStream()), threads.workers());
      CompletableFuture<String> err =
          CompletableFuture.supplyAsync(() -> drain(process.getErrorStream()), threads.workers());
      if (!process.waitFor(deadline.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        return new ProcessResult(-1, "", "", true);
      }
      return new ProcessResult(process.exitValue(), settle(out), settle(err), false);
    } catch (IOException e) {
      return new ProcessResult(-1, "", "cannot run ssh: " + e.getMessage(), false);
    }
  }

  /** The output of a finished ssh; a master that kept the pipe open (it should not) yields "". */
  private static String settle(CompletableFuture<String> output) throws InterruptedException {
    try {
      return output.get(2, TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      return "";
    }
  }

  private static String drain(InputStream stream) {
    try (stream) {
      return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    }
  }

  @Override
  public void close() {
    // Each master is told to exit before its socket goes: without the socket nothing could reach
    // it, and it would outlive herd for its ControlPersist. A session still connecting is waited
    // for (its connect timeout bounds that), so that its master is stopped too.
    List<CompletableFuture<ManagedSession>> open = List.copyOf(sessions.values());
    sessions.clear();
    for (CompletableFuture<ManagedSession> session : open) {
      try {
        session.join().close();
      } catch (CompletionException | CancellationException e) {
        // it never connected: no master to stop
      }
    }
    try {
      TarCopy.deleteRecursively(controlDir);
    } catch (IOException e) {
      log.debug("cannot delete {}: {}", controlDir, e.toString());
    }
    threads.close();
  }
}
