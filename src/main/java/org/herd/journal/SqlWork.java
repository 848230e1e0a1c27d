package org.herd.journal;

import java.sql.Connection;
import java.sql.SQLException;

/** Database work done on one borrowed connection, inside or outside a transaction. */
@FunctionalInterface
interface SqlWork<T> {
  T run(Connection connection) throws SQLException;
}
