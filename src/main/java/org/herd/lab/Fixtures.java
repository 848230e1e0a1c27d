package org.herd.lab;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The lab's own packages, each built in an old and a new version to exercise one behaviour of herd
 * on a real dpkg:
 *
 * <ul>
 *   <li>{@code herd-lab-service}: a service whose postinst restarts it through {@code
 *       deb-systemd-invoke}, as debhelper does (policy-rc.d and guards);
 *   <li>{@code herd-lab-conffile}: a conffile changed by the new version (confdef/confold, {@code
 *       .dpkg-dist} leftovers);
 *   <li>{@code herd-lab-failing}: the new version's postinst fails (half-configured packages);
 *   <li>{@code herd-lab-reboot}: the new version asks for a reboot ({@code /run/reboot-required}
 *       and {@code .pkgs});
 *   <li>{@code libherdlab0} with {@code herd-lab-libuser}: a library whose upgrade leaves the
 *       running service mapping a deleted file (needs-restart detection);
 *   <li>{@code herd-lab-security}: the new version is published only in the security suite
 *       (labelled {@code Debian-Security}).
 * </ul>
 */
public final class Fixtures {

  /** The old version of every fixture. */
  public static final String OLD = "1.0-1";

  /** The new version of the fixtures that are not security updates. */
  public static final String NEW = "1.0-2";

  /** Where {@code libherdlab0} installs its library. */
  public static final String LIBRARY = "/usr/lib/herd-lab/libherdlab.so.0";

  /** The names of every fixture package. */
  public static final List<String> NAMES =
      List.of(
          "herd-lab-service",
          "herd-lab-conffile",
          "herd-lab-failing",
          "herd-lab-reboot",
          "libherdlab0",
          "herd-lab-libuser",
          "herd-lab-security");

  private Fixtures() {}

  /** The new version of the security fixture on {@code release}, as in {@code 1.0-1+deb12u1}. */
  public static String securityVersion(Release release) {
    return OLD + release.securitySuffix(1);
  }

  /**
   * Every fixture in every version, with where it goes; {@code library} is a small shared object
   * from the base image that stands in for a real library, {@code arch} the hosts' architecture.
   */
  public static List<Placed> all(Release release, byte[] library, String arch) {
    List<Placed> all = new ArrayList<>();
    for (boolean fresh : new boolean[] {false, true}) {
      Placement placement = fresh ? Placement.NEW : Placement.OLD;
      String version = fresh ? NEW : OLD;
      all.add(new Placed(service(version), placement));
      all.add(new Placed(conffile(version, fresh), placement));
      all.add(new Placed(failing(version, fresh), placement));
      all.add(new Placed(reboot(version), placement));
      all.add(new Placed(library(version, library, arch), placement));
    }
    all.add(new Placed(libraryUser(), Placement.OLD));
    all.add(new Placed(security(OLD, release), Placement.OLD));
    all.add(new Placed(security(securityVersion(release), release), Placement.SECURITY_UPDATE));
    return all;
  }

  /**
   * A digest of every fixture's recipe (names, versions, fields, files, scripts, conffiles) with
   * the stand-in library left out (it is the base image's, whose own hash covers it): the name of
   * the cache directory, so that changing a fixture rebuilds them all.
   */
  public static String recipeHash(Release release, String arch) {
    try {
      java.security.MessageDigest digest = java.security.MessageDigest.getInstance("SHA-256");
      for (Placed placed : all(release, new byte[0], arch)) {
        DebSpec spec = placed.spec();
        StringBuilder text = new StringBuilder();
        text.append(placed.placement()).append('\0').append(spec.name()).append('\0');
        text.append(spec.version()).append('\0').append(spec.architecture()).append('\0');
        text.append(new java.util.TreeMap<>(spec.fields())).append('\0');
        text.append(new java.util.TreeMap<>(spec.scripts())).append('\0');
        text.append(spec.conffiles()).append('\0');
        digest.update(text.toString().getBytes(StandardCharsets.UTF_8));
        for (DebSpec.File file : spec.files()) {
          digest.update((file.path() + "\0" + file.mode() + "\0").getBytes(StandardCharsets.UTF_8));
          digest.update(file.content());
        }
      }
      return java.util.HexFormat.of().formatHex(digest.digest()).substring(0, 16);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  /** A fixture package and where it goes. */
  public record Placed(DebSpec spec, Placement placement) {}

  /** Builds every fixture into {@code dir} (once: the catalog there is reused). */
  public static PackageCatalog ensure(
      Path dir, Release release, Path baseRoot, String arch, DebBuilder builder) {
    Path catalogFile = dir.resolve("catalog.json");
    var cached = PackageCatalog.read(catalogFile);
    if (cached.isPresent()) {
      return cached.get();
    }
    try {
      byte[] library = Files.readAllBytes(stubLibrary(baseRoot));
      List<RepoEntry> entries = new ArrayList<>();
      for (Placed placed : all(release, library, arch)) {
        Path deb = builder.build(placed.spec(), dir);
        entries.add(
            new RepoEntry(
                deb.toString(),
                placed.spec().name(),
                placed.spec().version(),
                placed.spec().name(),
                placed.placement()));
      }
      PackageCatalog catalog = new PackageCatalog(entries);
      catalog.write(catalogFile);
      return catalog;
    } catch (IOException e) {
      throw new UncheckedIOException("building the lab fixtures: " + e.getMessage(), e);
    }
  }

  /**
   * glibc's {@code libanl.so.1}: since glibc 2.34 an empty compatibility library, so preloading a
   * copy of it into a process maps a real shared object and changes nothing else.
   */
  static Path stubLibrary(Path baseRoot) throws IOException {
    for (String dir : List.of("usr/lib/x86_64-linux-gnu", "usr/lib/aarch64-linux-gnu", "usr/lib")) {
      Path candidate = baseRoot.resolve(dir).resolve("libanl.so.1");
      if (Files.isRegularFile(candidate)) {
        return candidate.toRealPath();
      }
    }
    throw LabException.failed(baseRoot + ": no libanl.so.1 in the base image to build libherdlab0");
  }

  private static String description(String summary, String purpose) {
    return summary
        + "\n "
        + purpose
        + "\n .\n Built by herd's lab for testing; not a real package.";
  }

  static DebSpec service(String version) {
    String unit = "herd-lab-service.service";
    return new DebSpec(
        "herd-lab-service",
        version,
        "all",
        Map.of(
            "Section", "misc",
            "Priority", "optional",
            "Description",
                description(
                    "herd lab fixture: a service restarted by its postinst",
                    "Its postinst restarts it through deb-systemd-invoke on upgrade.")),
        List.of(
            FixtureChangelogs.file(
                "herd-lab-service",
                FixtureChangelogs.ordinary(version, "Restart through deb-systemd-invoke.")),
            DebSpec.File.script(
                "/usr/bin/herd-lab-service",
                "#!/bin/sh\n"
                    + "# herd lab fixture service: records its version, then idles.\n"
                    + "echo "
                    + version
                    + " > /run/herd-lab-service/version\n"
                    + "exec sleep infinity\n"),
            DebSpec.File.text(
                "/usr/lib/systemd/system/" + unit,
                FixtureScripts.unit(
                    "herd lab fixture service " + version,
                    "/usr/bin/herd-lab-service",
                    "",
                    "herd-lab-service"))),
        Map.of(
            "postinst", FixtureScripts.servicePostinst(unit, ""),
            "prerm", FixtureScripts.servicePrerm(unit),
            "postrm", FixtureScripts.servicePostrm(unit)),
        List.of());
  }

  static DebSpec conffile(String version, boolean fresh) {
    String path = "/etc/herd-lab/conffile.conf";
    String content =
        fresh
            ? "# herd lab fixture conffile, version " + version + "\nsetting = new\nadded = yes\n"
            : "# herd lab fixture conffile, version " + version + "\nsetting = old\n";
    return new DebSpec(
        "herd-lab-conffile",
        version,
        "all",
        Map.of(
            "Section", "misc",
            "Priority", "optional",
            "Description",
                description(
                    "herd lab fixture: a conffile that changes",
                    "Version " + NEW + " changes /etc/herd-lab/conffile.conf.")),
        List.of(
            DebSpec.File.text(path, content),
            FixtureChangelogs.file(
                "herd-lab-conffile",
                FixtureChangelogs.ordinary(version, "Change the default of conffile.conf."))),
        Map.of(),
        List.of(path));
  }

  static DebSpec failing(String version, boolean fresh) {
    String postinst =
        fresh
            ? "#!/bin/sh\n"
                + "echo 'herd-lab-failing: this postinst fails on purpose' >&2\n"
                + "exit 1\n"
            : "#!/bin/sh\nset -e\nexit 0\n";
    return new DebSpec(
        "herd-lab-failing",
        version,
        "all",
        Map.of(
            "Section", "misc",
            "Priority", "optional",
            "Description",
                description(
                    "herd lab fixture: a postinst that fails",
                    "The postinst of version " + NEW + " exits 1.")),
        List.of(
            DebSpec.File.text("/usr/share/herd-lab-failing/version", version + "\n"),
            FixtureChangelogs.file(
                "herd-lab-failing",
                FixtureChangelogs.ordinary(version, "Make the postinst fail on purpose."))),
        Map.of("postinst", postinst),
        List.of());
  }

  static DebSpec reboot(String version) {
    String postinst =
        "#!/bin/sh\n"
            + "set -e\n"
            + "# Like a kernel: ask for a reboot, here on upgrade only.\n"
            + "if [ \"$1\" = configure ] && [ -n \"$2\" ]; then\n"
            + "\ttouch /run/reboot-required\n"
            + "\tgrep -qsx herd-lab-reboot /run/reboot-required.pkgs"
            + " || echo herd-lab-reboot >> /run/reboot-required.pkgs\n"
            + "fi\n"
            + "exit 0\n";
    return new DebSpec(
        "herd-lab-reboot",
        version,
        "all",
        Map.of(
            "Section", "misc",
            "Priority", "optional",
            "Description",
                description(
                    "herd lab fixture: an upgrade that needs a reboot",
                    "Its postinst writes /run/reboot-required on upgrade.")),
        List.of(
            DebSpec.File.text("/usr/share/herd-lab-reboot/version", version + "\n"),
            FixtureChangelogs.file(
                "herd-lab-reboot",
                FixtureChangelogs.ordinary(version, "Ask for a reboot on upgrade."))),
        Map.of("postinst", postinst),
        List.of());
  }

  static DebSpec library(String version, byte[] library, String arch) {
    return new DebSpec(
        "libherdlab0",
        version,
        arch,
        Map.of(
            "Section", "libs",
            "Priority", "optional",
            "Description",
                description(
                    "herd lab fixture: a shared library",
                    "herd-lab-libuser maps it; upgrading it leaves a deleted mapping behind.")),
        List.of(
            new DebSpec.File(LIBRARY, library, 0644),
            DebSpec.File.text("/usr/share/doc/libherdlab0/version", version + "\n"),
            FixtureChangelogs.file(
                "libherdlab0",
                FixtureChangelogs.ordinary(version, "Rebuild; running users keep the old copy."))),
        Map.of(),
        List.of());
  }

  static DebSpec libraryUser() {
    String unit = "herd-lab-libuser.service";
    return new DebSpec(
        "herd-lab-libuser",
        OLD,
        "all",
        Map.of(
            "Section", "misc",
            "Priority", "optional",
            "Depends", "libherdlab0",
            "Description",
                description(
                    "herd lab fixture: a service using libherdlab0",
                    "Its process maps " + LIBRARY + " until it is restarted.")),
        List.of(
            FixtureChangelogs.file("herd-lab-libuser", FixtureChangelogs.ordinary(OLD, "")),
            DebSpec.File.text(
                "/usr/lib/systemd/system/" + unit,
                FixtureScripts.unit(
                    "herd lab fixture service using libherdlab0",
                    "/bin/sleep infinity",
                    "LD_PRELOAD=" + LIBRARY,
                    "herd-lab-libuser"))),
        Map.of(
            "postinst", FixtureScripts.servicePostinst(unit, ""),
            "prerm", FixtureScripts.servicePrerm(unit),
            "postrm", FixtureScripts.servicePostrm(unit)),
        List.of());
  }

  static DebSpec security(String version, Release release) {
    return new DebSpec(
        "herd-lab-security",
        version,
        "all",
        Map.of(
            "Section", "misc",
            "Priority", "optional",
            "Description",
                description(
                    "herd lab fixture: a package with a security update",
                    "Its new version is published in the security suite only.")),
        List.of(
            FixtureChangelogs.file(
                "herd-lab-security", FixtureChangelogs.security(version, release)),
            new DebSpec.File(
                "/usr/share/herd-lab-security/version",
                (version + "\n").getBytes(StandardCharsets.UTF_8),
                0644)),
        Map.of(),
        List.of());
  }
}
