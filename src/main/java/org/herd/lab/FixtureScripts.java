package org.herd.lab;

/**
 * Maintainer scripts for the lab's fixture services, written the way debhelper's {@code
 * dh_installsystemd} writes them for a real package: enable on install, {@code deb-systemd-invoke
 * start} on install and {@code restart} on upgrade, stop on removal. That is what makes a fixture
 * upgrade behave like a Debian service upgrade, policy-rc.d included.
 */
final class FixtureScripts {

  private FixtureScripts() {}

  /** The postinst of a service package that restarts {@code unit} on upgrade. */
  static String servicePostinst(String unit, String extra) {
    return """
        #!/bin/sh
        set -e
        %2$s
        if [ "$1" = "configure" ] || [ "$1" = "abort-upgrade" ] || [ "$1" = "abort-deconfigure" ] || [ "$1" = "abort-remove" ] ; then
        \t# Only remove masks created by deb-systemd-helper on removal.
        \tdeb-systemd-helper unmask '%1$s' >/dev/null || true
        \t# was-enabled answers true for a new installation, which then gets enabled.
        \tif deb-systemd-helper --quiet was-enabled '%1$s'; then
        \t\tdeb-systemd-helper enable '%1$s' >/dev/null || true
        \telse
        \t\tdeb-systemd-helper update-state '%1$s' >/dev/null || true
        \tfi
        \tif [ -d /run/systemd/system ]; then
        \t\tsystemctl --system daemon-reload >/dev/null || true
        \t\tif [ -n "$2" ]; then
        \t\t\t_action=restart
        \t\telse
        \t\t\t_action=start
        \t\tfi
        \t\tdeb-systemd-invoke $_action '%1$s' >/dev/null || true
        \tfi
        fi
        exit 0
        """
        .formatted(unit, extra);
  }

  /** The prerm of a service package: stop {@code unit} when the package is removed. */
  static String servicePrerm(String unit) {
    return """
        #!/bin/sh
        set -e
        if [ -d /run/systemd/system ] && [ "$1" = remove ]; then
        \tdeb-systemd-invoke stop '%1$s' >/dev/null || true
        fi
        exit 0
        """
        .formatted(unit);
  }

  /** The postrm of a service package: forget {@code unit} on removal and purge. */
  static String servicePostrm(String unit) {
    return """
        #!/bin/sh
        set -e
        if [ "$1" = remove ] && [ -d /run/systemd/system ]; then
        \tsystemctl --system daemon-reload >/dev/null || true
        fi
        if [ "$1" = "remove" ]; then
        \tif [ -x "/usr/bin/deb-systemd-helper" ]; then
        \t\tdeb-systemd-helper mask '%1$s' >/dev/null || true
        \tfi
        fi
        if [ "$1" = "purge" ]; then
        \tif [ -x "/usr/bin/deb-systemd-helper" ]; then
        \t\tdeb-systemd-helper purge '%1$s' >/dev/null || true
        \t\tdeb-systemd-helper unmask '%1$s' >/dev/null || true
        \tfi
        fi
        exit 0
        """
        .formatted(unit);
  }

  /** A unit running {@code exec} as a simple service, wanted by multi-user.target. */
  static String unit(String description, String exec, String environment, String runtimeDir) {
    return """
        [Unit]
        Description=%1$s

        [Service]
        %3$sExecStart=%2$s
        RuntimeDirectory=%4$s

        [Install]
        WantedBy=multi-user.target
        """
        .formatted(
            description,
            exec,
            environment.isEmpty() ? "" : "Environment=" + environment + "\n",
            runtimeDir);
  }
}
