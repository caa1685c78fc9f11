package dev.runbook.workflows.contract;

import dev.runbook.workflows.contract.Severity;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/** A message for people: a reminder to approve, a rule that fired, a failed compensation. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Notification(
    Severity severity, String title, String body, String service, String environment, String workflowId) {}
