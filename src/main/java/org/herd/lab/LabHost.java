package org.herd.lab;

/**
 * One host of a lab, as the rest of herd sees it.
 *
 * @param name its host name, as in {@code lab-1}
 * @param index its number in the lab, from 1
 * @param address its IPv4 address on the lab bridge
 */
public record LabHost(String name, int index, String address) {

  /** Host {@code index} of the lab {@code spec} on {@code subnet}. */
  public static LabHost of(LabSpec spec, Subnet subnet, int index) {
    return new LabHost(spec.hostName(index), index, subnet.hostAddress(index));
  }
}
