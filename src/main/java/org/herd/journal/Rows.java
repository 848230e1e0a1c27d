package org.herd.journal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** Conversions between the journal's columns and Java values: times are epoch milliseconds. */
final class Rows {

  private Rows() {}

  /** Now, to the millisecond, as the journal stores it. */
  static Instant now(Clock clock) {
    return Instant.ofEpochMilli(clock.millis());
  }

  static Instant instant(ResultSet rows, String column) throws SQLException {
    return Instant.ofEpochMilli(rows.getLong(column));
  }

  static Optional<Instant> optionalInstant(ResultSet rows, String column) throws SQLException {
    long millis = rows.getLong(column);
    return rows.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(millis));
  }

  /**
   * Binds values to the parameters of a statement, in order. No value may be null: PostgreSQL needs
   * a type for a null, so SQL says NULL itself where a column is left empty.
   */
  static PreparedStatement bind(PreparedStatement statement, Object... values) throws SQLException {
    for (int i = 0; i < values.length; i++) {
      Object value = Objects.requireNonNull(values[i], "parameter " + (i + 1));
      if (value instanceof Instant instant) {
        statement.setLong(i + 1, instant.toEpochMilli());
      } else if (value instanceof Enum<?> constant) {
        statement.setString(i + 1, constant.name());
      } else if (value instanceof RunId id) {
        statement.setString(i + 1, id.value());
      } else {
        statement.setObject(i + 1, value);
      }
    }
    return statement;
  }
}
