package org.herd.debian;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;

/**
 * One stanza of an apt preferences file (apt_preferences(5)).
 *
 * @param file the file it was read from
 * @param packages the {@code Package:} field split on blanks ({@code *}, names, globs or {@code
 *     /regex/}); empty for a {@code Package}-less stanza
 * @param pin the {@code Pin:} field ({@code version 1.2*}, {@code release a=stable}, {@code origin
 *     deb.example.org})
 * @param priority {@code Pin-Priority}
 * @param explanation the {@code Explanation:} lines, joined; empty if none
 */
public record AptPin(
    String file, List<String> packages, String pin, int priority, String explanation) {

  /** Copies the list. */
  public AptPin {
    packages = List.copyOf(packages);
  }

  /** Whether the pin holds a package at a version (the cluster-pinning idiom). */
  @JsonIgnore
  public boolean isVersionPin() {
    return pin.startsWith("version ");
  }
}
