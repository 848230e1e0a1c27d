package org.herd.journal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where the journal lives: a JDBC URL, and for SQLite the file behind it.
 *
 * <p>The first of these wins: the {@code --journal} option, the {@code HERD_JOURNAL} environment
 * variable, then the default SQLite file — {@code /var/lib/herd/journal.db} for root (uid 0), else
 * {@code $XDG_STATE_HOME/herd/journal.db}, where {@code XDG_STATE_HOME} defaults to {@code
 * ~/.local/state} as the XDG base directory specification says. An option or variable may be a JDBC
 * URL ({@code jdbc:sqlite:FILE}, {@code jdbc:postgresql://HOST/DB}) or a plain file path, which
 * means SQLite.
 *
 * @param url the JDBC URL to connect to
 * @param file the SQLite file, created with its parent directories on first use; empty for
 *     PostgreSQL
 */
public record JournalLocation(String url, Dialect dialect, Optional<Path> file) {

  /** The environment variable naming the journal when there is no {@code --journal} option. */
  public static final String ENV = "HERD_JOURNAL";

  private static final Path ROOT_FILE = Path.of("/var/lib/herd/journal.db");
  private static final Pattern PASSWORD = Pattern.compile("(?i)(password=)[^&;]*");

  /** A password in the URL's authority, {@code //USER:PASSWORD@HOST}. */
  private static final Pattern USER_INFO_PASSWORD = Pattern.compile("(//[^/?#@:]*:)[^/?#]*@");

  public JournalLocation {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(dialect, "dialect");
    Objects.requireNonNull(file, "file");
  }

  /**
   * Resolves the journal to use.
   *
   * @param option the {@code --journal} value, or {@code null} when not given
   * @param env the process environment
   * @param uid the effective user id ({@link #currentUid()})
   * @param workingDirectory what a relative file is relative to
   * @throws JournalException when the option or variable is not a journal herd can use
   */
  public static JournalLocation resolve(
      String option, Map<String, String> env, long uid, Path workingDirectory) {
    if (option != null && !option.isBlank()) {
      return parse(option, workingDirectory);
    }
    String fromEnv = env.get(ENV);
    if (fromEnv != null && !fromEnv.isBlank()) {
      return parse(fromEnv, workingDirectory);
    }
    return sqlite(defaultFile(env, uid));
  }

  /** The default SQLite file of a user. */
  static Path defaultFile(Map<String, String> env, long uid) {
    if (uid == 0) {
      return ROOT_FILE;
    }
    String state = env.get("XDG_STATE_HOME");
    // The XDG specification says a relative value is invalid and must be ignored.
    if (state != null && Path.of(state).isAbsolute()) {
      return Path.of(state, "herd", "journal.db");
    }
    String home = env.getOrDefault("HOME", System.getProperty("user.home"));
    return Path.of(home, ".local", "state", "herd", "journal.db");
  }

  /**
   * Reads a journal named by the operator: a JDBC URL or a file path.
   *
   * @throws JournalException for other databases and for in-memory SQLite (each pooled connection
   *     would see its own empty database)
   */
  public static JournalLocation parse(String text) {
    return parse(text, Path.of(""));
  }

  private static JournalLocation parse(String text, Path workingDirectory) {
    String trimmed = text.strip();
    if (trimmed.startsWith("jdbc:postgresql:")) {
      return new JournalLocation(trimmed, Dialect.POSTGRESQL, Optional.empty());
    }
    if (trimmed.startsWith("jdbc:sqlite:")) {
      String rest = trimmed.substring("jdbc:sqlite:".length());
      int query = rest.indexOf('?');
      String path = query < 0 ? rest : rest.substring(0, query);
      String scheme = path.startsWith("file:") ? "file:" : "";
      path = path.substring(scheme.length());
      if (path.isEmpty() || path.contains(":memory:") || path.contains("mode=memory")) {
        throw new JournalException(
            "journal " + trimmed + ": an in-memory SQLite journal cannot be shared; name a file");
      }
      if (Path.of(path).isAbsolute()) {
        return new JournalLocation(trimmed, Dialect.SQLITE, Optional.of(Path.of(path)));
      }
      Path file = workingDirectory.resolve(path).toAbsolutePath().normalize();
      String url = "jdbc:sqlite:" + scheme + file + (query < 0 ? "" : rest.substring(query));
      return new JournalLocation(url, Dialect.SQLITE, Optional.of(file));
    }
    if (trimmed.startsWith("jdbc:")) {
      throw new JournalException(
          "journal "
              + redacted(trimmed)
              + ": unsupported database (expected jdbc:sqlite:FILE or"
              + " jdbc:postgresql://HOST[:PORT]/DATABASE)");
    }
    if (trimmed.contains(":memory:")) {
      throw new JournalException(
          "journal " + trimmed + ": an in-memory SQLite journal cannot be shared; name a file");
    }
    return sqlite(workingDirectory.resolve(trimmed));
  }

  private static JournalLocation sqlite(Path file) {
    Path absolute = file.toAbsolutePath().normalize();
    return new JournalLocation("jdbc:sqlite:" + absolute, Dialect.SQLITE, Optional.of(absolute));
  }

  /** The effective user id of this process, from {@code /proc/self}; -1 when unknown. */
  public static long currentUid() {
    try {
      Object uid = Files.getAttribute(Path.of("/proc/self"), "unix:uid");
      return ((Number) uid).longValue();
    } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
      return "root".equals(System.getProperty("user.name")) ? 0 : -1;
    }
  }

  /** The URL with any password blanked out, for messages. */
  public String redactedUrl() {
    return redacted(url);
  }

  /** A short name for messages: the file for SQLite, the redacted URL otherwise. */
  public String describe() {
    return file.map(Path::toString).orElseGet(this::redactedUrl);
  }

  static String redacted(String url) {
    String masked = USER_INFO_PASSWORD.matcher(url).replaceAll("$1***@");
    return PASSWORD.matcher(masked).replaceAll("$1***");
  }
}
