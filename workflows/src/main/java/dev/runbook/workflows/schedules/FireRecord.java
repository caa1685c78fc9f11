package dev.runbook.workflows.schedules;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One fire of a schedule and what came of it.
 *
 * @param scheduledAtMillis the instant the spec named (for a trigger: when it was asked)
 * @param atMillis when the scheduler acted on it
 * @param how {@code scheduled}, {@code trigger by NAME} or {@code buffered}
 * @param result STARTED, then SUCCEEDED / FAILED / the run's outcome; or SKIPPED, MISSED, PAUSED
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FireRecord(long scheduledAtMillis, long atMillis, String how, String workflowId, String result,
    String detail) {

  FireRecord ended(String outcome, String why) {
    return new FireRecord(scheduledAtMillis, atMillis, how, workflowId, outcome, why);
  }
}
