package org.herd.journal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import org.sqlite.SQLiteConfig;

/**
 * The two databases a journal can live in, and the few things herd does differently on each. The
 * schema and every query are the same SQL on both; what differs is how a connection is set up, how
 * a writing transaction begins, and how migrators exclude each other.
 *
 * <p>SQLite runs in WAL mode (readers never wait for the writer), with foreign keys on and a busy
 * timeout, and every writing transaction begins with {@code BEGIN IMMEDIATE}: it takes the write
 * lock up front, so two processes never both read and then both try to write (which SQLite would
 * refuse with {@code SQLITE_BUSY} without waiting). PostgreSQL runs at READ COMMITTED; a row's
 * uniqueness is what makes leases exclusive, and migrations hold an advisory lock.
 */
public enum Dialect {
  SQLITE {
    @Override
    Properties connectionProperties() {
      SQLiteConfig config = new SQLiteConfig();
      config.setJournalMode(SQLiteConfig.JournalMode.WAL);
      // NORMAL is durable in WAL mode except for the last transactions before a power loss.
      config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
      config.setBusyTimeout((int) BUSY_TIMEOUT_MILLIS);
      config.enforceForeignKeys(true);
      return config.toProperties();
    }

    @Override
    void begin(Connection connection) throws SQLException {
      // The driver's own setAutoCommit(false) would open the next transaction right after each
      // commit and keep the write lock while the connection idles; plain statements do not.
      execute(connection, "BEGIN IMMEDIATE");
    }

    @Override
    void commit(Connection connection) throws SQLException {
      execute(connection, "COMMIT");
    }

    @Override
    void rollback(Connection connection) throws SQLException {
      if (!connection.getAutoCommit()) {
        connection.rollback();
      } else {
        execute(connection, "ROLLBACK");
      }
    }

    @Override
    void lockForMigration(Connection connection) {
      // BEGIN IMMEDIATE already excludes every other writer, migrators included.
    }

    @Override
    boolean retryable(SQLException e) {
      return false;
    }
  },

  POSTGRESQL {
    @Override
    Properties connectionProperties() {
      Properties properties = new Properties();
      properties.setProperty("ApplicationName", "herd");
      properties.setProperty("connectTimeout", "10");
      return properties;
    }

    @Override
    void begin(Connection connection) throws SQLException {
      connection.setAutoCommit(false);
    }

    @Override
    void commit(Connection connection) throws SQLException {
      connection.commit();
      connection.setAutoCommit(true);
    }

    @Override
    void rollback(Connection connection) throws SQLException {
      connection.rollback();
      connection.setAutoCommit(true);
    }

    @Override
    void lockForMigration(Connection connection) throws SQLException {
      // Released by the end of the transaction, also when the process dies.
      execute(connection, "SELECT pg_advisory_xact_lock(" + MIGRATION_LOCK_KEY + ")");
    }

    @Override
    boolean retryable(SQLException e) {
      // serialization_failure, deadlock_detected: the transaction can simply run again.
      return "40001".equals(e.getSQLState()) || "40P01".equals(e.getSQLState());
    }
  };

  /** How long SQLite waits for another process's write transaction before giving up. */
  static final long BUSY_TIMEOUT_MILLIS = 10_000;

  /** The advisory lock that migrators of one PostgreSQL database take ("herd" and 1). */
  static final long MIGRATION_LOCK_KEY = 0x6865_7264_0000_0001L;

  abstract Properties connectionProperties();

  /** Begins a transaction that will write. */
  abstract void begin(Connection connection) throws SQLException;

  abstract void commit(Connection connection) throws SQLException;

  abstract void rollback(Connection connection) throws SQLException;

  /** Inside a transaction: excludes other migrators of the same database until it ends. */
  abstract void lockForMigration(Connection connection) throws SQLException;

  /** Whether a failed transaction may be run again as it is. */
  abstract boolean retryable(SQLException e);

  private static void execute(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }
}
