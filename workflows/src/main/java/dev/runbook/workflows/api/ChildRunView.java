package dev.runbook.workflows.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A child run as its parent's status shows it: {@code workflowId} is the id to act on (promote,
 * abort, status) directly; phase, what it waits for and its outcome as the child last reported.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ChildRunView(String workflowId, String procedure, Phase phase, String waitingFor, Outcome outcome) {}
