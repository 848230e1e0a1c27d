package org.herd.recipe;

/** Which members a check runs on: the recipe key {@code where}. */
public enum CheckScope {
  /** The member being upgraded (or stopped). */
  SELF,
  /** Any one member: the check passes when one member passes it (tried in order). */
  ANY,
  /** Every member must pass (Galera's gate: each member Synced in a Primary component). */
  EACH;

  /** The name in recipes. */
  public String key() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
