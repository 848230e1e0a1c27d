package org.herd.lab;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A package's entry in a {@code Packages} index, without its {@code Filename}: its control fields,
 * size and hashes. Kept in a {@code .stanza} file next to the .deb, written when the lab makes or
 * first indexes the package, so that regenerating the indices reads no package again.
 */
final class PackageStanza {

  private PackageStanza() {}

  static Path sidecar(Path deb) {
    return deb.resolveSibling(deb.getFileName() + ".stanza");
  }

  /** The stanza of {@code deb}, whose control fields are {@code control}; kept in its sidecar. */
  static String write(Path deb, ControlStanza control) {
    try {
      ControlStanza stanza = ControlStanza.parse(control.render());
      String[] hashes = hashes(deb);
      stanza.set("Size", Long.toString(Files.size(deb)));
      stanza.set("MD5sum", hashes[0]);
      stanza.set("SHA256", hashes[1]);
      String text = stanza.render();
      Files.writeString(sidecar(deb), text);
      return text;
    } catch (IOException e) {
      throw new UncheckedIOException(deb + ": " + e.getMessage(), e);
    }
  }

  /** The stanza of {@code deb}, from its sidecar when it is current, else made now. */
  static String read(Path deb, ProcessRunner runner) {
    try {
      Path sidecar = sidecar(deb);
      if (Files.isRegularFile(sidecar)
          && Files.getLastModifiedTime(sidecar).compareTo(Files.getLastModifiedTime(deb)) >= 0) {
        return Files.readString(sidecar);
      }
    } catch (IOException e) {
      // Made again below.
    }
    String fields = runner.check(ProcessRunner.cmd("dpkg-deb", "-f", deb.toString())).stdout();
    return write(deb, ControlStanza.parse(fields));
  }

  /** MD5 and SHA-256 of {@code file}, hex. */
  static String[] hashes(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      MessageDigest md5 = MessageDigest.getInstance("MD5");
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      byte[] buffer = new byte[1 << 16];
      for (int n; (n = in.read(buffer)) > 0; ) {
        md5.update(buffer, 0, n);
        sha.update(buffer, 0, n);
      }
      return new String[] {
        HexFormat.of().formatHex(md5.digest()), HexFormat.of().formatHex(sha.digest())
      };
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("MD5 and SHA-256 are part of every Java runtime", e);
    }
  }
}
