package org.herd.lab;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The private IPv4 /24 that one lab owns: the bridge takes {@code .1}, host {@code i} (from 1)
 * takes {@code .(10+i)}.
 *
 * @param first the first three octets, as in {@code 10.213.0}
 */
public record Subnet(String first) {

  /** The first host address is .11, leaving room for lab services below it. */
  static final int HOST_OFFSET = 10;

  /** The most hosts a /24 gives the lab (.11 to .254). */
  public static final int MAX_HOSTS = 254 - HOST_OFFSET;

  private static final Pattern CIDR =
      Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.0/24");

  /** Parses {@code A.B.C.0/24}; the lab owns whole /24 networks only. */
  public static Subnet parse(String cidr) {
    Matcher m = CIDR.matcher(cidr.strip());
    if (!m.matches()) {
      throw LabException.badInput("subnet '" + cidr + "': expected a /24 such as 10.213.0.0/24");
    }
    for (int i = 1; i <= 3; i++) {
      if (Integer.parseInt(m.group(i)) > 255) {
        throw LabException.badInput("subnet '" + cidr + "': octet " + m.group(i) + " above 255");
      }
    }
    return new Subnet(
        Integer.parseInt(m.group(1))
            + "."
            + Integer.parseInt(m.group(2))
            + "."
            + Integer.parseInt(m.group(3)));
  }

  /** The default subnet of the lab, {@code 10.213.0.0/24}, and its neighbours {@code 10.213.N}. */
  public static Subnet labDefault(int third) {
    return new Subnet("10.213." + third);
  }

  /** The network in CIDR notation. */
  public String cidr() {
    return first + ".0/24";
  }

  /** The address of the lab bridge (the machine itself, as the hosts see it). */
  public String bridgeAddress() {
    return first + ".1";
  }

  /** The address of host {@code index} (1-based). */
  public String hostAddress(int index) {
    if (index < 1 || index > MAX_HOSTS) {
      throw LabException.badInput("host index " + index + ": a lab has 1 to " + MAX_HOSTS);
    }
    return first + "." + (HOST_OFFSET + index);
  }

  @Override
  public String toString() {
    return cidr();
  }
}
