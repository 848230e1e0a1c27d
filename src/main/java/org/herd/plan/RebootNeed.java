package org.herd.plan;

import java.util.List;

/**
 * Whether the host needs a reboot after the plan's installs, by the rule of {@link RebootRule}.
 *
 * @param required whether it does
 * @param reasons one line per package that needs it ({@code linux-image-6.1.0-30-amd64: kernel}),
 *     sorted; empty when not required
 */
public record RebootNeed(boolean required, List<String> reasons) {

  /** Copies and sorts the reasons; {@code required} must agree with them. */
  public RebootNeed {
    reasons = reasons.stream().sorted().toList();
    if (required != !reasons.isEmpty()) {
      throw new IllegalArgumentException("a reboot is required exactly when there is a reason");
    }
  }

  /** No reboot. */
  public static RebootNeed none() {
    return new RebootNeed(false, List.of());
  }
}
