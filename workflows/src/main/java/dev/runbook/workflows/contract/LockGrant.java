package dev.runbook.workflows.contract;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The answer to a {@link LockRequest}: granted, or refused because {@code requestedTarget} conflicts
 * with what {@code holder} holds (a refusal, not a failure: the caller decides to fail or pre-empt).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LockGrant(boolean granted, String requestedTarget, LockHolder holder) {

  public static LockGrant grant() {
    return new LockGrant(true, null, null);
  }

  public static LockGrant refusal(String requestedTarget, LockHolder holder) {
    return new LockGrant(false, requestedTarget, holder);
  }
}
