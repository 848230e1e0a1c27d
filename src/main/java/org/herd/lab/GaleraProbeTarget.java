package org.herd.lab;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Writes to a MariaDB Galera cluster with MariaDB's JDBC driver, one connection per member, as an
 * application with a list of database hosts does: each write is one {@code INSERT} (autocommit) on
 * one member, within the try's timeout (connect and socket timeouts); a connection that failed is
 * closed and made again at the next try on its member.
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

  private final Map<String, LabHost> members = new LinkedHashMap<>();
  private final Map<String, Connection> connections = new HashMap<>();

  GaleraProbeTarget(List<LabHost> members) {
    members.forEach(m -> this.members.put(m.name(), m));
  }

  /** The JDBC URL of one member, its timeouts those of one try. */
  static String url(LabHost member, Duration timeout) {
    long millis = timeout.toMillis();
    return "jdbc:mariadb://"
        + member.address()
        + ":3306/herd_probe?user="
        + USER
        + "&password="
        + PASSWORD
        + "&connectTimeout="
        + millis
        + "&socketTimeout="
        + millis;
  }

  @Override
  public List<String> members() {
    return List.copyOf(members.keySet());
  }

  @Override
  public void write(String member, long sequence, Duration timeout) throws SQLException {
    try {
      Connection connection = connection(member, timeout);
      try (PreparedStatement insert =
          connection.prepareStatement(
              "INSERT INTO writes (sequence, member) VALUES (?, @@hostname)")) {
        insert.setLong(1, sequence);
        insert.executeUpdate();
      }
    } catch (SQLException e) {
      drop(member);
      throw e;
    }
  }

  @Override
  public Set<Long> stored(Duration timeout) throws SQLException {
    SQLException last = new SQLException("no members");
    for (String member : members.keySet()) {
      try (Connection connection = DriverManager.getConnection(url(members.get(member), timeout));
          PreparedStatement select =
              connection.prepareStatement("SELECT DISTINCT sequence FROM writes");
          ResultSet rows = select.executeQuery()) {
        Set<Long> found = new TreeSet<>();
        while (rows.next()) {
          found.add(rows.getLong(1));
        }
        return found;
      } catch (SQLException e) {
        last = e;
      }
    }
    throw last;
  }

  private Connection connection(String member, Duration timeout) throws SQLException {
    Connection connection = connections.get(member);
    if (connection == null || connection.isClosed()) {
      connection = DriverManager.getConnection(url(members.get(member), timeout));
      connections.put(member, connection);
    }
    return connection;
  }

  private void drop(String member) {
    Connection connection = connections.remove(member);
    if (connection != null) {
      try {
        connection.close();
      } catch (SQLException e) {
        // The member is gone; the next try connects again.
      }
    }
  }

  @Override
  public String describe() {
    return "MariaDB Galera at "
        + members.values().stream()
            .map(m -> m.address() + ":3306")
            .collect(Collectors.joining(", "))
        + " (JDBC, a connection per member)";
  }

  @Override
  public void close() {
    List.copyOf(connections.keySet()).forEach(this::drop);
  }
}
