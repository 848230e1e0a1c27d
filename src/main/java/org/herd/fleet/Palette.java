package org.herd.fleet;

/**
 * How reports colour their parts. The CLI maps each role to its terminal's colours; everything else
 * uses {@link #PLAIN}.
 */
@FunctionalInterface
public interface Palette {

  /** The parts of a report that may be coloured, as clush colours them. */
  enum Role {
    /** The {@code host: } label of an output line and the node-set header of a block. */
    LABEL,
    /** The {@code host: } label of a stderr line. */
    STDERR_LABEL,
    /** The {@code ---}/{@code +++} lines of a diff. */
    DIFF_HEADER,
    /** The {@code @@} lines of a diff. */
    DIFF_HUNK,
    /** Added lines of a diff. */
    DIFF_ADD,
    /** Removed lines of a diff. */
    DIFF_DELETE,
    /** Per-host error lines such as {@code herd: n[4-6]: connection refused}. */
    ERROR
  }

  /** No colour at all. */
  Palette PLAIN = (role, text) -> text;

  /** {@code text} coloured for {@code role}. */
  String paint(Role role, String text);
}
