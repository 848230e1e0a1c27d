package org.herd.ops;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.herd.engine.Sleeper;
import org.herd.inventory.Inventory;
import org.herd.inventory.InventoryLoader;
import org.herd.inventory.InventoryRef;
import org.herd.recipe.RecipeCatalog;
import org.herd.transport.Transport;
import org.herd.transport.TransportKind;
import org.herd.transport.TransportOptions;

/**
 * What the use cases of one command read, each loaded once, when first needed: the inventory (when
 * there is one), the recipes in force, how hosts are reached, the clock and the sleeper every wait
 * goes through. Not thread-safe while loading: use cases load before they fan out.
 */
public final class Workspace {

  /**
   * Where the workspace's inputs are.
   *
   * @param inventory the inventory to read, or empty when the command has none (plain host names)
   * @param recipeDirectories the directories of recipe files, read after the built-ins, in order
   * @param workingDirectory what relative paths of the inventory are relative to
   * @param env the environment (who the operator is: {@code USER}, {@code SUDO_USER})
   */
  public record Sources(
      Optional<InventoryRef> inventory,
      List<Path> recipeDirectories,
      Path workingDirectory,
      Map<String, String> env) {

    /** Freezes the lists. */
    public Sources {
      recipeDirectories = List.copyOf(recipeDirectories);
      env = Map.copyOf(env);
    }
  }

  private final Sources sources;
  private final ConnectSettings connect;
  private final Transports transports;
  private final Clock clock;
  private final Sleeper sleeper;
  private Optional<Inventory> inventory;
  private RecipeCatalog recipes;

  /**
   * A workspace over {@code sources}, reaching hosts as {@code connect} and {@code transports} say.
   */
  public Workspace(
      Sources sources,
      ConnectSettings connect,
      Transports transports,
      Clock clock,
      Sleeper sleeper) {
    this.sources = sources;
    this.connect = connect;
    this.transports = transports;
    this.clock = clock;
    this.sleeper = sleeper;
  }

  /** The inventory, read and checked once; empty when the command has none. */
  public Optional<Inventory> inventory() {
    if (inventory == null) {
      inventory = sources.inventory().map(InventoryLoader::load);
    }
    return inventory;
  }

  /** Every recipe in force, read and checked once. */
  public RecipeCatalog recipes() {
    if (recipes == null) {
      recipes = RecipeCatalog.load(sources.recipeDirectories());
    }
    return recipes;
  }

  /**
   * How to reach {@code hosts}, checked as the transports will read it (ssh_config files, ssh
   * options) before any host is reached.
   *
   * @throws InvalidRequest naming the first thing a host's transport cannot read or honour
   */
  public Reach reach(Collection<String> hosts) {
    Reach reach = Reach.of(inventory(), hosts, connect, home());
    TransportOptions options = TransportOptions.defaults(home(), env());
    if (connect.sshConfig().isPresent()) {
      options = options.withSshConfig(connect.sshConfig().get());
    }
    TransportKind.unsupported(reach.endpoints().values(), reach.kinds(), options)
        .ifPresent(
            why -> {
              throw new InvalidRequest(why);
            });
    return reach;
  }

  /** The operator's home directory ({@code HOME}), for {@code ~/} in the inventory. */
  Path home() {
    return Path.of(sources.env().getOrDefault("HOME", System.getProperty("user.home")));
  }

  /** A transport to {@code kinds}' hosts. */
  public Transport transport(Map<String, TransportKind> kinds) {
    return transports.open(kinds);
  }

  /** The environment of the operator's process. */
  public Map<String, String> env() {
    return sources.env();
  }

  public Clock clock() {
    return clock;
  }

  public Sleeper sleeper() {
    return sleeper;
  }
}
