package dev.runbook.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runbook.sandbox.lessons.PlatformDb;
import dev.runbook.sandbox.lessons.ProgressStore;
import dev.runbook.sandbox.lessons.ProgressStore.Change;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Learner writes are compare-and-set on the row's revision: a writer whose read is stale loses
 * and redoes its change on the fresh document, so concurrent writers of one document never lose XP
 * (the whole-document upsert they replace kept only the last writer's copy).
 */
class ProgressCompareAndSetTest {
  private PlatformStoreFixture store;
  private ProgressStore progress;

  @BeforeEach
  void migrate() throws SQLException {
    store = PlatformStoreFixture.migrated("platform_cas");
    progress = new ProgressStore(new PlatformDb(store.learners(1)));
  }

  @Test
  void aWriterThatReadBeforeAnotherWriteRedoesItsChangeOnTheFreshDocument() throws Exception {
    AtomicInteger attempts = new AtomicInteger();
    try (Connection a = PlatformStoreFixture.dataSource().getConnection();
        Connection b = PlatformStoreFixture.dataSource().getConnection()) {
      progress.update(a, "learner-000001", doc -> addXp(doc, 10));
      progress.update(a, "learner-000001", doc -> {
        if (attempts.incrementAndGet() == 1) { // another writer lands between this read and this write
          progress.update(b, "learner-000001", other -> addXp(other, 7));
        }
        return addXp(doc, 5);
      });
      assertThat(attempts).hasValue(2);
      assertThat(xp(a, "learner-000001")).isEqualTo(22);
      assertThat(progress.read(a, "learner-000001")).get().extracting(ProgressStore.Stored::revision).isEqualTo(2L);
      // a stale revision never lands, and a second first write never replaces the first
      assertThat(progress.write(a, "learner-000001", Map.of("user_id", "x"), Optional.of(0L))).isFalse();
      assertThat(progress.write(a, "learner-000001", Map.of("user_id", "x"), Optional.empty())).isFalse();
      assertThat(xp(a, "learner-000001")).isEqualTo(22);
    }
  }

  @Test
  void twoConcurrentWritersNeverLoseXp() throws Exception {
    int writes = 150;
    CyclicBarrier start = new CyclicBarrier(2);
    AtomicInteger tries = new AtomicInteger();
    Callable<Void> writer = () -> {
      try (Connection c = PlatformStoreFixture.dataSource().getConnection()) {
        start.await(10, TimeUnit.SECONDS);
        for (int i = 0; i < writes; i++) {
          progress.update(c, "learner-000002", doc -> {
            tries.incrementAndGet();
            return addXp(doc, 3);
          });
        }
      }
      return null;
    };
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      for (Future<Void> f : pool.invokeAll(List.of(writer, writer), 60, TimeUnit.SECONDS)) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    try (Connection c = PlatformStoreFixture.dataSource().getConnection()) {
      assertThat(xp(c, "learner-000002")).as("after %d tries of %d writes", tries.get(), 2 * writes).isEqualTo(2L * writes * 3);
    }
  }

  private long xp(Connection c, String user) throws SQLException {
    Map<String, Object> doc = progress.read(c, user).orElseThrow().document();
    return ((Number) ((Map<?, ?>) doc.get("gamification")).get("total_xp")).longValue();
  }

  @SuppressWarnings("unchecked")
  private static Change<Void> addXp(Optional<Map<String, Object>> stored, int xp) {
    Map<String, Object> doc = stored.map(LinkedHashMap::new).orElseGet(LinkedHashMap::new);
    Map<String, Object> g = new LinkedHashMap<>((Map<String, Object>) doc.getOrDefault("gamification", Map.of()));
    g.put("total_xp", ((Number) g.getOrDefault("total_xp", 0)).longValue() + xp);
    doc.put("gamification", g);
    return new Change<>(doc, null);
  }
}
