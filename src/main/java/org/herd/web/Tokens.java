package org.herd.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Who may act through {@code herd serve}: the {@code --tokens} file, one {@code NAME TOKEN} per
 * line, {@code #} comments and blank lines ignored. A request's bearer token is compared with every
 * token in constant time (their SHA-256 digests, so neither length nor a common prefix shows in the
 * time taken); the token's name is who the journal records.
 */
public final class Tokens {

  /** The shortest token accepted: guessing 16 characters is out of reach. */
  static final int MIN_LENGTH = 16;

  /** No tokens: every action is refused. */
  public static final Tokens NONE = new Tokens(Map.of());

  private final Map<String, byte[]> digests;

  private Tokens(Map<String, byte[]> digests) {
    this.digests = digests;
  }

  /**
   * Reads a tokens file.
   *
   * @throws IllegalArgumentException with a one-line reason: unreadable, readable by group or
   *     others, or a line that is not {@code NAME TOKEN}
   */
  public static Tokens read(Path file) {
    try {
      Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
      if (permissions.contains(PosixFilePermission.GROUP_READ)
          || permissions.contains(PosixFilePermission.OTHERS_READ)) {
        throw new IllegalArgumentException(
            "--tokens " + file + ": readable by group or others; chmod 600 it");
      }
      return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
    } catch (IOException e) {
      throw new IllegalArgumentException("--tokens " + file + ": cannot read it (" + e + ")");
    }
  }

  /** Parses the text of a tokens file named {@code where} in errors. */
  static Tokens parse(String text, String where) {
    Map<String, byte[]> digests = new LinkedHashMap<>();
    List<String> seen = new ArrayList<>();
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String[] words = line.split("\\s+");
      String at = "--tokens " + where + ":" + (i + 1) + ": ";
      if (words.length != 2) {
        throw new IllegalArgumentException(at + "expected NAME TOKEN");
      }
      if (words[1].length() < MIN_LENGTH) {
        throw new IllegalArgumentException(
            at + "the token of " + words[0] + " is shorter than " + MIN_LENGTH + " characters");
      }
      if (digests.containsKey(words[0])) {
        throw new IllegalArgumentException(at + words[0] + " is named twice");
      }
      byte[] digest = digest(words[1]);
      for (String other : seen) {
        if (MessageDigest.isEqual(digests.get(other), digest)) {
          throw new IllegalArgumentException(at + words[0] + " has the token of " + other);
        }
      }
      digests.put(words[0], digest);
      seen.add(words[0]);
    }
    return new Tokens(digests);
  }

  /** Whether no one may act. */
  public boolean isEmpty() {
    return digests.isEmpty();
  }

  /** Who holds {@code token}, compared with every token in constant time. */
  public Optional<String> holder(String token) {
    byte[] digest = digest(token);
    String found = null;
    for (Map.Entry<String, byte[]> entry : digests.entrySet()) {
      if (MessageDigest.isEqual(entry.getValue(), digest) && found == null) {
        found = entry.getKey();
      }
    }
    return Optional.ofNullable(found);
  }

  private static byte[] digest(String token) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
