package org.herd.facts;

import java.time.Instant;
import java.util.Objects;

/**
 * What probing one host gave: its facts, or why there are none. A host that could not be probed is
 * kept (listed, never fatal), so a fleet report can say which hosts it does not know about.
 */
public sealed interface ProbedHost {

  /** The host's name. */
  String host();

  /**
   * The probe ran and its output was parsed.
   *
   * @param host the host
   * @param collectedAt herd's clock when the probe's output was complete
   * @param facts what the probe found
   */
  record Probed(String host, Instant collectedAt, HostFacts facts) implements ProbedHost {
    public Probed {
      Objects.requireNonNull(host);
      Objects.requireNonNull(collectedAt);
      Objects.requireNonNull(facts);
    }
  }

  /**
   * The host gave no usable probe output.
   *
   * @param host the host
   * @param reason why, as the fleet layer describes it ({@code connection refused}, {@code exit
   *     code 127})
   */
  record NotProbed(String host, String reason) implements ProbedHost {
    public NotProbed {
      Objects.requireNonNull(host);
      Objects.requireNonNull(reason);
    }
  }
}
