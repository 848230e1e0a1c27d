package org.herd.lab;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Reads and writes a lab's {@code state.json}. Every change is written to a temporary file and
 * renamed over the journal, so a crash leaves either the old or the new journal, never half of one.
 *
 * <p>The lab records a resource before it creates it ({@link #record}), which is what lets {@code
 * herd lab down} clean up after a {@code lab up} that died at any point.
 */
public final class StateJournal {

  private static final ObjectMapper JSON =
      new ObjectMapper()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private final Path file;
  private LabState state;

  private StateJournal(Path file, LabState state) {
    this.file = file;
    this.state = state;
  }

  /** The journal file inside a lab directory. */
  public static Path fileIn(Path labDir) {
    return labDir.resolve("state.json");
  }

  /** Starts a journal with {@code initial} (overwriting any previous one). */
  public static StateJournal create(Path labDir, LabState initial) {
    StateJournal journal = new StateJournal(fileIn(labDir), initial);
    journal.write();
    return journal;
  }

  /** Opens the journal of the lab in {@code labDir}, if there is one. */
  public static Optional<StateJournal> open(Path labDir) {
    Path file = fileIn(labDir);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      return Optional.of(new StateJournal(file, JSON.readValue(file.toFile(), LabState.class)));
    } catch (IOException e) {
      throw LabException.failed(file + ": unreadable lab journal: " + e.getMessage(), e);
    }
  }

  /** The current state. */
  public synchronized LabState state() {
    return state;
  }

  /** Records {@code resource} before the caller creates it. */
  public synchronized <R extends Resource> R record(R resource) {
    update(s -> s.with(resource));
    return resource;
  }

  /** Replaces a recorded resource (a process whose pid is now known). */
  public synchronized <R extends Resource> R replace(Resource old, R updated) {
    update(s -> s.replace(old, updated));
    return updated;
  }

  /** Forgets a resource that was removed. */
  public synchronized void forget(Resource resource) {
    update(s -> s.without(resource));
  }

  /** Applies {@code change} and writes the result. */
  public synchronized void update(UnaryOperator<LabState> change) {
    state = change.apply(state);
    write();
  }

  private void write() {
    try {
      Files.createDirectories(file.getParent());
      Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
      JSON.writeValue(tmp.toFile(), state);
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException(file + ": cannot write the lab journal", e);
    }
  }
}
