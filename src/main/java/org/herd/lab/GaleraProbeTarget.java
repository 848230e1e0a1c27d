package org.herd.lab;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Writes to a MariaDB Galera cluster with MariaDB's JDBC driver in {@code sequential} failover mode
 * (the URL lists every member; the driver connects to the first that answers and moves to another
 * when its member goes away), as Java applications connect to Galera. Each write inserts a row and
 * asks the server its host name, which names the member that took the write.
 *
 * <p>The database, table and user are made once by {@link #SETUP}, run as root on a member.
 */
final class GaleraProbeTarget implements ProbeTarget {

  /** The probe's MariaDB user, allowed from anywhere on the lab network. */
  static final String USER = "herd_probe";

  /** Its password: the lab is a private network on one machine, the password guards nothing. */
  static final String PASSWORD = "herd-probe";

  /** The SQL that prepares a member (and through Galera, the cluster) for the probe. */
  static final String SETUP =
      "CREATE DATABASE IF NOT EXISTS herd_probe;"
          + " CREATE TABLE IF NOT EXISTS herd_probe.writes ("
          + "id BIGINT AUTO_INCREMENT PRIMARY KEY, sequence BIGINT NOT NULL,"
          + " member VARCHAR(64) NOT NULL, at TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3))"
          + " ENGINE=InnoDB;"
          + " CREATE USER IF NOT EXISTS '"
          + USER
          + "'@'%' IDENTIFIED BY '"
          + PASSWORD
          + "';"
          + " GRANT ALL ON herd_probe.* TO '"
          + USER
          + "'@'%';";

  private final List<LabHost> members;
  private final String url;
  private Connection connection;

  GaleraProbeTarget(List<LabHost> members) {
    this.members = List.copyOf(members);
    this.url = url(members);
  }

  /**
   * The JDBC URL: every member, sequential failover, short timeouts, few retries when all fail, and
   * the driver's transaction replay (a write in flight when its member went away is sent again on
   * the member the driver failed over to, as applications on Galera configure it).
   */
  static String url(List<LabHost> members) {
    return "jdbc:mariadb:sequential://"
        + members.stream().map(m -> m.address() + ":3306").collect(Collectors.joining(","))
        + "/herd_probe?user="
        + USER
        + "&password="
        + PASSWORD
        + "&connectTimeout=1000&socketTimeout=3000&retriesAllDown=2&transactionReplay=true";
  }

  @Override
  public String write(long sequence) throws SQLException {
    try {
      return writeOnce(sequence);
    } catch (java.sql.SQLTransientConnectionException reconnected) {
      // The driver failed over to another member and says the statement in flight was lost: an
      // application sends it again, once, on the connection the driver now has.
      return writeOnce(sequence);
    }
  }

  private String writeOnce(long sequence) throws SQLException {
    try {
      if (connection == null || connection.isClosed()) {
        connection = DriverManager.getConnection(url);
      }
      try (PreparedStatement insert =
          connection.prepareStatement(
              "INSERT INTO writes (sequence, member) VALUES (?, @@hostname)")) {
        insert.setLong(1, sequence);
        insert.executeUpdate();
      }
      try (PreparedStatement who = connection.prepareStatement("SELECT @@hostname");
          ResultSet answer = who.executeQuery()) {
        answer.next();
        return answer.getString(1);
      }
    } catch (java.sql.SQLTransientConnectionException reconnected) {
      throw reconnected;
    } catch (SQLException e) {
      close();
      throw e;
    }
  }

  @Override
  public String describe() {
    return "MariaDB Galera at "
        + members.stream().map(m -> m.address() + ":3306").collect(Collectors.joining(", "))
        + " (JDBC, sequential failover across members)";
  }

  @Override
  public void close() {
    if (connection != null) {
      try {
        connection.close();
      } catch (SQLException e) {
        // The member is gone; the next write connects again.
      }
      connection = null;
    }
  }
}
