package dev.runbook.starter;

import dev.runbook.starter.run.Approvals;
import dev.runbook.workflows.api.ApprovalRecord;
import dev.runbook.workflows.api.PromoteRequest;
import dev.runbook.workflows.api.RequestValidation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** `runbook promote ID --as NAME`. */
@Command(
    name = "promote",
    header = "Approve the gate a run waits at, or end its watch window early.",
    description = {
      "Approve the gate a run waits at, or end its current watch window early.",
      "The run answers at once: accepted, or rejected with the reason (exit 64)."
    },
    footerHeading = "%nExample:%n",
    footer = {"  runbook promote deploy:learning-api:production --as alice --full \\", "      --comment \"metrics look clean\""})
public class PromoteCommand extends RunbookCommand {

  @Parameters(index = "0", paramLabel = "ID", description = "Workflow id, e.g. deploy:learning-api:production.")
  String workflowId;

  @Option(names = "--as", required = true, paramLabel = "NAME", description = "Approver (must be allowed for the environment).")
  String approver;

  @Option(names = "--full", description = "Skip the remaining steps and go to 100%%.")
  boolean full;

  @Option(names = "--comment", paramLabel = "TEXT", description = "Note kept with the approval.")
  String comment;

  @Override
  protected int run() {
    if (!RequestValidation.isIdentity(approver)) {
      throw CliException.badInput("--as '" + approver + "' is not an identity (letters, digits, . _ @ -)");
    }
    try (TemporalConnection temporal = client.connect()) {
      ApprovalRecord record =
          new Approvals(temporal.client()).promote(workflowId, new PromoteRequest(approver, full, workflowId, comment));
      return ApprovalPrinter.print(this, workflowId, record);
    }
  }
}
