package org.herd.inventory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Predicate;
import org.herd.text.TextFile;

/**
 * Finds the inventory: {@code --inventory FILE}, else {@code $HERD_INVENTORY}, else {@code
 * ./herd.yaml}, else {@code /etc/herd/herd.yaml}. A value may name its format with a prefix: {@code
 * ansible:hosts.ini}, {@code clush:/etc/clustershell/groups.d/site.yaml}, {@code herd:site.yaml}.
 *
 * <p>The environment, working directory and file system check are passed in, so the search order is
 * testable.
 */
public final class InventoryLocator {

  /** The environment variable that names the inventory. */
  public static final String ENV = "HERD_INVENTORY";

  /** The system-wide inventory. */
  public static final Path SYSTEM = Path.of("/etc/herd/herd.yaml");

  private final Map<String, String> env;
  private final Path workingDirectory;
  private final Predicate<Path> exists;

  /** A locator for this process's files. */
  public InventoryLocator(Map<String, String> env, Path workingDirectory) {
    this(env, workingDirectory, Files::isRegularFile);
  }

  /** A locator with its own view of which files exist. */
  public InventoryLocator(Map<String, String> env, Path workingDirectory, Predicate<Path> exists) {
    this.env = env;
    this.workingDirectory = workingDirectory;
    this.exists = exists;
  }

  /**
   * The inventory to read.
   *
   * @param option the value of {@code --inventory}, or {@code null} if it was not given
   * @throws InventoryException when no inventory is named and none of the default files exists
   */
  public InventoryRef locate(String option) {
    if (option != null) {
      return parse(option, "--inventory");
    }
    String fromEnv = env.get(ENV);
    // Set but empty is unset, as for most variables.
    if (fromEnv != null && !fromEnv.isBlank()) {
      return parse(fromEnv, ENV);
    }
    Path local = workingDirectory.resolve("herd.yaml");
    if (exists.test(local)) {
      return new InventoryRef(InventoryFormat.HERD, local, "herd.yaml");
    }
    if (exists.test(SYSTEM)) {
      return new InventoryRef(InventoryFormat.HERD, SYSTEM, SYSTEM.toString());
    }
    throw new InventoryException(
        Position.of("inventory"),
        "none found: give --inventory FILE, set "
            + ENV
            + ", or create ./herd.yaml or "
            + SYSTEM
            + " (see docs/inventory.md)");
  }

  /**
   * {@code [herd:|ansible:|clush:]FILE}, relative to the working directory.
   *
   * @param given where the value comes from, for the message ({@code --inventory})
   * @throws InventoryException when it names no file ({@code ansible:})
   */
  public InventoryRef parse(String value, String given) {
    InventoryFormat format = InventoryFormat.HERD;
    String name = value;
    int colon = value.indexOf(':');
    if (colon > 0) {
      var prefixed = InventoryFormat.fromPrefix(value.substring(0, colon));
      if (prefixed.isPresent()) {
        format = prefixed.get();
        name = value.substring(colon + 1);
      }
    }
    if (name.isEmpty()) {
      // Path.of("") is the working directory: it would read as "a directory, not a file".
      throw new InventoryException(Position.of(given), TextFile.EMPTY_NAME + " (`" + value + "`)");
    }
    return new InventoryRef(format, workingDirectory.resolve(name), name);
  }
}
