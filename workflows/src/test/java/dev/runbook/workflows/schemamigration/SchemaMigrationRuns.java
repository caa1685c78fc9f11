package dev.runbook.workflows.schemamigration;

import dev.runbook.workflows.api.Procedure;
import dev.runbook.workflows.api.SchemaMigrationRequest;
import dev.runbook.workflows.contract.LowTrafficWindow;
import dev.runbook.workflows.testing.RunbookTestEnvironment;
import io.temporal.client.WorkflowClient;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Starting schema migrations on a test environment, and windows relative to its clock. */
final class SchemaMigrationRuns {
  static final String ID = Procedure.SCHEMA_MIGRATION.workflowId(SchemaMigrationRequest.DATABASE,
      RunbookTestEnvironment.ENV);
  private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC);

  private SchemaMigrationRuns() {}

  static SchemaMigrationWorkflow start(RunbookTestEnvironment rt, SchemaMigrationRequest request) {
    SchemaMigrationWorkflow stub = rt.client.newWorkflowStub(SchemaMigrationWorkflow.class,
        rt.options(Procedure.SCHEMA_MIGRATION.workflowId(request)));
    WorkflowClient.start(stub::migrate, request);
    return stub;
  }

  /** To 1.1 in production, requested by carol; {@code proceedNow} as given. */
  static SchemaMigrationWorkflow start(RunbookTestEnvironment rt, boolean proceedNow) {
    return start(rt, new SchemaMigrationRequest(RunbookTestEnvironment.ENV, "1.1", null, null, "Back in 10 minutes",
        proceedNow ? true : null, RunbookTestEnvironment.REQUESTER, "ops-8"));
  }

  /** A two-hour window opening {@code hoursFromNow} hours after the test server's clock (negative: open now). */
  static LowTrafficWindow windowOpeningIn(RunbookTestEnvironment rt, int hoursFromNow) {
    Instant opens = Instant.ofEpochMilli(rt.env.currentTimeMillis()).plusSeconds(hoursFromNow * 3600L);
    return new LowTrafficWindow(HH_MM.format(opens), HH_MM.format(opens.plusSeconds(7200)), 600L);
  }
}
