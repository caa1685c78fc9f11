package dev.runbook.workflows.kit;

import dev.runbook.workflows.contract.ApprovalPolicy;

import dev.runbook.workflows.api.AbortRequest;
import dev.runbook.workflows.api.ApprovalRecord;
import dev.runbook.workflows.api.Outcome;
import dev.runbook.workflows.api.PromoteRequest;
import dev.runbook.workflows.api.RequestValidation;
import io.temporal.workflow.Workflow;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Promotion and abort decisions of one run. The update validators, the update handlers and the
 * signal handlers all go through {@link #checkPromote}/{@link #checkAbort}, so a signal from the
 * Temporal UI and an update from the CLI are judged by the same rules; a rejected signal is kept
 * in the status and the audit trail, a rejected update never enters history.
 *
 * <p>A gate is "open" for one step at a time: while that step is watched (a promote ends the
 * window early) and while it waits for approval. An abort is accepted in every state until the
 * run has an outcome, and always wins over a promote.
 */
public final class ApprovalGate {
  private final StatusTracker status;
  private ApprovalPolicy policy;
  private Integer openStep;
  private String openLabel;
  private final Map<Integer, ApprovalRecord> promotions = new HashMap<>();
  private boolean full;
  private ApprovalRecord abort;
  private final List<ApprovalRecord> unsavedAudit = new ArrayList<>();

  public ApprovalGate(StatusTracker status) {
    this.status = status;
  }

  public void policy(ApprovalPolicy approvalPolicy) {
    this.policy = approvalPolicy;
  }

  public ApprovalPolicy policy() {
    return policy;
  }

  /** Opens the gate of {@code step}: from now on a promote approves it. */
  public void open(int step, String label) {
    this.openStep = step;
    this.openLabel = label;
  }

  public void close() {
    this.openStep = null;
    this.openLabel = null;
  }

  public boolean promoted(int step) {
    return promotions.containsKey(step);
  }

  public ApprovalRecord promotion(int step) {
    return promotions.get(step);
  }

  /** True once someone promoted with {@code full}: the remaining steps are skipped. */
  public boolean fullPromotion() {
    return full;
  }

  public boolean aborted() {
    return abort != null;
  }

  public ApprovalRecord abortRecord() {
    return abort;
  }

  /** Null when the promote is acceptable now, else the reason it is refused. */
  public String checkPromote(PromoteRequest r) {
    if (r == null) {
      return "promote needs a body: {\"approver\":\"alice\"}";
    }
    String common = checkCommon(r.approver(), r.workflowId(), "promote");
    if (common != null) {
      return common;
    }
    if (aborted()) {
      return "run is being aborted by " + abort.approver() + "; nothing to promote";
    }
    if (!policy.allows(r.approver())) {
      return r.approver() + " may not approve in " + envName() + "; allowed: " + String.join(", ", policy.approvers());
    }
    if (!policy.requesterMayApprove() && r.approver().equals(status.requestedBy())) {
      return r.approver() + " requested this run and cannot approve it in " + envName()
          + " (another approver must promote)";
    }
    if (openStep == null || !status.phase().acceptsPromotion()) {
      return "run is not waiting for approval (phase " + status.phase() + "); promote when it waits at a gate";
    }
    ApprovalRecord earlier = promotions.get(openStep);
    if (earlier != null) {
      return "step " + (openStep + 1) + " (" + openLabel + ") was already promoted by " + earlier.approver();
    }
    return null;
  }

  public ApprovalRecord acceptPromote(PromoteRequest r) {
    String how = r.isFull() ? "promote --full" : "promote";
    ApprovalRecord record = new ApprovalRecord(how, r.approver(), openStep + 1, true,
        r.comment() == null ? "approved " + openLabel : r.comment(), Workflow.currentTimeMillis());
    promotions.put(openStep, record);
    full = full || r.isFull();
    keep(record);
    status.log(r.approver() + " promoted step " + (openStep + 1) + " (" + openLabel + ")" + (r.isFull() ? " with --full" : ""));
    return record;
  }

  /** Null when the abort is acceptable now, else the reason it is refused. */
  public String checkAbort(AbortRequest r) {
    if (r == null) {
      return "abort needs a body: {\"approver\":\"bob\",\"reason\":\"...\"}";
    }
    String common = checkCommon(r.approver(), r.workflowId(), "abort");
    if (common != null) {
      return common;
    }
    if (r.reason() == null || r.reason().isBlank()) {
      return "abort needs a reason (--reason TEXT): it goes into the audit trail and the incident report";
    }
    if (aborted()) {
      return "run is already being aborted by " + abort.approver();
    }
    boolean requester = r.approver().equals(status.requestedBy());
    if (!requester && (policy == null || !policy.allows(r.approver()))) {
      return policy == null
          ? "run is still loading its policy; only its requester may abort it this early"
          : r.approver() + " may not abort in " + envName() + "; allowed: requester "
              + status.requestedBy() + " or " + String.join(", ", policy.approvers());
    }
    return null;
  }

  public ApprovalRecord acceptAbort(AbortRequest r) {
    ApprovalRecord record = new ApprovalRecord("abort", r.approver(), openStep == null ? null : openStep + 1,
        true, r.reason(), Workflow.currentTimeMillis());
    abort = record;
    keep(record);
    status.log(r.approver() + " aborted the run: " + r.reason());
    return record;
  }

  /** Keeps a refused signal in the status and the audit trail. */
  public void reject(String action, String approver, String reason) {
    ApprovalRecord record = new ApprovalRecord(action, approver, openStep == null ? null : openStep + 1, false,
        reason, Workflow.currentTimeMillis());
    keep(record);
    status.log("refused " + action + " from " + approver + ": " + reason);
  }

  /** Approvals not yet written to the release registry; the workflow thread saves them. */
  public List<ApprovalRecord> takeUnsaved() {
    List<ApprovalRecord> out = List.copyOf(unsavedAudit);
    unsavedAudit.clear();
    return out;
  }

  private void keep(ApprovalRecord record) {
    status.approval(record);
    unsavedAudit.add(record);
  }

  private String checkCommon(String approver, String targetWorkflowId, String action) {
    if (approver == null || approver.isBlank()) {
      return action + " needs an approver identity (--as NAME, or \"approver\" in the signal body)";
    }
    if (!RequestValidation.isIdentity(approver)) {
      return "approver '" + approver + "' is not an identity (letters, digits, . _ @ -)";
    }
    // Workflow.getInfo(), not the status: a handler may run before the workflow method began.
    String thisRun = Workflow.getInfo().getWorkflowId();
    if (targetWorkflowId != null && !targetWorkflowId.equals(thisRun)) {
      return "this " + action + " is for " + targetWorkflowId + " but this run is " + thisRun;
    }
    Outcome outcome = status.outcome();
    if (outcome != null) {
      return "run already finished: " + outcome;
    }
    if (policy == null && action.equals("promote")) {
      return "run is still starting (phase " + status.phase() + "); nothing to promote yet";
    }
    return null;
  }

  private String envName() {
    return status.snapshot().environment();
  }
}
