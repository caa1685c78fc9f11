package dev.runbook.activities.lock;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runbook.activities.support.TestPostgres;
import dev.runbook.workflows.contract.LockGrant;
import dev.runbook.workflows.contract.TargetPaths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Eight runs under free ids ask for the same target at the same instant, each on its own
 * connection: exactly one is granted and every other refusal names that one. One race per lock
 * kind, plus a mixed one where half ask for the database and half for a service in it.
 */
class TargetLockRaceTest {
  private static final int RUNS = 8;
  private static final int ROUNDS = 5;
  private static TestPostgres pg;

  @BeforeAll
  static void startPostgres() throws Exception {
    pg = TestPostgres.startMigrated();
  }

  @AfterAll
  static void stopPostgres() throws Exception {
    pg.close();
  }

  @ParameterizedTest
  @ValueSource(strings = {"service", "lesson", "database", "platform", "database-and-service"})
  void exactlyOneOfEightSimultaneousAcquirersIsGranted(String kind) throws Exception {
    TargetLockActivitiesImpl locks = new TargetLockActivitiesImpl(pg.dataSource(), (wf, run) -> true);
    ExecutorService pool = Executors.newFixedThreadPool(RUNS);
    try {
      for (int round = 0; round < ROUNDS; round++) {
        TargetLockActivitiesImplTest.truncate(pg);
        CyclicBarrier start = new CyclicBarrier(RUNS);
        List<Future<LockGrant>> answers = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
          String holder = "free-" + round + "-" + i;
          String target = target(kind, i);
          answers.add(pool.submit(() -> {
            start.await();
            return locks.acquire(TargetLockActivitiesImplTest.request(holder, target));
          }));
        }
        List<LockGrant> grants = new ArrayList<>();
        for (Future<LockGrant> f : answers) {
          grants.add(f.get());
        }
        List<String> winners = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
          if (grants.get(i).granted()) {
            winners.add("free-" + round + "-" + i);
          }
        }
        assertThat(winners).as("granted in round %d", round).hasSize(1);
        assertThat(grants).filteredOn(g -> !g.granted())
            .allSatisfy(g -> assertThat(g.holder().workflowId()).isEqualTo(winners.get(0)));
        assertThat(pg.count("SELECT count(*) FROM runbook.lock_holders")).isEqualTo(1);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static String target(String kind, int i) {
    return switch (kind) {
      case "service" -> TargetPaths.service("local", "learning-api");
      case "lesson" -> TargetPaths.lesson("local", "stock_basics_001");
      case "database" -> TargetPaths.database("local", TargetPaths.PLATFORM_DB);
      case "platform" -> TargetPaths.platform("fly");
      default -> i % 2 == 0 ? TargetPaths.database("local", TargetPaths.PLATFORM_DB)
          : TargetPaths.service("local", "learning-api");
    };
  }
}
