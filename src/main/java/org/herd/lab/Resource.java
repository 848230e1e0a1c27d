package org.herd.lab;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * Something the lab creates on the machine and must remove again. Each is written to the lab's
 * journal <em>before</em> it is created, so that {@code herd lab down} finds it even when {@code
 * lab up} died half-way.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
  @JsonSubTypes.Type(value = Resource.Bridge.class, name = "bridge"),
  @JsonSubTypes.Type(value = Resource.Link.class, name = "link"),
  @JsonSubTypes.Type(value = Resource.Netns.class, name = "netns"),
  @JsonSubTypes.Type(value = Resource.Mount.class, name = "mount"),
  @JsonSubTypes.Type(value = Resource.Proc.class, name = "process"),
  @JsonSubTypes.Type(value = Resource.Cgroup.class, name = "cgroup")
})
public sealed interface Resource {

  /** A short description for status and error messages. */
  String describe();

  /** The lab's Linux bridge. */
  record Bridge(String name) implements Resource {
    @Override
    public String describe() {
      return "bridge " + name;
    }
  }

  /** A network interface (the machine's end of a host's veth pair). */
  record Link(String name) implements Resource {
    @Override
    public String describe() {
      return "link " + name;
    }
  }

  /** A network namespace created with {@code ip netns add}. */
  record Netns(String name) implements Resource {
    @Override
    public String describe() {
      return "netns " + name;
    }
  }

  /** A control group made for one container (see {@link Cgroups}). */
  record Cgroup(String path) implements Resource {
    @Override
    public String describe() {
      return "cgroup " + path;
    }
  }

  /** A mount point (a host's overlay root). */
  record Mount(String path) implements Resource {
    @Override
    public String describe() {
      return "mount " + path;
    }
  }

  /**
   * A process the lab started and left running (a container, the repository server).
   *
   * @param role what it is, as in {@code container lab-1} or {@code repo-server}
   * @param pid its process id, 0 until it is known
   * @param startMillis when it started (epoch ms), so that a recycled pid is never signalled
   * @param marker a string only its command line contains (a path inside the lab's directory), to
   *     find it when {@code lab up} died before it could record the pid
   */
  record Proc(String role, long pid, long startMillis, String marker) implements Resource {
    @Override
    public String describe() {
      return role + " (pid " + pid + ")";
    }
  }
}
