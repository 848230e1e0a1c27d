package org.herd.cli;

import org.herd.plan.RebootPolicy;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * The {@code --reboot WHEN} option, one definition for {@code herd plan} (which records it in the
 * plan) and for the commands that execute a plan (where it replaces the plan's). A value that is
 * not a policy is a usage error before anything is probed or run.
 */
final class RebootOption {

  @Option(
      names = "--reboot",
      paramLabel = "WHEN",
      converter = PolicyConverter.class,
      description =
          "never, if-required (a new kernel, /run/reboot-required) or always: reboot a host after"
              + " its restarts, before its health gate. 'herd plan' records it in the plan;"
              + " 'herd apply' follows the plan's unless given (default: never).")
  RebootPolicy policy;

  /** Whether the option was given. */
  boolean given() {
    return policy != null;
  }

  /** The policy given, or {@code otherwise}. */
  RebootPolicy orElse(RebootPolicy otherwise) {
    return policy == null ? otherwise : policy;
  }

  /** Reads {@code if-required} and its siblings; anything else is a parse error (exit 2). */
  static final class PolicyConverter implements ITypeConverter<RebootPolicy> {
    @Override
    public RebootPolicy convert(String value) {
      try {
        return RebootPolicy.of(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(
            "'" + value + "' is not one of never, if-required, always");
      }
    }
  }
}
