package org.herd.cli;

import net.jqwik.api.lifecycle.AroundPropertyHook;
import net.jqwik.api.lifecycle.PropagationMode;
import net.jqwik.api.lifecycle.PropertyExecutionResult;
import net.jqwik.api.lifecycle.PropertyExecutor;
import net.jqwik.api.lifecycle.PropertyLifecycleContext;

/**
 * The fuzz properties' tries, from the system property {@code herd.fuzz.tries} when it is set: the
 * suite runs a few hundred tries in the unit suite, and as many as asked locally ({@code ./mvnw
 * test -Dtest='*FuzzProperties' -Dherd.fuzz.tries=5000}, see docs/testing.md).
 */
public final class FuzzTries implements AroundPropertyHook {

  /** The system property that overrides every fuzz property's tries. */
  static final String PROPERTY = "herd.fuzz.tries";

  /** Registered on a container class, it applies to the container's properties. */
  @Override
  public PropagationMode propagateTo() {
    return PropagationMode.DIRECT_DESCENDANTS;
  }

  @Override
  public PropertyExecutionResult aroundProperty(
      PropertyLifecycleContext context, PropertyExecutor property) {
    String tries = System.getProperty(PROPERTY, "").strip();
    if (!tries.isEmpty()) {
      context.attributes().setTries(Integer.parseInt(tries));
    }
    return property.execute();
  }
}
