package dev.runbook.workflows.api;

import java.util.Arrays;
import java.util.Optional;

/**
 * Incident severity (seed 002 "Emergency Response") with its response target (open to
 * acknowledgement) and what the incident does by itself.
 */
public enum IncidentSeverity {
  /** Critical: roll back the service's running deploy, page, escalate through every level. */
  SEV1(1, 5 * 60, "roll back the running deploy, page, escalate"),
  /** High: assess (what is running), page the first level. */
  SEV2(2, 15 * 60, "assess, page"),
  /** Medium: notify the first level's channel, monitor until resolved. */
  SEV3(3, 30 * 60, "notify, monitor");

  private final int number;
  private final long responseTargetSeconds;
  private final String actions;

  IncidentSeverity(int number, long responseTargetSeconds, String actions) {
    this.number = number;
    this.responseTargetSeconds = responseTargetSeconds;
    this.actions = actions;
  }

  public int number() {
    return number;
  }

  /** Seed 002: response within 5 / 15 / 30 minutes. */
  public long responseTargetSeconds() {
    return responseTargetSeconds;
  }

  /** The actions, for people. */
  public String actions() {
    return actions;
  }

  /** Only a sev 1 goes past the first escalation level. */
  public boolean escalatesPastFirstLevel() {
    return this == SEV1;
  }

  /** Sev 1 and 2 page; a sev 3 goes to the team channel. */
  public boolean pages() {
    return this != SEV3;
  }

  public String label() {
    return "sev" + number;
  }

  public static Optional<IncidentSeverity> of(Integer number) {
    return Arrays.stream(values()).filter(s -> number != null && s.number == number).findFirst();
  }
}
