package org.herd.lab;

/**
 * One package file of the lab repository.
 *
 * @param file the absolute path of the .deb (in the shared cache or the lab's published packages)
 * @param name the package name
 * @param version the package version
 * @param source the source package it was built from
 * @param placement where it shows up
 */
public record RepoEntry(
    String file, String name, String version, String source, Placement placement) {

  /** {@code name=version}, as apt-get takes it. */
  public String pin() {
    return name + "=" + version;
  }
}
