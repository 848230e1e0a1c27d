package org.herd.facts;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.herd.debian.PackageName;
import org.herd.text.ShellWords;

/**
 * The host probe: one POSIX-sh script ({@code probe.sh} beside this class) that gathers every fact
 * of {@link HostFacts} in a single execution, and the parser for what it prints. The transport runs
 * {@link #command} once per host (one SSH exec, no per-fact round trips) and hands the standard
 * output to {@link #parse}.
 *
 * <p>The script never takes the dpkg lock, changes nothing on the host, bounds each slow part with
 * {@code timeout}, and works as a non-root user with fewer facts. Its protocol is described at its
 * top; docs/status.md lists every fact and its source.
 */
public final class HostProbe {

  private static final String RESOURCE = "probe.sh";
  private static final String SCRIPT = resource(RESOURCE);

  private HostProbe() {}

  /** The script's text. */
  public static String script() {
    return SCRIPT;
  }

  /**
   * The command line that runs the probe through the remote user's shell: {@code sh -c SCRIPT
   * herd-probe PACKAGE...}. Package names are validated already by their type and are quoted
   * anyway.
   *
   * @param packages packages whose installed versions to report (a cluster's packages)
   */
  public static String command(List<PackageName> packages) {
    List<String> words = new ArrayList<>(List.of("sh", "-c", SCRIPT, "herd-probe"));
    packages.forEach(p -> words.add(p.toString()));
    return ShellWords.command(words);
  }

  /**
   * The command line of a probe that gathers only what a plan reads: the probe's own section and
   * the upgrade simulation ({@link HostFacts#upgrades()}); the other facts are absent.
   */
  public static String upgradesCommand() {
    return ShellWords.command(List.of("sh", "-c", SCRIPT, "herd-probe", "--upgrades-only"));
  }

  /** Parses the probe's standard output; never throws. */
  public static HostFacts parse(String stdout) {
    return ProbeOutputParser.parse(stdout);
  }

  /** A script of this package, as text. */
  static String resource(String name) {
    try (InputStream in = HostProbe.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("script missing from the jar: " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
