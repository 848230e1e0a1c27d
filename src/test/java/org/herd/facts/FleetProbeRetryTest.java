package org.herd.facts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.herd.fleet.FanOutSettings;
import org.herd.fleet.FleetListener;
import org.herd.transport.CommandResult;
import org.herd.transport.Endpoint;
import org.herd.transport.ExecOptions;
import org.herd.transport.Execution;
import org.herd.transport.OutputListener;
import org.herd.transport.RemoteCommand;
import org.herd.transport.Session;
import org.herd.transport.Signal;
import org.herd.transport.Transport;
import org.herd.transport.TransportException;
import org.herd.transport.TransportKind;
import org.junit.jupiter.api.Test;

/**
 * A probe whose connection dropped before it said anything is asked once more (it only reads); a
 * host that cannot be reached at all is not.
 */
class FleetProbeRetryTest {

  private static final String CAPTURE = FactsCaptures.read("devvm-root.txt");

  /** n1's first command finds its connection gone; n2 refuses every connection. */
  private static final class DroppingTransport implements Transport {
    final Map<String, AtomicInteger> commands = new ConcurrentHashMap<>();

    @Override
    public TransportKind kind() {
      return TransportKind.LOCAL;
    }

    @Override
    public Session open(Endpoint endpoint) throws TransportException {
      if (endpoint.name().equals("n2")) {
        throw new TransportException.Failed("n2", "connection refused", "refused", null);
      }
      return new Session() {
        @Override
        public Endpoint endpoint() {
          return endpoint;
        }

        @Override
        public Execution start(RemoteCommand command, ExecOptions options) {
          int n =
              commands.computeIfAbsent(endpoint.name(), h -> new AtomicInteger()).incrementAndGet();
          CompletableFuture<CommandResult> result = new CompletableFuture<>();
          if (n == 1) {
            result.completeExceptionally(
                new TransportException.Disconnected(endpoint.name(), "closed", null, null));
          } else {
            byte[] out = CAPTURE.getBytes(StandardCharsets.UTF_8);
            options.listener().output(OutputListener.Stream.STDOUT, out, 0, out.length);
            result.complete(
                new CommandResult(0, null, out, new byte[0], false, false, Duration.ZERO));
          }
          return new Execution() {
            @Override
            public RemoteCommand command() {
              return command;
            }

            @Override
            public OutputStream stdin() {
              return OutputStream.nullOutputStream();
            }

            @Override
            public void signal(Signal signal) {}

            @Override
            public void cancel() {}

            @Override
            public CompletableFuture<CommandResult> result() {
              return result;
            }
          };
        }

        @Override
        public void upload(java.nio.file.Path local, String remotePath, boolean preserve) {
          throw new UnsupportedOperationException();
        }

        @Override
        public void download(String remotePath, java.nio.file.Path local, boolean preserve) {
          throw new UnsupportedOperationException();
        }

        @Override
        public boolean isOpen() {
          return true;
        }

        @Override
        public void close() {}
      };
    }

    @Override
    public void close() {}
  }

  @Test
  void aDroppedConnectionIsProbedOnceMoreAnUnreachableHostIsNot() throws Exception {
    DroppingTransport transport = new DroppingTransport();
    FleetProbe probe = new FleetProbe(transport, FanOutSettings.defaults(), Clock.systemUTC());

    List<ProbedHost> probed =
        probe.probe(List.of(Endpoint.of("n1"), Endpoint.of("n2")), List.of(), FleetListener.NONE);

    assertThat(probed.get(0)).isInstanceOf(ProbedHost.Probed.class);
    assertThat(probed.get(1)).isEqualTo(new ProbedHost.NotProbed("n2", "connection refused"));
    assertThat(transport.commands.get("n1")).hasValue(2);
  }
}
