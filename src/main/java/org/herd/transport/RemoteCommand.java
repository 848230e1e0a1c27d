package org.herd.transport;

import java.util.List;
import java.util.Objects;
import org.herd.text.ShellWords;

/**
 * A command for a host, as the line that {@code /bin/sh -c} runs there.
 *
 * <p>Two ways to build one, and only two, so nothing user-supplied is ever interpreted by a shell
 * by accident:
 *
 * <ul>
 *   <li>{@link #of(String, String...)}: a program and its arguments; every word is quoted for POSIX
 *       sh, so {@code of("apt-get", "install", "pkg=1.0")} runs exactly that argv, whatever the
 *       words contain ({@code '}, {@code $}, newlines, non-ASCII).
 *   <li>{@link #shell(String)}: the operator's own shell line ({@code herd run 'uptime | cut
 *       -c1-9'}), passed to sh as is, like {@code clush} does. Never build one from untrusted
 *       words; use {@link #quote(String)} on each of them when a pipeline is needed.
 * </ul>
 *
 * <p>The transport adds privilege wrapping ({@link Become}) around the line without editing it.
 *
 * @param line the sh command line
 * @param argv the words when built with {@link #of}, or null for a shell line
 */
public record RemoteCommand(String line, List<String> argv) {

  /** Checks the line; prefer the factories. */
  public RemoteCommand {
    Objects.requireNonNull(line, "line");
    if (line.indexOf('\0') >= 0) {
      throw new IllegalArgumentException("a command cannot contain a NUL byte");
    }
    argv = argv == null ? null : List.copyOf(argv);
  }

  /** A program and its arguments, each quoted for POSIX sh. */
  public static RemoteCommand of(String program, String... args) {
    return of(concat(program, args));
  }

  /**
   * An argv, each word quoted for POSIX sh.
   *
   * @throws IllegalArgumentException when the list is empty or a word contains NUL
   */
  public static RemoteCommand of(List<String> argv) {
    if (argv.isEmpty()) {
      throw new IllegalArgumentException("a command needs a program");
    }
    StringBuilder line = new StringBuilder();
    for (String word : argv) {
      if (line.length() > 0) {
        line.append(' ');
      }
      line.append(quote(word));
    }
    return new RemoteCommand(line.toString(), argv);
  }

  /** The operator's own shell line, run by {@code /bin/sh -c} as is. */
  public static RemoteCommand shell(String line) {
    if (line.isBlank()) {
      throw new IllegalArgumentException("empty command");
    }
    return new RemoteCommand(line, null);
  }

  /**
   * Quotes one word for POSIX sh: words made only of safe characters ({@code A-Za-z0-9_@%+=:,./-})
   * are returned as they are, anything else is single-quoted with each {@code '} written as {@code
   * '\''}. The result always expands to exactly one word equal to {@code word}.
   *
   * @throws IllegalArgumentException when the word contains NUL, which no shell word can hold
   */
  public static String quote(String word) {
    return ShellWords.quote(word);
  }

  /** The line, as it is shown in logs and messages. */
  @Override
  public String toString() {
    return line;
  }

  private static List<String> concat(String program, String[] args) {
    Objects.requireNonNull(program, "program");
    String[] all = new String[args.length + 1];
    all[0] = program;
    System.arraycopy(args, 0, all, 1, args.length);
    return List.of(all);
  }
}
