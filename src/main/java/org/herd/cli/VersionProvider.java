package org.herd.cli;

import picocli.CommandLine.IVersionProvider;

/** Reports herd's version from the jar manifest, and the Java runtime it runs on. */
final class VersionProvider implements IVersionProvider {
  @Override
  public String[] getVersion() {
    String version = HerdCommand.class.getPackage().getImplementationVersion();
    return new String[] {
      "herd " + (version == null ? "(development build)" : version),
      "Java " + Runtime.version() + " (" + System.getProperty("java.vendor", "unknown") + ")"
    };
  }
}
