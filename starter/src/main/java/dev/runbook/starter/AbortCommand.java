package dev.runbook.starter;

import dev.runbook.starter.run.Approvals;
import dev.runbook.workflows.api.AbortRequest;
import dev.runbook.workflows.api.ApprovalRecord;
import dev.runbook.workflows.api.RequestValidation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** `runbook abort ID --as NAME --reason TEXT`. */
@Command(
    name = "abort",
    header = "Stop a run and roll it back.",
    description = {
      "Stop a run and roll it back. Wins over any promote; the compensations run in",
      "reverse, traffic back on the stable colour first."
    },
    footerHeading = "%nExample:%n",
    footer = {"  runbook abort deploy:learning-api:production --as bob \\", "      --reason \"p95 creeping up\""})
public class AbortCommand extends RunbookCommand {

  @Parameters(index = "0", paramLabel = "ID", description = "Workflow id, e.g. deploy:learning-api:production.")
  String workflowId;

  @Option(names = "--as", required = true, paramLabel = "NAME", description = "Who aborts (must be allowed for the environment).")
  String approver;

  @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "Why (kept in the audit trail).")
  String reason;

  @Override
  protected int run() {
    if (!RequestValidation.isIdentity(approver)) {
      throw CliException.badInput("--as '" + approver + "' is not an identity (letters, digits, . _ @ -)");
    }
    if (reason.isBlank()) {
      throw CliException.badInput("--reason must say why the run is aborted");
    }
    try (TemporalConnection temporal = client.connect()) {
      ApprovalRecord record =
          new Approvals(temporal.client()).abort(workflowId, new AbortRequest(approver, reason, workflowId));
      return ApprovalPrinter.print(this, workflowId, record);
    }
  }
}
