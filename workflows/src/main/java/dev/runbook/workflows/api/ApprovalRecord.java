package dev.runbook.workflows.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/** One approver action (accepted or rejected), kept in the status and the release registry. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApprovalRecord(
    String action, String approver, Integer step, boolean accepted, String reason, long atMillis) {}
