package dev.runbook.activities.lock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.runbook.activities.support.TestPostgres;
import dev.runbook.activities.testing.VirtualClock;
import dev.runbook.workflows.contract.LockGrant;
import dev.runbook.workflows.contract.LockHolder;
import dev.runbook.workflows.contract.LockRequest;
import dev.runbook.workflows.contract.TargetPaths;
import io.temporal.failure.ApplicationFailure;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Hierarchy, inheritance, dead holders and idempotency, against a real Postgres. Races: {@link TargetLockRaceTest}. */
class TargetLockActivitiesImplTest {
  static final long T0 = 1_763_700_000_000L;
  private static TestPostgres pg;

  private final Set<String> closedRuns = ConcurrentHashMap.newKeySet();
  private final VirtualClock clock = new VirtualClock(T0);
  private TargetLockActivitiesImpl locks;

  @BeforeAll
  static void startPostgres() throws Exception {
    pg = TestPostgres.startMigrated();
  }

  @AfterAll
  static void stopPostgres() throws Exception {
    pg.close();
  }

  @BeforeEach
  void clean() throws Exception {
    truncate(pg);
    locks = new TargetLockActivitiesImpl(pg.dataSource(), (wf, run) -> !closedRuns.contains(run), clock);
  }

  static void truncate(TestPostgres pg) throws Exception {
    try (Connection c = pg.dataSource().getConnection(); Statement s = c.createStatement()) {
      s.execute("TRUNCATE runbook.target_locks, runbook.lock_holders");
    }
  }

  static LockRequest request(String holder, String... targets) {
    return child(holder, null, targets);
  }

  static LockRequest child(String holder, String parent, String... targets) {
    return new LockRequest(List.of(targets), holder, "run-" + holder, "code-deploy", "alice",
        parent, parent == null ? null : "run-" + parent, false);
  }

  private static final String API_LOCAL = TargetPaths.service("local", "learning-api");
  private static final String LESSON_LOCAL = TargetPaths.lesson("local", "stock_basics_001");
  private static final String DB_LOCAL = TargetPaths.database("local", TargetPaths.PLATFORM_DB);

  @Test
  void aDatabaseLockCoversTheServicesAndLessonsInIt() {
    assertThat(locks.acquire(request("restore", DB_LOCAL)).granted()).isTrue();

    LockGrant service = locks.acquire(request("deploy", API_LOCAL));
    assertThat(service.granted()).isFalse();
    assertThat(service.requestedTarget()).isEqualTo(API_LOCAL);
    assertThat(service.holder().workflowId()).isEqualTo("restore");
    assertThat(service.holder().heldTarget()).isEqualTo(DB_LOCAL);
    assertThat(locks.acquire(request("lesson", LESSON_LOCAL)).granted()).isFalse();

    assertThat(locks.acquire(request("other-env", TargetPaths.service("production", "learning-api"))).granted()).isTrue();
    assertThat(locks.acquire(request("other-db", TargetPaths.service("local", "analytics", "learning-api"))).granted()).isTrue();
    assertThat(locks.acquire(request("platform", TargetPaths.platform("fly"))).granted()).isTrue();
  }

  @Test
  void aHeldServiceOrLessonBlocksItsDatabase() {
    assertThat(locks.acquire(request("lesson", LESSON_LOCAL)).granted()).isTrue();
    clock.set(T0 + 1000);
    assertThat(locks.acquire(request("deploy", API_LOCAL)).granted()).isTrue();

    LockGrant restore = locks.acquire(request("restore", DB_LOCAL));
    assertThat(restore.granted()).isFalse();
    assertThat(restore.holder().workflowId()).as("the oldest holder").isEqualTo("lesson");
    assertThat(restore.holder().heldTarget()).isEqualTo(LESSON_LOCAL);
    locks.release("lesson", "run-lesson");
    assertThat(locks.acquire(request("restore", DB_LOCAL)).holder().workflowId()).isEqualTo("deploy");
  }

  @Test
  void prefixesMatchWholeSegmentsOnly() {
    assertThat(locks.acquire(request("web", TargetPaths.service("local", "web"))).granted()).isTrue();
    assertThat(locks.acquire(request("webapp", TargetPaths.service("local", "webapp"))).granted()).isTrue();
    // LIKE would treat '_' as a wildcard: lesson ids are full of them
    assertThat(locks.acquire(request("l1", TargetPaths.lesson("local", "a_b"))).granted()).isTrue();
    assertThat(locks.acquire(request("l2", TargetPaths.lesson("local", "axb"))).granted()).isTrue();
  }

  @Test
  void aRequestIsAllOrNothing() {
    locks.acquire(request("deploy", API_LOCAL));
    LockGrant both = locks.acquire(request("release", LESSON_LOCAL, API_LOCAL));
    assertThat(both.granted()).isFalse();
    assertThat(locks.acquire(request("lesson", LESSON_LOCAL)).granted()).isTrue();
  }

  @Test
  void aChildInheritsWhatItsParentChainHoldsButNotWhatASiblingHolds() {
    assertThat(locks.acquire(request("release", DB_LOCAL)).granted()).isTrue();

    assertThat(locks.acquire(child("deploy-child", "release", API_LOCAL)).granted()).isTrue();
    assertThat(locks.acquire(child("grandchild", "deploy-child", API_LOCAL)).granted()).isTrue();
    LockGrant sibling = locks.acquire(child("sibling", "release", API_LOCAL));
    assertThat(sibling.granted()).isFalse();
    assertThat(sibling.holder().workflowId()).isEqualTo("deploy-child");
    assertThat(locks.acquire(child("lesson-child", "release", LESSON_LOCAL)).granted()).isTrue();
    assertThat(locks.acquire(request("stranger", LESSON_LOCAL)).granted()).isFalse();
  }

  @Test
  void aClosedHoldersLockIsReleasedAndTheNewAcquirerGranted() throws Exception {
    locks.acquire(request("crashed", API_LOCAL));
    assertThat(locks.acquire(request("next", API_LOCAL)).granted()).isFalse();

    closedRuns.add("run-crashed");
    assertThat(locks.acquire(request("next", API_LOCAL)).granted()).isTrue();
    assertThat(pg.count("SELECT count(*) FROM runbook.lock_holders WHERE workflow_id = 'crashed'")).isZero();
    assertThat(new TargetLockReader(pg.dataSource()).held()).extracting(HeldLock::workflowId).containsExactly("next");
  }

  @Test
  void theOldestLiveHolderIsNamedAfterDeadOnesAreReleased() {
    locks.acquire(request("dead", API_LOCAL));
    clock.set(T0 + 1000);
    locks.acquire(request("alive", LESSON_LOCAL));
    closedRuns.add("run-dead");

    LockGrant restore = locks.acquire(request("restore", DB_LOCAL));
    assertThat(restore.granted()).isFalse();
    assertThat(restore.holder()).isEqualTo(new LockHolder("alive", "run-alive", "code-deploy", "alice", T0 + 1000,
        false, LESSON_LOCAL));
  }

  @Test
  void acquiringAgainIsIdempotentAndKeepsTheFirstSince() {
    assertThat(locks.acquire(request("deploy", API_LOCAL)).granted()).isTrue();
    clock.set(T0 + 60_000);
    assertThat(locks.acquire(request("deploy", API_LOCAL)).granted()).isTrue();
    assertThat(locks.acquire(request("other", API_LOCAL)).holder().sinceMillis()).isEqualTo(T0);
  }

  @Test
  void releaseIsIdempotentAndFreesTheTargets() throws Exception {
    locks.acquire(request("deploy", API_LOCAL, LESSON_LOCAL));
    locks.release("deploy", "run-deploy");
    locks.release("deploy", "run-deploy");
    locks.release("never-held", "run-x");
    assertThat(pg.count("SELECT count(*) FROM runbook.target_locks")).isZero();
    assertThat(locks.acquire(request("restore", DB_LOCAL)).granted()).isTrue();
  }

  @Test
  void theRefusalSaysWhetherTheHolderMayBePreempted() {
    locks.acquire(new LockRequest(List.of(API_LOCAL), "deploy", "run-deploy", "code-deploy", "alice", null, null, true));
    assertThat(locks.acquire(request("emergency", API_LOCAL)).holder().preemptible()).isTrue();

    locks.setPreemptible("deploy", "run-deploy", false);
    assertThat(locks.acquire(request("emergency", API_LOCAL)).holder().preemptible()).isFalse();
    locks.setPreemptible("nobody", "run-nobody", true);
    assertThat(locks.acquire(request("emergency", API_LOCAL)).granted()).isFalse();
  }

  @Test
  void badRequestsFailNonRetryably() {
    for (LockRequest bad : List.of(request("deploy"), request("deploy", "env//db"),
        new LockRequest(List.of(API_LOCAL), "deploy", null, "code-deploy", "alice", null, null, null),
        new LockRequest(List.of(API_LOCAL), "deploy", "r1", "code-deploy", "alice", "parent", null, null))) {
      assertThatThrownBy(() -> locks.acquire(bad)).isInstanceOfSatisfying(ApplicationFailure.class,
          f -> assertThat(f.isNonRetryable()).isTrue());
    }
  }
}
