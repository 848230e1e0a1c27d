package org.herd.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.util.List;
import org.herd.inventory.InventoryException;
import org.herd.inventory.Problem;
import org.herd.journal.JournalException;
import org.herd.nodeset.NodeSetException;
import org.herd.recipe.RecipeException;
import org.herd.recipe.RecipeProblem;
import org.herd.text.DidYouMean;
import org.herd.transport.TransportException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IExitCodeExceptionMapper;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The one place where exceptions become messages and exit codes.
 *
 * <p>Every error is printed as {@code herd: <what>: <why>} on one line (several lines only when
 * there are several independent problems, such as every mistake of an inventory). A stack trace is
 * printed only with {@code --debug}, or for an unexpected exception, which is a bug.
 */
final class ErrorReporter
    implements IExecutionExceptionHandler, IParameterExceptionHandler, IExitCodeExceptionMapper {

  private final CliContext context;
  private final HerdCommand root;

  ErrorReporter(CliContext context, HerdCommand root) {
    this.context = context;
    this.root = root;
  }

  /** What an exception means to the user. */
  record Report(ExitCode exitCode, List<String> lines, boolean bug) {}

  @Override
  public int handleParseException(ParameterException ex, String[] args) {
    CommandLine cmd = ex.getCommandLine();
    String name = cmd.getCommandSpec().qualifiedName();
    String hint = ex instanceof UnmatchedArgumentException unmatched ? suggestion(unmatched) : "";
    // picocli starts some messages (of argument groups) with "Error: ", which the line says
    // already.
    String message = ex.getMessage().replaceFirst("^Error: ", "");
    context.err().println(oneLine(name + ": " + message + hint + " (see '" + name + " --help')"));
    context.err().flush();
    return ExitCode.USAGE.code();
  }

  /** "did you mean" for a misspelt subcommand or option. */
  private static String suggestion(UnmatchedArgumentException unmatched) {
    if (unmatched.getUnmatched().isEmpty()) {
      return "";
    }
    String word = unmatched.getUnmatched().get(0);
    CommandSpec spec = unmatched.getCommandLine().getCommandSpec();
    if (word.startsWith("-")) {
      int equals = word.indexOf('=');
      return DidYouMean.hint(
          equals < 0 ? word : word.substring(0, equals), spec.optionsMap().keySet());
    }
    return DidYouMean.hint(word, spec.subcommands().keySet());
  }

  @Override
  public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parseResult) {
    Report report = classify(ex);
    for (String line : report.lines()) {
      context.err().println("herd: " + oneLine(line));
    }
    if (report.bug()) {
      context
          .err()
          .println("herd: this is a bug in herd; please report it with the output of --debug");
    }
    if (root.debug() || report.bug()) {
      ex.printStackTrace(context.err());
    }
    context.err().flush();
    return report.exitCode().code();
  }

  /**
   * {@code line} kept on one line: a value quoted from a file may hold line breaks and other
   * control characters, shown escaped ({@code \n}, {@code \u0000}) as they would be written.
   */
  static String oneLine(String line) {
    StringBuilder out = new StringBuilder(line.length());
    for (char c : line.toCharArray()) {
      if (c == '\n') {
        out.append("\\n");
      } else if (c == '\r') {
        out.append("\\r");
      } else if (Character.isISOControl(c) && c != '\t') {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  @Override
  public int getExitCode(Throwable exception) {
    return classify(exception).exitCode().code();
  }

  /** Maps an exception to its exit code and message lines. */
  static Report classify(Throwable ex) {
    if (ex instanceof UserError || ex instanceof org.herd.ops.InvalidRequest) {
      return new Report(ExitCode.USAGE, List.of(ex.getMessage()), false);
    }
    if (ex instanceof InventoryException inventory) {
      // One line per problem, FILE:LINE:COL first, as compilers print them.
      return new Report(
          ExitCode.USAGE, inventory.problems().stream().map(Problem::toString).toList(), false);
    }
    if (ex instanceof RecipeException recipe) {
      // Likewise for recipes: FILE:LINE:COL: message, one line per problem.
      return new Report(
          ExitCode.USAGE, recipe.problems().stream().map(RecipeProblem::toString).toList(), false);
    }
    if (ex instanceof NodeSetException) {
      return new Report(ExitCode.USAGE, List.of("nodeset: " + ex.getMessage()), false);
    }
    if (ex instanceof ParameterException) {
      return new Report(ExitCode.USAGE, List.of(ex.getMessage()), false);
    }
    if (ex instanceof JournalException) {
      // The journal cannot be reached, created or migrated: nothing was done.
      return new Report(ExitCode.UNAVAILABLE, List.of(ex.getMessage()), false);
    }
    if (ex instanceof org.herd.lab.LabException lab) {
      return new Report(
          lab.badInput() ? ExitCode.USAGE : ExitCode.FAILURE, List.of(lab.getMessage()), false);
    }
    if (ex instanceof org.herd.engine.RunLease.HostsHeldException held) {
      // Another run holds some of the hosts: nothing was done.
      return new Report(ExitCode.UNAVAILABLE, List.of(held.getMessage()), false);
    }
    if (ex instanceof org.herd.engine.EngineException engine) {
      return new Report(ExitCode.FAILURE, List.of(engine.getMessage()), false);
    }
    if (ex instanceof org.herd.plan.PlanFormatException plan) {
      return new Report(ExitCode.USAGE, List.of("plan file: " + plan.getMessage()), false);
    }
    if (ex instanceof InterruptedException) {
      return new Report(ExitCode.INTERRUPTED, List.of("interrupted"), false);
    }
    if (ex instanceof UncheckedIOException unchecked) {
      return classify(unchecked.getCause());
    }
    if (ex instanceof NoSuchFileException missing) {
      return new Report(ExitCode.USAGE, List.of(missing.getFile() + ": no such file"), false);
    }
    if (ex instanceof AccessDeniedException denied) {
      return new Report(
          ExitCode.UNAVAILABLE, List.of(denied.getFile() + ": permission denied"), false);
    }
    if (ex instanceof TransportException transport) {
      // "host: what happened" in full (a changed host key names its known_hosts line).
      ExitCode code =
          "bad ssh config".equals(transport.reason()) ? ExitCode.USAGE : ExitCode.FAILURE;
      return new Report(code, List.of(transport.getMessage()), false);
    }
    if (ex instanceof IOException) {
      return new Report(ExitCode.FAILURE, List.of(String.valueOf(ex.getMessage())), false);
    }
    return new Report(ExitCode.INTERNAL, List.of("unexpected error: " + ex), true);
  }
}
