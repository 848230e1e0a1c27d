package org.herd.recipe;

import java.util.List;
import java.util.Map;

/**
 * The values of template variables for one member of one cluster.
 *
 * @param host the member's name
 * @param address the member's connection address
 * @param cluster the cluster's name
 * @param members every member's name, in inventory order
 * @param memberAddresses every member's address, in the same order
 * @param services the recipe's services
 * @param vars the cluster's inventory variables, as text
 */
public record TemplateContext(
    String host,
    String address,
    String cluster,
    List<String> members,
    List<String> memberAddresses,
    List<String> services,
    Map<String, String> vars) {

  /** Freezes the lists. */
  public TemplateContext {
    members = List.copyOf(members);
    memberAddresses = List.copyOf(memberAddresses);
    services = List.copyOf(services);
    vars = Map.copyOf(vars);
  }

  /** The same cluster, seen from {@code otherHost} at {@code otherAddress}. */
  public TemplateContext forMember(String otherHost, String otherAddress) {
    return new TemplateContext(
        otherHost, otherAddress, cluster, members, memberAddresses, services, vars);
  }

  /** The value(s) of variable {@code name}, or null when it has none. */
  List<String> values(String name) {
    return switch (name) {
      case "host" -> List.of(host);
      case "address" -> List.of(address);
      case "cluster" -> List.of(cluster);
      case "members" -> members;
      case "member_addresses" -> memberAddresses;
      case "member_count" -> List.of(Integer.toString(members.size()));
      case "services" -> services;
      default -> {
        if (name.startsWith("vars.") && vars.containsKey(name.substring(5))) {
          yield List.of(vars.get(name.substring(5)));
        }
        yield null;
      }
    };
  }

  /** Whether the cluster sets {@code vars.NAME}, given as {@code vars.NAME}. */
  public boolean has(String varsName) {
    return varsName.startsWith("vars.") && vars.containsKey(varsName.substring(5));
  }
}
