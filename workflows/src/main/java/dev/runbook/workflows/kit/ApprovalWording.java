package dev.runbook.workflows.kit;

/**
 * How an approval step names the decision it waits for, in the status, the notification and the
 * timeout: {@link #PROMOTE} after a rollout step; a schema migration's "proceed now" or an
 * incident's "acknowledge" bring their own. Every kind is passed with the promote signal/update.
 *
 * @param decision "promote": the status waits for "promote of step 3 (label)"
 * @param done "promoted": a timeout says "nobody promoted step 3 (label) within 4h"
 * @param howTo how to act, completed with the workflow id: "Promote with: runbook promote ID --as NAME"
 */
public record ApprovalWording(String decision, String done, String howTo) {
  public static final ApprovalWording PROMOTE = new ApprovalWording("promote", "promoted", "Promote with: runbook promote");
  /** Start before the low-traffic window (see {@link WindowWait}): sent as a promote of the waiting step. */
  public static final ApprovalWording PROCEED_NOW = new ApprovalWording("proceed-now", "sent proceed-now for",
      "Proceed now with: runbook promote");

  String howTo(String workflowId) {
    return howTo + " " + workflowId + " --as NAME";
  }
}
