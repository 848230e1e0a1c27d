package org.herd.debian;

/**
 * A {@code Remv} or {@code Purg} line of {@code apt-get -s}: a package the simulated run would
 * remove.
 *
 * @param pkg the package
 * @param installed the installed version, or null when apt did not print it
 * @param purge whether its configuration files would be purged too ({@code Purg})
 */
public record SimulatedRemoval(PackageName pkg, DebianVersion installed, boolean purge) {}
