package org.herd.lab;

import java.nio.file.Path;

/**
 * Where the lab keeps things on the machine: a cache shared by every lab (base images, Debian
 * packages), and a state directory per lab (its journal, keys, repository, host roots).
 *
 * @param cache the shared cache, by default {@code /var/cache/herd/lab}
 * @param state the parent of every lab's state directory, by default {@code /var/lib/herd/lab}
 */
public record LabPaths(Path cache, Path state) {

  /** The usual locations. */
  public static LabPaths standard() {
    return new LabPaths(Path.of("/var/cache/herd/lab"), Path.of("/var/lib/herd/lab"));
  }

  /**
   * The usual locations, or the cache named by {@code HERD_LAB_CACHE} in {@code env}: a separate
   * cache builds everything from nothing (to time a fresh machine) without touching the shared one.
   */
  public static LabPaths fromEnv(java.util.Map<String, String> env) {
    String cache = env.get("HERD_LAB_CACHE");
    LabPaths standard = standard();
    return cache == null || cache.isBlank()
        ? standard
        : new LabPaths(Path.of(cache).toAbsolutePath(), standard.state());
  }

  /** The state directory of the lab {@code name}. */
  public Path lab(String name) {
    return state.resolve(LabSpec.checkName(name));
  }

  /** Where base images are cached: {@code <cache>/<recipe hash>/}. */
  public Path image(String recipeHash) {
    return cache.resolve(recipeHash);
  }

  /** Where Debian packages and the lab's own packages are cached. */
  public Path packages() {
    return cache.resolve("packages");
  }
}
