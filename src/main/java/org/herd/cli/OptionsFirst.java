package org.herd.cli;

import picocli.CommandLine.IModelTransformer;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The parsing of clush and nodeset: options come first, and everything from the first argument on
 * is an argument, however it looks. {@code herd run -w n1 ls -l} passes {@code -l} to ls; {@code
 * herd nodeset -f n[1-9] -x n5} leaves {@code -x n5} to be applied in turn.
 */
final class OptionsFirst implements IModelTransformer {
  @Override
  public CommandSpec transform(CommandSpec spec) {
    spec.parser().stopAtPositional(true);
    return spec;
  }
}
