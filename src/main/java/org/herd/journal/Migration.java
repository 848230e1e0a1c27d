package org.herd.journal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One versioned change of the journal's schema, read from a resource {@code
 * org/herd/journal/migrations/V<version>__<description>.sql}. Where SQLite and PostgreSQL need
 * different SQL, a file {@code V<version>__<description>.<dialect>.sql} ({@code sqlite}, {@code
 * postgresql}) takes the place of the common one for that database.
 *
 * @param checksum SHA-256 of the script (line ends normalised), recorded when applied and compared
 *     on every start, so an edited migration is noticed instead of silently diverging
 */
record Migration(int version, String description, String script, String checksum) {

  static final String DIRECTORY = "org/herd/journal/migrations/";
  private static final Pattern NAME = Pattern.compile("V([1-9][0-9]*)__([a-z0-9_]+)");

  Migration {
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(script, "script");
    Objects.requireNonNull(checksum, "checksum");
  }

  /** A migration from its script text. */
  static Migration of(int version, String description, String script) {
    String normalised = script.replace("\r\n", "\n");
    return new Migration(version, description, normalised, sha256(normalised));
  }

  /**
   * Loads a migration by its base name ({@code V1__initial_schema}) for a dialect.
   *
   * @throws IllegalStateException when the resource is missing (a packaging bug)
   */
  static Migration load(String name, Dialect dialect) {
    Matcher matcher = NAME.matcher(name);
    if (!matcher.matches()) {
      throw new IllegalArgumentException("migration name '" + name + "': expected V<n>__<words>");
    }
    String specific = DIRECTORY + name + "." + dialect.name().toLowerCase() + ".sql";
    String common = DIRECTORY + name + ".sql";
    String script = resource(specific);
    if (script == null) {
      script = resource(common);
    }
    if (script == null) {
      throw new IllegalStateException("migration resource missing: " + common);
    }
    return of(Integer.parseInt(matcher.group(1)), matcher.group(2).replace('_', ' '), script);
  }

  List<String> statements() {
    return SqlScript.statements(script);
  }

  private static String resource(String path) {
    try (InputStream in = Migration.class.getClassLoader().getResourceAsStream(path)) {
      return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + path, e);
    }
  }

  private static String sha256(String text) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
