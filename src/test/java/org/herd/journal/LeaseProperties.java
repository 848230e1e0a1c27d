package org.herd.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.AfterTry;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.lifecycle.BeforeTry;

/**
 * Leases under random interleavings of acquire, renew, release and the passing of time, by four
 * holders on two journals ("processes") sharing one SQLite file, over six resources in overlapping
 * sets. After every action: no resource is in two unexpired leases that their holders believe they
 * hold, and the journal holds exactly what a simple model says it should.
 */
class LeaseProperties {

  private static final int HOLDERS = 4;
  private static Path dir;

  private MutableClock clock;
  private final List<Journal> processes = new ArrayList<>();

  sealed interface Action {
    record Acquire(int holder, Set<Integer> resources, int ttlSeconds) implements Action {}

    record Renew(int holder, int ttlSeconds) implements Action {}

    record Release(int holder) implements Action {}

    record Advance(int seconds) implements Action {}
  }

  /** What the model expects the leases table to hold. */
  record Row(String holder, String leaseId, Instant expires) {}

  @BeforeContainer
  static void createDirectory() throws IOException {
    dir = Files.createTempDirectory("herd-lease-properties-");
  }

  @AfterContainer
  static void deleteDirectory() throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }

  @BeforeTry
  void openTwoProcesses() throws IOException {
    clock = new MutableClock(Instant.parse("2025-03-14T09:00:00Z"));
    JournalLocation location =
        JournalLocation.parse(Files.createTempFile(dir, "journal", ".db").toString());
    processes.add(Journal.open(location, clock));
    processes.add(Journal.open(location, clock));
  }

  @AfterTry
  void closeProcesses() {
    processes.forEach(Journal::close);
    processes.clear();
  }

  @Property(tries = 100)
  void noResourceIsEverHeldByTwoHolders(@ForAll("actions") List<Action> actions) {
    Map<String, Row> table = new TreeMap<>();
    Map<Integer, List<Lease>> believed = new HashMap<>();
    for (Action action : actions) {
      apply(action, table, believed);
      assertThat(heldInJournal()).as("after %s", action).isEqualTo(withoutIds(table));
      assertUnexpiredBeliefsAreDisjoint(believed);
    }
  }

  private void apply(Action action, Map<String, Row> table, Map<Integer, List<Lease>> believed) {
    Instant now = clock.instant();
    if (action instanceof Action.Acquire acquire) {
      SortedSet<String> wanted = new TreeSet<>();
      acquire.resources().forEach(i -> wanted.add("r" + i));
      LeaseResult result =
          journalOf(acquire.holder())
              .acquire(wanted, holder(acquire.holder()), Duration.ofSeconds(acquire.ttlSeconds()));
      Optional<String> blocked =
          wanted.stream().filter(r -> live(table.get(r), now, null)).findFirst();
      if (blocked.isPresent()) {
        assertThat(result).isInstanceOf(LeaseResult.HeldBy.class);
        LeaseResult.HeldBy held = (LeaseResult.HeldBy) result;
        assertThat(held.resource()).isEqualTo(blocked.get());
        assertThat(held.holder()).isEqualTo(table.get(blocked.get()).holder());
      } else {
        Lease lease = JournalContract.acquired(result);
        lease.resources().forEach(r -> table.put(r, row(lease)));
        believed.computeIfAbsent(acquire.holder(), h -> new ArrayList<>()).add(lease);
      }
    } else if (action instanceof Action.Renew renew) {
      List<Lease> renewed = new ArrayList<>();
      for (Lease lease : believed.getOrDefault(renew.holder(), List.of())) {
        LeaseResult result =
            journalOf(renew.holder()).renew(lease, Duration.ofSeconds(renew.ttlSeconds()));
        boolean lost =
            lease.resources().stream().anyMatch(r -> live(table.get(r), now, lease.id()));
        if (lost) {
          assertThat(result).isInstanceOf(LeaseResult.HeldBy.class);
        } else {
          Lease extended = JournalContract.acquired(result);
          extended.resources().forEach(r -> table.put(r, row(extended)));
          renewed.add(extended);
        }
      }
      believed.put(renew.holder(), renewed);
    } else if (action instanceof Action.Release release) {
      for (Lease lease : believed.getOrDefault(release.holder(), List.of())) {
        journalOf(release.holder()).release(lease);
        table.values().removeIf(row -> row.leaseId().equals(lease.id()));
      }
      believed.remove(release.holder());
    } else if (action instanceof Action.Advance advance) {
      clock.advance(Duration.ofSeconds(advance.seconds()));
    }
  }

  // Whether a row keeps a claimant out: it exists, belongs to another lease, and has not expired.
  private static boolean live(Row row, Instant now, String claimantLeaseId) {
    return row != null && !row.leaseId().equals(claimantLeaseId) && row.expires().isAfter(now);
  }

  private void assertUnexpiredBeliefsAreDisjoint(Map<Integer, List<Lease>> believed) {
    Instant now = clock.instant();
    Map<String, String> owner = new HashMap<>();
    believed.values().stream()
        .flatMap(List::stream)
        .filter(lease -> lease.expiresAt().isAfter(now))
        .forEach(
            lease ->
                lease
                    .resources()
                    .forEach(
                        resource -> {
                          String previous = owner.put(resource, lease.id());
                          assertThat(previous)
                              .as("%s is held by two unexpired leases", resource)
                              .isNull();
                        }));
  }

  // The journal does not list lease ids: resources, holders and expiries are compared.
  private static Map<String, Row> withoutIds(Map<String, Row> table) {
    Map<String, Row> rows = new TreeMap<>();
    table.forEach(
        (resource, row) -> rows.put(resource, new Row(row.holder(), null, row.expires())));
    return rows;
  }

  private Map<String, Row> heldInJournal() {
    Map<String, Row> held = new TreeMap<>();
    for (LeaseResult.HeldBy row : processes.get(0).leases()) {
      held.put(row.resource(), new Row(row.holder(), null, row.expires()));
    }
    return held;
  }

  private Row row(Lease lease) {
    return new Row(lease.holder(), lease.id(), lease.expiresAt());
  }

  private Journal journalOf(int holder) {
    return processes.get(holder % processes.size());
  }

  private static String holder(int index) {
    return "h" + index;
  }

  @Provide
  Arbitrary<List<Action>> actions() {
    Arbitrary<Integer> holder = Arbitraries.integers().between(0, HOLDERS - 1);
    Arbitrary<Integer> ttl = Arbitraries.integers().between(1, 60);
    Arbitrary<Set<Integer>> resources =
        Arbitraries.integers().between(0, 5).set().ofMinSize(1).ofMaxSize(3);
    Arbitrary<Action> acquire = Combinators.combine(holder, resources, ttl).as(Action.Acquire::new);
    Arbitrary<Action> renew = Combinators.combine(holder, ttl).as(Action.Renew::new);
    Arbitrary<Action> release = holder.map(Action.Release::new);
    Arbitrary<Action> advance = Arbitraries.integers().between(0, 45).map(Action.Advance::new);
    return Arbitraries.frequencyOf(
            Tuple.of(5, acquire), Tuple.of(2, renew), Tuple.of(2, release), Tuple.of(2, advance))
        .list()
        .ofMinSize(1)
        .ofMaxSize(40);
  }
}
