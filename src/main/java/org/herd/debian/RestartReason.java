package org.herd.debian;

/** Why a process runs outdated code (needrestart's three findings). */
public enum RestartReason {
  /** {@code /proc/PID/exe} points to a deleted file: the binary was upgraded or removed. */
  DELETED_EXECUTABLE,
  /** An executable mapping (a shared library) is marked {@code (deleted)}. */
  DELETED_MAPPING,
  /** The mapped file's device/inode differ from the file now at that path. */
  REPLACED_MAPPING
}
