package org.herd.lab;

/** Debian's naming conventions the lab needs: .deb file names and source package names. */
final class DebianNames {

  private DebianNames() {}

  /** {@code name_version_arch.deb}, with the epoch dropped from the version as Debian does. */
  static String debFileName(ControlStanza control) {
    String version = control.require("Version");
    int colon = version.indexOf(':');
    return control.require("Package")
        + "_"
        + (colon >= 0 ? version.substring(colon + 1) : version)
        + "_"
        + control.require("Architecture")
        + ".deb";
  }

  /** The source package name: the {@code Source} field without its version, else the package. */
  static String sourceName(ControlStanza control) {
    return control
        .get("Source")
        .map(source -> source.split("\\s+")[0])
        .orElse(control.require("Package"));
  }
}
