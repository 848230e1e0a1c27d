package org.herd.cli;

import org.herd.journal.Journal;
import org.herd.journal.JournalLocation;
import org.herd.journal.RunId;
import org.herd.journal.RunSummary;
import picocli.CommandLine.Option;

/** The {@code --journal} option of every command that reads or writes runs and facts. */
final class JournalOption {

  @Option(
      names = "--journal",
      converter = PathConverter.Name.class,
      paramLabel = "URL",
      description =
          "The journal: a SQLite file or jdbc:postgresql: URL (default: $HERD_JOURNAL, else"
              + " /var/lib/herd/journal.db for root, ~/.local/state/herd/journal.db).")
  String journal;

  /** Opens the journal named by the option or the environment. */
  Journal open(CliContext context) {
    return Journal.open(
        JournalLocation.resolve(
            journal, context.env(), JournalLocation.currentUid(), context.workingDirectory()),
        context.clock());
  }

  /** The run the operator named, or a one-line error when there is none. */
  static RunSummary run(Journal journal, String id) {
    RunId run;
    try {
      run = RunId.of(id);
    } catch (IllegalArgumentException e) {
      throw new UserError(e.getMessage());
    }
    return journal
        .run(run)
        .orElseThrow(() -> new UserError("run " + id + ": no such run (see 'herd runs')"));
  }
}
