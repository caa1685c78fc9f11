package dev.runbook.starter;

import dev.runbook.workflows.api.ApprovalRecord;

/** Prints the answer of a promote/abort update, text or JSON, and picks the exit code. */
final class ApprovalPrinter {
  private ApprovalPrinter() {}

  static int print(RunbookCommand command, String workflowId, ApprovalRecord record) {
    if (record != null && !record.accepted()) {
      throw CliException.badInput("rejected by " + workflowId + ": " + record.reason());
    }
    if (command.client.json()) {
      command.out().println(Json.write(record));
    } else if (record == null) {
      command.out().println("accepted by " + workflowId);
    } else {
      StringBuilder line = new StringBuilder(record.action() == null ? "action" : record.action());
      line.append(" accepted by ").append(workflowId);
      if (record.step() != null) {
        line.append(" at step ").append(record.step());
      }
      line.append(" (as ").append(record.approver()).append(')');
      if (record.reason() != null && !record.reason().isBlank()) {
        line.append(": ").append(record.reason());
      }
      command.out().println(line);
    }
    command.out().flush();
    return ExitCodes.SUCCEEDED;
  }
}
