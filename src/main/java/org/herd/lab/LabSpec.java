package org.herd.lab;

import java.util.regex.Pattern;

/**
 * What the operator asked of a lab: its name, how many hosts, which Debian release.
 *
 * <p>The name becomes part of host names ({@code NAME-1}), of network namespaces ({@code
 * herd-NAME-1}) and of Linux interface names, which may not exceed 15 characters: hence at most 8
 * lower-case letters and digits.
 *
 * @param name the lab name, also the prefix of its host names
 * @param hosts how many hosts
 * @param release the Debian release the hosts run
 */
public record LabSpec(String name, int hosts, Release release) {

  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9]{0,7}");

  /** The lab name when none is given. */
  public static final String DEFAULT_NAME = "lab";

  /** Validates every field; throws a bad-input {@link LabException} naming the first mistake. */
  public LabSpec {
    checkName(name);
    if (hosts < 1 || hosts > Subnet.MAX_HOSTS) {
      throw LabException.badInput(
          "--hosts " + hosts + ": a lab has 1 to " + Subnet.MAX_HOSTS + " hosts");
    }
    if (release == null) {
      throw LabException.badInput("release: missing");
    }
  }

  /** Throws unless {@code name} is a valid lab name. */
  public static String checkName(String name) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw LabException.badInput(
          "lab name '"
              + name
              + "': use 1 to 8 lower-case letters and digits, starting with a letter");
    }
    return name;
  }

  /** The host name of host {@code index} (1-based), as in {@code lab-3}. */
  public String hostName(int index) {
    return name + "-" + index;
  }
}
