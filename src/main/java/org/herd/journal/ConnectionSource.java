package org.herd.journal;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Connections to one journal database, and the transactions run on them.
 *
 * <p>A few idle connections are kept for reuse, because opening a PostgreSQL connection costs a
 * round trip and authentication; there is no upper bound on connections in use, since herd's
 * concurrency is bounded elsewhere (the fan-out limit). A connection whose work failed is closed
 * rather than reused, as its state is unknown. Safe for use by many threads.
 */
final class ConnectionSource implements AutoCloseable {

  private static final int MAX_IDLE = 4;
  private static final int MAX_ATTEMPTS = 5;

  private final JournalLocation location;
  private final Deque<Connection> idle = new ArrayDeque<>();
  private boolean closed;

  ConnectionSource(JournalLocation location) {
    this.location = location;
    location.file().ifPresent(ConnectionSource::createPrivateFile);
  }

  JournalLocation location() {
    return location;
  }

  Dialect dialect() {
    return location.dialect();
  }

  /** Runs read-only work in autocommit mode. */
  <T> T read(SqlWork<T> work) {
    Connection connection = borrow();
    try {
      T result = work.run(connection);
      giveBack(connection);
      return result;
    } catch (SQLException e) {
      discard(connection);
      throw failure(e);
    } catch (RuntimeException e) {
      discard(connection);
      throw e;
    }
  }

  /**
   * Runs work in one writing transaction: committed if it returns, rolled back if it throws. A
   * transaction the database aborted to resolve a conflict (deadlock, serialization) runs again.
   */
  <T> T write(SqlWork<T> work) {
    return write(work, result -> true);
  }

  /**
   * Runs work in one writing transaction, committed if it returns a result that {@code commit}
   * accepts and rolled back otherwise (an all-or-nothing claim that found one part taken).
   */
  <T> T write(SqlWork<T> work, Predicate<T> commit) {
    for (int attempt = 1; ; attempt++) {
      Connection connection = borrow();
      try {
        dialect().begin(connection);
        T result = work.run(connection);
        if (commit.test(result)) {
          dialect().commit(connection);
        } else {
          dialect().rollback(connection);
        }
        giveBack(connection);
        return result;
      } catch (SQLException e) {
        rollbackQuietly(connection);
        discard(connection);
        if (!dialect().retryable(e) || attempt == MAX_ATTEMPTS) {
          throw failure(e);
        }
      } catch (RuntimeException e) {
        rollbackQuietly(connection);
        discard(connection);
        throw e;
      }
    }
  }

  private Connection borrow() {
    synchronized (this) {
      if (closed) {
        throw new IllegalStateException("journal " + location.describe() + " is closed");
      }
      Connection connection = idle.pollFirst();
      if (connection != null) {
        return connection;
      }
    }
    try {
      return DriverManager.getConnection(location.url(), dialect().connectionProperties());
    } catch (SQLException e) {
      throw new JournalException(
          "journal " + location.describe() + ": cannot connect: " + reason(e), e);
    }
  }

  private void giveBack(Connection connection) {
    synchronized (this) {
      if (!closed && idle.size() < MAX_IDLE) {
        idle.addFirst(connection);
        return;
      }
    }
    discard(connection);
  }

  private static void discard(Connection connection) {
    try {
      connection.close();
    } catch (SQLException e) {
      // already broken; nothing more to release
    }
  }

  private void rollbackQuietly(Connection connection) {
    try {
      dialect().rollback(connection);
    } catch (SQLException e) {
      // the connection is discarded next; the database rolls back when it closes
    }
  }

  JournalException failure(SQLException e) {
    return new JournalException("journal " + location.describe() + ": " + reason(e), e);
  }

  private static String reason(SQLException e) {
    String message = String.valueOf(e.getMessage());
    if (message.contains("SQLITE_BUSY")) {
      return "busy: another process kept the journal locked for more than "
          + Dialect.BUSY_TIMEOUT_MILLIS / 1000
          + " s";
    }
    int newline = message.indexOf('\n');
    String line = newline < 0 ? message : message.substring(0, newline);
    // sqlite-jdbc: "[SQLITE_NOTADB] File opened that is not a database file (file is not a
    // database)": SQLite's own words are in the parentheses.
    Matcher sqlite = SQLITE_MESSAGE.matcher(line);
    return sqlite.matches() ? sqlite.group(1) : line;
  }

  private static final Pattern SQLITE_MESSAGE = Pattern.compile("\\[SQLITE_\\w+\\][^(]*\\((.+)\\)");

  // The journal holds facts about a fleet and who ran what: readable by its owner only, in a
  // directory only they may enter (as XDG asks of state directories). SQLite gives its -wal and
  // -shm files the database file's permissions.
  private static void createPrivateFile(Path file) {
    Path absolute = file.toAbsolutePath();
    try {
      Path parent = absolute.getParent();
      if (parent != null) {
        createPrivateDirectories(parent);
      }
      if (!Files.exists(absolute)) {
        Files.createFile(
            absolute,
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      }
    } catch (FileAlreadyExistsException e) {
      // another herd created it meanwhile
    } catch (UnsupportedOperationException e) {
      // not a POSIX file system: SQLite creates the file as it can
    } catch (IOException e) {
      throw new JournalException("journal " + file + ": cannot create it: " + e.getMessage(), e);
    }
  }

  private static void createPrivateDirectories(Path dir) throws IOException {
    if (Files.isDirectory(dir)) {
      return;
    }
    Path parent = dir.getParent();
    if (parent != null) {
      createPrivateDirectories(parent);
    }
    try {
      Files.createDirectory(
          dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    } catch (FileAlreadyExistsException e) {
      // another herd created it meanwhile
    } catch (UnsupportedOperationException e) {
      Files.createDirectories(dir);
    }
  }

  @Override
  public void close() {
    Deque<Connection> toClose;
    synchronized (this) {
      closed = true;
      toClose = new ArrayDeque<>(idle);
      idle.clear();
    }
    toClose.forEach(ConnectionSource::discard);
  }
}
