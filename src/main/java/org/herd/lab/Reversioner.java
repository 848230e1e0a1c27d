package org.herd.lab;

import static org.herd.lab.ProcessRunner.cmd;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes the "new" version of a real Debian package: the same files and the same maintainer scripts,
 * only the version raised to {@code VERSION+lab1}. An upgrade to it therefore runs Debian's own
 * preinst, prerm and postinst, which is the point.
 *
 * <p>Binary packages of one source often pin each other exactly ({@code redis-server} depends on
 * {@code redis-tools (= 5:7.0.15-1~deb12u4)}), so every package of the source is raised together
 * and such exact relations are rewritten to the new versions.
 */
public final class Reversioner {

  /** What is appended to every re-versioned package's version. */
  public static final String SUFFIX = "+lab1";

  private static final List<String> RELATION_FIELDS =
      List.of(
          "Depends",
          "Pre-Depends",
          "Recommends",
          "Suggests",
          "Enhances",
          "Breaks",
          "Conflicts",
          "Replaces",
          "Provides");

  // name[:arch] (= version): the only relation form that a raised version can break.
  private static final Pattern EXACT =
      Pattern.compile("([a-z0-9][a-z0-9+.-]+)(:[a-z0-9-]+)?(\\s*)\\(\\s*=\\s*([^)\\s]+)\\s*\\)");

  private final ProcessRunner runner;

  /** Re-versions with the machine's {@code dpkg-deb}. */
  public Reversioner(ProcessRunner runner) {
    this.runner = runner;
  }

  /** The raised version of {@code version}. */
  public static String raise(String version) {
    return version + SUFFIX;
  }

  /**
   * Rewrites the exact relations of {@code field} on the packages in {@code raised} (package name
   * to its original version) to their raised versions; other relations are kept as written.
   */
  public static String rewriteRelations(String field, Map<String, String> raised) {
    Matcher m = EXACT.matcher(field);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String name = m.group(1);
      String version = m.group(4);
      String replacement = m.group();
      if (version.equals(raised.get(name))) {
        replacement =
            name
                + (m.group(2) == null ? "" : m.group(2))
                + m.group(3)
                + "(= "
                + raise(version)
                + ")";
      }
      m.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    m.appendTail(out);
    return out.toString();
  }

  /** The control stanza of the raised package. */
  public static ControlStanza raiseControl(ControlStanza control, Map<String, String> raised) {
    ControlStanza copy = ControlStanza.parse(control.render());
    copy.set("Version", raise(control.require("Version")));
    for (String field : RELATION_FIELDS) {
      control.get(field).ifPresent(value -> copy.set(field, rewriteRelations(value, raised)));
    }
    return copy;
  }

  /**
   * Writes the raised copy of {@code deb} into {@code outDir} and returns its path; {@code raised}
   * maps every package raised together with it to its original version.
   *
   * <p>Only the control part is rebuilt ({@code dpkg-deb -e}, the new control file, {@code tar});
   * the {@code data.tar} member is copied from Debian's package unchanged, which keeps the copy
   * byte-identical where it matters and avoids recompressing hundreds of megabytes.
   */
  public Path reversion(Path deb, Map<String, String> raised, Path outDir, Path workDir) {
    try {
      Path tree = Files.createTempDirectory(workDir, "reversion-");
      try {
        Path control = tree.resolve("DEBIAN");
        runner.check(cmd("dpkg-deb", "-e", deb.toString(), control.toString()));
        Path controlFile = control.resolve("control");
        ControlStanza newControl =
            raiseControl(ControlStanza.parse(Files.readString(controlFile)), raised);
        Files.writeString(controlFile, newControl.render());
        Path tarball = tree.resolve("control.tar.gz");
        runner.check(
            cmd(
                "tar",
                "--format=gnu",
                "--numeric-owner",
                "--owner=0",
                "--group=0",
                "--sort=name",
                "-C",
                control.toString(),
                "-czf",
                tarball.toString(),
                "."));
        List<DebArchive.Member> members = new ArrayList<>();
        for (DebArchive.Member member : DebArchive.read(deb)) {
          if (member.name().startsWith("control.tar")) {
            members.add(new DebArchive.Member("control.tar.gz", Files.readAllBytes(tarball)));
          } else {
            members.add(member);
          }
        }
        Path out = outDir.resolve(DebianNames.debFileName(newControl));
        DebArchive.write(out, members, Files.getLastModifiedTime(deb).toMillis() / 1000);
        PackageStanza.write(out, newControl);
        return out;
      } finally {
        Trees.delete(tree);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(deb + ": cannot re-version: " + e.getMessage(), e);
    }
  }
}
