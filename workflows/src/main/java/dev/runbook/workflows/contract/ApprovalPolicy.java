package dev.runbook.workflows.contract;

import dev.runbook.workflows.contract.ApprovalTimeoutAction;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * Who may promote or abort in an environment and what happens when they are slow. {@code manual}
 * false means gates pass by themselves after a healthy window. An approvers entry {@code "*"}
 * allows anyone (meant for local stacks only).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApprovalPolicy(
    boolean manual,
    List<String> approvers,
    boolean requesterMayApprove,
    long timeoutSeconds,
    ApprovalTimeoutAction onTimeout,
    long remindEverySeconds) {

  public boolean allows(String who) {
    return who != null && approvers != null && (approvers.contains(who) || approvers.contains("*"));
  }
}
