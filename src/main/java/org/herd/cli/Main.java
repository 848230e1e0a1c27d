package org.herd.cli;

import picocli.CommandLine;

/**
 * The entry point. The only place in herd that exits the JVM; everything below returns an exit
 * code.
 */
public final class Main {

  private final CliContext context;

  /** Creates an entry point writing to the given context. */
  public Main(CliContext context) {
    this.context = context;
  }

  /** Runs herd as a process. */
  public static void main(String[] args) {
    CliContext context = CliContext.forProcess();
    int code = new Main(context).run(args);
    context.out().flush();
    context.err().flush();
    System.exit(code);
  }

  /** Runs one herd invocation in-process and returns its exit code. */
  public int run(String... args) {
    HerdCommand root = new HerdCommand(context);
    CommandLine commandLine = HerdCommand.commandLine(root, args);
    ErrorReporter reporter = new ErrorReporter(context, root);
    commandLine
        .setOut(context.out())
        .setErr(context.err())
        .setColorScheme(
            CommandLine.Help.defaultColorScheme(
                context.terminal().colour() ? CommandLine.Help.Ansi.ON : CommandLine.Help.Ansi.OFF))
        .setExecutionExceptionHandler(reporter)
        .setParameterExceptionHandler(reporter)
        .setExitCodeExceptionMapper(reporter);
    commandLine.setCaseInsensitiveEnumValuesAllowed(true);
    // '@web' is a node group, not a file of arguments.
    commandLine.setExpandAtFiles(false);
    int code = commandLine.execute(args);
    context.out().flush();
    context.err().flush();
    return code;
  }
}
