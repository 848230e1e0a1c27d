package org.herd.text;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Reads a file an operator gave herd (an inventory, a recipe, a plan, a fleet file) as UTF-8 text,
 * refusing one larger than its kind can be before reading it, so that a wrong file is one clear
 * line rather than minutes of parsing or an out-of-memory.
 */
public final class TextFile {

  /** Why a file could not be read, in a few words: "no such file", "not UTF-8 text"… */
  public static final class Unreadable extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Unreadable(String reason) {
      super(reason, null, false, false);
    }
  }

  /**
   * Why a file named by an empty string cannot be read. {@code Path.of("")} is the working
   * directory, so an empty name must be refused where the operator's text becomes a path, or it
   * reads as "a directory, not a file".
   */
  public static final String EMPTY_NAME = "the file name is empty";

  private TextFile() {}

  /**
   * Why the file the operator wrote as {@code named}, found at {@code file}, cannot be read as a
   * file: {@link #EMPTY_NAME}, "a directory, not a file", "permission denied" or "no such file"; or
   * empty when it is a readable regular file.
   */
  public static Optional<String> unreadable(String named, Path file) {
    if (named.isEmpty()) {
      return Optional.of(EMPTY_NAME);
    }
    if (Files.isRegularFile(file) && Files.isReadable(file)) {
      return Optional.empty();
    }
    return Optional.of(
        Files.isDirectory(file)
            ? "a directory, not a file"
            : Files.exists(file) ? "permission denied" : "no such file");
  }

  /**
   * The text of {@code file}.
   *
   * @param kind what the file is, for the message ("recipe")
   * @param limit the most bytes a file of its kind may have
   * @throws Unreadable when its name is empty, or it is missing, unreadable, a directory, too large
   *     or not UTF-8
   */
  public static String read(Path file, String kind, long limit) {
    if (file.toString().isEmpty()) {
      throw new Unreadable(EMPTY_NAME);
    }
    try (InputStream in = Files.newInputStream(file)) {
      byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
      if (bytes.length > limit) {
        throw new Unreadable("larger than a " + kind + " can be (at most " + size(limit) + ")");
      }
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (NoSuchFileException e) {
      throw new Unreadable("no such file");
    } catch (AccessDeniedException e) {
      throw new Unreadable("permission denied");
    } catch (CharacterCodingException e) {
      throw new Unreadable("not UTF-8 text");
    } catch (IOException e) {
      throw new Unreadable(
          Files.isDirectory(file) ? "a directory, not a file" : "cannot read: " + e.getMessage());
    }
  }

  /** {@code 4 MiB}, {@code 512 KiB}, {@code 100 bytes}. */
  static String size(long bytes) {
    if (bytes >= 1 << 20 && bytes % (1 << 20) == 0) {
      return (bytes >> 20) + " MiB";
    }
    if (bytes >= 1 << 10 && bytes % (1 << 10) == 0) {
      return (bytes >> 10) + " KiB";
    }
    return bytes + " bytes";
  }
}
