package org.herd.inventory;

import java.nio.file.Path;
import java.util.Locale;
import org.herd.text.TextFile;

/**
 * Reads an inventory in any supported format, checks it and resolves it: the one entry point for
 * the rest of herd. Every problem of the file is reported at once in one {@link
 * InventoryException}.
 */
public final class InventoryLoader {

  private InventoryLoader() {}

  /**
   * Reads, checks and resolves the inventory {@code ref} names.
   *
   * @throws InventoryException with every problem found, or when the file cannot be read
   */
  public static Inventory load(InventoryRef ref) {
    return load(ref, read(ref));
  }

  /** Checks and resolves {@code text}, the content of the inventory {@code ref} names. */
  public static Inventory load(InventoryRef ref, String text) {
    Problems problems = new Problems();
    InventorySpec spec = spec(ref, text, problems);
    Inventory inventory = new InventoryResolver(spec, problems).resolve();
    problems.throwIfAny();
    return inventory;
  }

  /** Reads the declarations of {@code text} without resolving them, for {@code import}. */
  static InventorySpec spec(InventoryRef ref, String text, Problems problems) {
    Path directory = ref.path().toAbsolutePath().getParent();
    try {
      return switch (ref.format()) {
        case HERD -> new HerdYamlReader(problems).read(ref.name(), directory, text);
        case CLUSH -> new ClushGroupsReader(problems).read(ref.name(), directory, text);
        case ANSIBLE ->
            isYaml(ref.path())
                ? new AnsibleYamlReader(problems).read(ref.name(), directory, text)
                : new AnsibleIniReader(problems).read(ref.name(), directory, text);
      };
    } catch (InventoryException e) {
      // A syntax error stops the reader: report it with whatever was found before.
      problems.addAll(e.problems());
      problems.throwIfAny();
      throw e;
    }
  }

  /** As Ansible decides between its yaml and ini plugins: by extension. */
  static boolean isYaml(Path path) {
    String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
    return name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".json");
  }

  /** The largest inventory file herd reads: far more than 100,000 hosts with their variables. */
  static final long MAX_BYTES = 64L << 20;

  /** The content of the file {@code ref} names. */
  static String read(InventoryRef ref) {
    try {
      return TextFile.read(ref.path(), "inventory", MAX_BYTES);
    } catch (TextFile.Unreadable e) {
      throw new InventoryException(Position.of(ref.name()), e.getMessage());
    }
  }
}
