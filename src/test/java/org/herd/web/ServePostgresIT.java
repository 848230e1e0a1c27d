package org.herd.web;

import static org.herd.Prerequisites.require;

import java.nio.file.Path;
import java.util.Optional;
import org.herd.journal.JournalLocation;
import org.herd.journal.PostgresServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * {@code herd serve}'s API on a shared PostgreSQL journal (a throwaway cluster from Debian's
 * binaries, one database per test), as operators on several machines use it.
 */
class ServePostgresIT extends ServeApiContract {

  private static PostgresServer postgres;

  @BeforeAll
  static void startPostgres() throws Exception {
    Optional<Path> binaries = PostgresServer.binaries();
    require(
        binaries.isPresent(),
        "no PostgreSQL binaries under /usr/lib/postgresql (apt-get install postgresql)");
    postgres = PostgresServer.start(binaries.get());
  }

  @AfterAll
  static void stopPostgres() {
    if (postgres != null) {
      postgres.close();
    }
  }

  @Override
  JournalLocation freshLocation(Path dir) throws Exception {
    return postgres.newDatabase();
  }

  @Override
  String dialect() {
    return "postgresql";
  }
}
