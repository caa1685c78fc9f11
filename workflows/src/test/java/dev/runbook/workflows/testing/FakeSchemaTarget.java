package dev.runbook.workflows.testing;

import dev.runbook.workflows.contract.ApprovalPolicy;
import dev.runbook.workflows.contract.CaptureStatus;
import dev.runbook.workflows.contract.EnvironmentPolicy;
import dev.runbook.workflows.contract.LearnerWriteCaptureActivities;
import dev.runbook.workflows.contract.LowTrafficWindow;
import dev.runbook.workflows.contract.MaintenanceActivities;
import dev.runbook.workflows.contract.MaintenanceRequest;
import dev.runbook.workflows.contract.MaintenanceStatus;
import dev.runbook.workflows.contract.MigrateRequest;
import dev.runbook.workflows.contract.MigrationApplied;
import dev.runbook.workflows.contract.MigrationCheckRequest;
import dev.runbook.workflows.contract.MigrationPlan;
import dev.runbook.workflows.contract.MigrationVerified;
import dev.runbook.workflows.contract.MigrationVerifyRequest;
import dev.runbook.workflows.contract.ReapplyResult;
import dev.runbook.workflows.contract.RehearsalRequest;
import dev.runbook.workflows.contract.RehearsalResult;
import dev.runbook.workflows.contract.RestoreResult;
import dev.runbook.workflows.contract.SchemaMigrationActivities;
import dev.runbook.workflows.contract.SchemaMigrationPolicy;
import dev.runbook.workflows.contract.SchemaMigrationPolicyActivities;
import dev.runbook.workflows.contract.ScratchRestoreRequest;
import dev.runbook.workflows.contract.ScratchRestoreResult;
import dev.runbook.workflows.contract.SnapshotActivities;
import dev.runbook.workflows.contract.SnapshotRecord;
import dev.runbook.workflows.contract.SnapshotRequest;
import io.temporal.failure.ApplicationFailure;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The target database of a schema migration and the platform's maintenance switch, as one fake:
 * Flyway at version 3 (release 1.0) with 4 (1.1) pending, a snapshot per run, a capture, a
 * maintenance flag. Every call lands in {@link #events()} in order, so a test reads what happened
 * to the database and when maintenance was on. Failures are scripted per call.
 */
public final class FakeSchemaTarget implements SchemaMigrationPolicyActivities, SchemaMigrationActivities,
    SnapshotActivities, MaintenanceActivities, LearnerWriteCaptureActivities {
  private final List<String> events = new ArrayList<>();
  private final Map<String, ApplicationFailure> failures = new HashMap<>();
  private SchemaMigrationPolicy policy = policy(false, LowTrafficWindow.DEFAULT, 60);
  private String version = "3";
  private boolean maintenance;
  private String maintenanceMessage;
  private long rehearsalMillis = 90_000;

  /** Production's approvers (alice, bob, never the requester); {@code manual} false is a local-like stack. */
  public static SchemaMigrationPolicy policy(boolean manual, LowTrafficWindow window, long watchSeconds) {
    EnvironmentPolicy p = Policies.production();
    EnvironmentPolicy shared = new EnvironmentPolicy(p.environment(), "runbook", "database", List.of(),
        new ApprovalPolicy(manual, p.approval().approvers(), false, 3600, p.approval().onTimeout(), 1800),
        10, 30, 600, null, null);
    return new SchemaMigrationPolicy(shared, "runbook", List.of("platform"), window, 3, 3, watchSeconds,
        List.of("select count(*) >= 0 from platform.user_progress"), false);
  }

  public synchronized FakeSchemaTarget use(SchemaMigrationPolicy p) {
    policy = p;
    return this;
  }

  /** The next call of {@code activity} (a method name) fails non-retryably with {@code type}. */
  public synchronized FakeSchemaTarget fail(String activity, String message, String type) {
    failures.put(activity, ApplicationFailure.newNonRetryableFailure(message, type));
    return this;
  }

  public synchronized FakeSchemaTarget rehearsalTakes(long millis) {
    rehearsalMillis = millis;
    return this;
  }

  public synchronized List<String> events() {
    return List.copyOf(events);
  }

  public synchronized boolean maintenanceOn() {
    return maintenance;
  }

  public synchronized String schemaVersion() {
    return version;
  }

  private synchronized void call(String activity, String event) {
    ApplicationFailure failure = failures.remove(activity);
    if (failure != null) {
      events.add(event + " FAILED");
      throw failure;
    }
    events.add(event);
  }

  @Override
  public SchemaMigrationPolicy resolveSchemaMigrationPolicy(String environment) {
    synchronized (this) {
      if (!environment.equals(policy.environment().environment())) {
        throw ApplicationFailure.newNonRetryableFailure("environment '" + environment + "' has no schema-migration"
            + " section; add runbook.environments." + environment + ".schema-migration", NO_SCHEMA_MIGRATION);
      }
    }
    call("resolveSchemaMigrationPolicy", "policy " + environment);
    return policy;
  }

  @Override
  public MigrationPlan checkMigration(MigrationCheckRequest request) {
    call("checkMigration", "check " + request.targetVersion());
    return new MigrationPlan("platform", version, "4",
        List.of(new MigrationPlan.PendingMigration("4", "lesson version columns", "V4__lesson_version_columns.sql")));
  }

  @Override
  public RehearsalResult rehearseMigration(RehearsalRequest request) {
    call("rehearseMigration", "rehearse " + request.targetVersion() + " on a copy");
    return new RehearsalResult("scratch_x", "3", "4", List.of("4"), 1_000, rehearsalMillis - 2_000, rehearsalMillis, 1);
  }

  @Override
  public MigrationApplied migrateDatabase(MigrateRequest request) {
    call("migrateDatabase", "migrate " + request.targetVersion() + " (maintenance " + (maintenanceOn() ? "on" : "off")
        + ")");
    synchronized (this) {
      version = "4";
    }
    return new MigrationApplied("3", "4", List.of("4"), 1_200);
  }

  @Override
  public MigrationVerified verifyDatabase(MigrationVerifyRequest request) {
    call("verifyDatabase", "verify " + request.targetVersion());
    return new MigrationVerified("platform", request.targetVersion() + " (Flyway " + schemaVersion() + ")",
        request.validationQueries().size());
  }

  @Override
  public SnapshotRecord snapshotDatabase(SnapshotRequest request) {
    call("snapshotDatabase", "snapshot");
    return new SnapshotRecord(request.environment(), request.workflowId(), request.runId(), "/snapshots/run.dump",
        List.of("platform"), 1_000, 4_096, 40_960L, 500, 0.08, "16.4", "16.4",
        "pg_restore --clean -n platform -d runbook /snapshots/run.dump");
  }

  @Override
  public ScratchRestoreResult restoreToScratch(ScratchRestoreRequest request) {
    throw new UnsupportedOperationException("the workflow rehearses through rehearseMigration");
  }

  @Override
  public RestoreResult restoreSnapshot(SnapshotRequest request) {
    call("restoreSnapshot", "restore snapshot (maintenance " + (maintenanceOn() ? "on" : "off") + ")");
    synchronized (this) {
      version = "3";
    }
    return new RestoreResult("/snapshots/run.dump", List.of("platform"), 2_000, 700, 0.06);
  }

  @Override
  public synchronized MaintenanceStatus enableMaintenance(MaintenanceRequest request) {
    call("enableMaintenance", "maintenance on");
    maintenance = true;
    maintenanceMessage = request.message();
    return new MaintenanceStatus(true, request.message(), 1_000L, 60);
  }

  @Override
  public synchronized MaintenanceStatus disableMaintenance(String environment) {
    call("disableMaintenance", "maintenance off");
    maintenance = false;
    return new MaintenanceStatus(false, null, null, null);
  }

  public synchronized String maintenanceMessage() {
    return maintenanceMessage;
  }

  @Override
  public CaptureStatus startCapture(SnapshotRequest run) {
    call("startCapture", "capture on");
    return new CaptureStatus("runbook_capture_x", true, 0);
  }

  @Override
  public ReapplyResult reapplyCapturedWrites(SnapshotRequest run) {
    call("reapplyCapturedWrites", "re-apply learner writes");
    return new ReapplyResult(3, 3, 1_200, 1_350, 7);
  }

  @Override
  public CaptureStatus stopCapture(SnapshotRequest run) {
    call("stopCapture", "capture off");
    return new CaptureStatus("runbook_capture_x", false, 3);
  }
}
