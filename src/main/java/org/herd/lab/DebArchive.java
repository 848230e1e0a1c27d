package org.herd.lab;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The ar container of a .deb ({@code debian-binary}, {@code control.tar.*}, {@code data.tar.*}),
 * read and written as deb(5) describes it. It lets the lab replace a package's control part while
 * keeping Debian's compressed {@code data.tar} byte for byte.
 */
public final class DebArchive {

  private static final byte[] MAGIC = "!<arch>\n".getBytes(StandardCharsets.US_ASCII);
  private static final int HEADER = 60;

  private DebArchive() {}

  /**
   * One member of the archive.
   *
   * @param name its name, as in {@code control.tar.xz}
   * @param content its bytes
   */
  public record Member(String name, byte[] content) {}

  /** The members of the .deb at {@code deb}, in order. */
  public static List<Member> read(Path deb) throws IOException {
    byte[] bytes = Files.readAllBytes(deb);
    if (bytes.length < MAGIC.length || !startsWith(bytes, MAGIC)) {
      throw new IOException(deb + ": not an ar archive");
    }
    List<Member> members = new ArrayList<>();
    int at = MAGIC.length;
    while (at + HEADER <= bytes.length) {
      String header = new String(bytes, at, HEADER, StandardCharsets.US_ASCII);
      if (!header.endsWith("`\n")) {
        throw new IOException(deb + ": bad ar member header at byte " + at);
      }
      String name = header.substring(0, 16).strip();
      if (name.endsWith("/")) {
        name = name.substring(0, name.length() - 1);
      }
      int size = Integer.parseInt(header.substring(48, 58).strip());
      int start = at + HEADER;
      if (start + size > bytes.length) {
        throw new IOException(deb + ": truncated member " + name);
      }
      byte[] content = new byte[size];
      System.arraycopy(bytes, start, content, 0, size);
      members.add(new Member(name, content));
      at = start + size + (size % 2);
    }
    return members;
  }

  /** Writes {@code members} as a .deb at {@code out}. */
  public static void write(Path out, List<Member> members, long mtime) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    bytes.write(MAGIC);
    for (Member member : members) {
      String header =
          pad(member.name(), 16)
              + pad(Long.toString(mtime), 12)
              + pad("0", 6)
              + pad("0", 6)
              + pad("100644", 8)
              + pad(Integer.toString(member.content().length), 10)
              + "`\n";
      bytes.write(header.getBytes(StandardCharsets.US_ASCII));
      bytes.write(member.content());
      if (member.content().length % 2 == 1) {
        bytes.write('\n');
      }
    }
    Files.write(out, bytes.toByteArray());
  }

  private static String pad(String value, int width) {
    if (value.length() > width) {
      throw new IllegalArgumentException("ar field too long: " + value);
    }
    return value + " ".repeat(width - value.length());
  }

  private static boolean startsWith(byte[] bytes, byte[] prefix) {
    for (int i = 0; i < prefix.length; i++) {
      if (bytes[i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }
}
