package org.herd.debian;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads {@code dpkg-query -W -f='${Package}\t${Architecture}\t${Version}\t${db:Status-Abbrev}\n'
 * PATTERN...} (the format herd's probe uses; see {@link #FORMAT}), including dpkg-query's "no
 * packages found matching" complaints on stderr, which name the patterns that matched nothing.
 */
public final class DpkgQueryParser {

  /** The {@code -f} format this parser reads. */
  public static final String FORMAT =
      "${Package}\\t${Architecture}\\t${Version}\\t${db:Status-Abbrev}\\n";

  private static final String NOT_FOUND = "dpkg-query: no packages found matching ";

  /**
   * What dpkg-query printed.
   *
   * @param packages the packages dpkg knows, whatever their state (filter with {@link
   *     DpkgState#isPresent()})
   * @param notFound the patterns that matched no package
   */
  public record Result(List<InstalledPackage> packages, List<String> notFound) {
    /** Copies the lists. */
    public Result {
      packages = List.copyOf(packages);
      notFound = List.copyOf(notFound);
    }
  }

  private DpkgQueryParser() {}

  /** Parses the output; never throws. */
  public static Parsed<Result> parse(String output) {
    List<InstalledPackage> packages = new ArrayList<>();
    List<String> notFound = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    for (String line : output.split("\n", -1)) {
      if (line.isBlank()) {
        continue;
      }
      if (line.startsWith(NOT_FOUND)) {
        notFound.add(line.substring(NOT_FOUND.length()).strip());
        continue;
      }
      String[] f = line.split("\t", -1);
      if (f.length != 4 || !PackageName.isValid(f[0])) {
        warnings.add("unexpected dpkg-query line: " + line);
        continue;
      }
      DpkgState state = DpkgState.parse(f[3]);
      if (state == null) {
        warnings.add("unknown dpkg state '" + f[3] + "' in: " + line);
        continue;
      }
      if (f[2].isEmpty()) {
        // Known to dpkg but never installed (e.g. only in the available file): no version.
        continue;
      }
      if (!DebianVersion.isValid(f[2])) {
        warnings.add("invalid version in: " + line);
        continue;
      }
      packages.add(
          new InstalledPackage(
              PackageName.parse(f[0]),
              f[1].isEmpty() ? null : f[1],
              DebianVersion.parse(f[2]),
              state));
    }
    return new Parsed<>(new Result(packages, notFound), warnings);
  }
}
