package org.herd.engine;

import java.util.Optional;

/**
 * A host's drain and undrain commands (shell lines run on the host), from the inventory's host or
 * group variables {@code drain} and {@code undrain}. Recipes add their own in cluster-aware runs.
 */
public record DrainHooks(Optional<String> drain, Optional<String> undrain) {

  public static final DrainHooks NONE = new DrainHooks(Optional.empty(), Optional.empty());
}
