package org.herd.debian;

/**
 * A package installed on a host, with its version and dpkg state.
 *
 * @param pkg the package name (unqualified)
 * @param architecture the package's architecture ({@code amd64}, {@code all}), or null if unknown
 * @param version the installed (or half-installed) version
 * @param state dpkg's selection and status, or null when the source does not tell it
 */
public record InstalledPackage(
    PackageName pkg, String architecture, DebianVersion version, DpkgState state) {}
