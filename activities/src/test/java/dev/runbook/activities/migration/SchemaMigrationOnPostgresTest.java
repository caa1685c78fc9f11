package dev.runbook.activities.migration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runbook.activities.capture.LearnerWriteCaptureImpl;
import dev.runbook.activities.snapshot.PgClientTools;
import dev.runbook.activities.snapshot.PgTarget;
import dev.runbook.activities.snapshot.SnapshotActivitiesImpl;
import dev.runbook.activities.snapshot.TestPgTools;
import dev.runbook.activities.support.SharedPostgres;
import dev.runbook.workflows.api.AbortRequest;
import dev.runbook.workflows.api.Outcome;
import dev.runbook.workflows.api.Phase;
import dev.runbook.workflows.api.Procedure;
import dev.runbook.workflows.api.RunbookResult;
import dev.runbook.workflows.api.SchemaMigrationRequest;
import dev.runbook.workflows.api.SearchAttributeKeys;
import dev.runbook.workflows.api.TaskQueues;
import dev.runbook.workflows.contract.ApprovalPolicy;
import dev.runbook.workflows.contract.ApprovalTimeoutAction;
import dev.runbook.workflows.contract.EnvironmentPolicy;
import dev.runbook.workflows.contract.IncidentActivities;
import dev.runbook.workflows.contract.LowTrafficWindow;
import dev.runbook.workflows.contract.NotificationActivities;
import dev.runbook.workflows.contract.RegistryActivities;
import dev.runbook.workflows.contract.RunControlActivities;
import dev.runbook.workflows.contract.SchemaMigrationPolicy;
import dev.runbook.workflows.contract.TargetLockActivities;
import dev.runbook.workflows.schemamigration.SchemaMigrationWorkflow;
import dev.runbook.workflows.schemamigration.SchemaMigrationWorkflowImpl;
import io.temporal.api.enums.v1.IndexedValueType;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The SchemaMigration workflow on a test server with the real database activities against an
 * embedded Postgres: the repository's platform-migrations at release 1.0 (Flyway 3) go to 1.1 (V4,
 * the lesson_version columns) through a real pg_dump snapshot, a rehearsal on a restored copy and
 * Flyway; an abort during the watch after go-live restores the snapshot with pg_restore and
 * re-applies what learners wrote since, checked against the test's own record of those writes.
 */
class SchemaMigrationOnPostgresTest {
  private static final AtomicInteger DATABASES = new AtomicInteger();
  private static final Path MIGRATIONS = Path.of("..", "platform-migrations").toAbsolutePath().normalize();
  private static final String ID = Procedure.SCHEMA_MIGRATION.workflowId(SchemaMigrationRequest.DATABASE, "local");

  @TempDir Path snapshots;
  private DataSource db;
  private TestWorkflowEnvironment env;
  private final MaintenanceSwitch maintenance = new MaintenanceSwitch();
  private final Bookkeeping bookkeeping = new Bookkeeping();

  @BeforeEach
  void platformAtRelease10() throws Exception {
    EmbeddedPostgres pg = SharedPostgres.get();
    String name = "schema_wf_" + DATABASES.incrementAndGet() + "_" + ProcessHandle.current().pid();
    try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
      s.execute("create database " + name);
    }
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setUrl("jdbc:postgresql://localhost:" + pg.getPort() + "/" + name);
    ds.setUser("postgres");
    db = ds;
    Flyway.configure().dataSource(db).schemas("platform").defaultSchema("platform").createSchemas(true)
        .locations("filesystem:" + MIGRATIONS).target("3").load().migrate();
    sql("insert into platform.user_progress (user_id, document) values ('u1', '" + doc(10, "a") + "'),"
        + " ('u2', '" + doc(200, "a", "b") + "')");

    PgTarget target = new PgTarget("localhost", pg.getPort(), name, "postgres", null, List.of("platform"));
    PgClientTools.Search tools = new PgClientTools.Search(
        TestPgTools.forServer(PgClientTools.serverMajor(db)).pgDump().getParent(), "", null);
    SnapshotActivitiesImpl snapshot = new SnapshotActivitiesImpl(e -> target, snapshots, tools,
        Duration.ofMinutes(2), Clock.systemUTC());
    MigrationTargets targets = e -> new MigrationTarget(db, "platform", MIGRATIONS);

    env = TestWorkflowEnvironment.newInstance();
    SearchAttributeKeys.ALL.forEach(k -> env.registerSearchAttribute(k.getName(),
        IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD));
    Worker worker = env.newWorker(TaskQueues.RUNBOOK);
    worker.registerWorkflowImplementationTypes(SchemaMigrationWorkflowImpl.class);
    worker.registerActivitiesImplementations(snapshot, new FlywaySchemaMigrationActivities(targets, snapshot),
        new LearnerWriteCaptureImpl(targets), new SchemaMigrationPolicies(Map.of("local", policy())), maintenance,
        new PostgresCensus(db), bookkeeping.of(RegistryActivities.class), bookkeeping.of(NotificationActivities.class),
        bookkeeping.of(TargetLockActivities.class), bookkeeping.of(IncidentActivities.class),
        bookkeeping.of(RunControlActivities.class));
    env.start();
  }

  @AfterEach
  void stop() {
    env.close();
  }

  /** runbook dev's local section: gates pass by themselves, anyone approves, a watch of seconds. */
  private static SchemaMigrationPolicy policy() {
    EnvironmentPolicy shared = new EnvironmentPolicy("local", "runbook", "database", List.of(),
        new ApprovalPolicy(false, List.of("*"), true, 3600, ApprovalTimeoutAction.HOLD_AND_REMIND, 1800),
        1, 30, 600, null, null);
    return new SchemaMigrationPolicy(shared, "runbook", List.of("platform"), LowTrafficWindow.DEFAULT, 3, 3, 120,
        List.of("select count(*) >= 2 from platform.user_progress"), false);
  }

  private SchemaMigrationWorkflow start() {
    SchemaMigrationWorkflow stub = env.getWorkflowClient().newWorkflowStub(SchemaMigrationWorkflow.class,
        WorkflowOptions.newBuilder().setWorkflowId(ID).setTaskQueue(TaskQueues.RUNBOOK).build());
    WorkflowClient.start(stub::migrate, new SchemaMigrationRequest("local", "1.1", null, null, null, true, "alice",
        "it-1"));
    return stub;
  }

  @Test
  void anAbortAfterGoLiveRestoresRelease10AndKeepsEveryXpPointWrittenSinceTheSnapshot() throws Exception {
    SchemaMigrationWorkflow run = start();
    long giveUpAt = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    while (run.status().phase() != Phase.WATCHING) {
      assertThat(System.nanoTime()).as("reached the watch: " + run.status().log()).isLessThan(giveUpAt);
      Thread.sleep(50);
    }
    assertThat(count("select count(*) from information_schema.columns where table_schema = 'platform'"
        + " and table_name = 'user_progress' and column_name = 'migrated_at'")).as("at 1.1").isEqualTo(1);
    // learners back after maintenance: u1 earns 25 XP and completes b, u3 starts (compare-and-set writes)
    sql("update platform.user_progress set document = '" + doc(35, "a", "b") + "', revision = revision + 1"
        + " where user_id = 'u1' and revision = 0",
        "insert into platform.user_progress (user_id, document) values ('u3', '" + doc(5) + "')");
    run.abortUpdate(new AbortRequest("bob", "support reports odd lesson versions", null));
    RunbookResult result = env.getWorkflowClient().newUntypedWorkflowStub(ID).getResult(RunbookResult.class);

    assertThat(result.outcome()).as(result.reason()).isEqualTo(Outcome.ABORTED);
    assertThat(count("select count(*) from information_schema.columns where table_schema = 'platform'"
        + " and table_name = 'user_progress' and column_name = 'migrated_at'")).as("back at 1.0").isZero();
    assertThat(count("select max(version::int) from platform.flyway_schema_history")).isEqualTo(3);
    // the test's own record of what learners wrote, not the capture the restore used
    assertThat(xp("u1")).isEqualTo(35);
    assertThat(xp("u2")).isEqualTo(200);
    assertThat(xp("u3")).isEqualTo(5);
    assertThat(count("select count(*) from platform.user_progress where user_id = 'u1'"
        + " and document->'completions' ?& array['a', 'b']")).isEqualTo(1);
    assertThat(maintenance.changes).containsExactly("on", "off", "on", "off");
    assertThat(maintenance.on).isFalse();
    assertThat(bookkeeping.incidents).singleElement().satisfies(i ->
        assertThat(i.summary()).contains("restored from its snapshot", "2 of 2 learner(s) re-applied"));
    assertThat(count("select count(*) from pg_trigger where tgrelid = 'platform.user_progress'::regclass"
        + " and not tgisinternal")).as("capture stopped").isZero();
  }

  private static String doc(int xp, String... completions) {
    StringBuilder done = new StringBuilder();
    for (String c : completions) {
      done.append(done.isEmpty() ? "" : ", ").append("\"").append(c).append("\": {\"xp_earned\": 5}");
    }
    return "{\"schema_version\": \"1.0\", \"gamification\": {\"total_xp\": " + xp + "}, \"completions\": {" + done + "}}";
  }

  private void sql(String... statements) throws Exception {
    try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
      for (String statement : statements) {
        s.execute(statement);
      }
    }
  }

  private long count(String query) throws Exception {
    try (Connection c = db.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(query)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private long xp(String user) throws Exception {
    return count("select (document->'gamification'->>'total_xp')::bigint from platform.user_progress"
        + " where user_id = '" + user + "'");
  }
}
