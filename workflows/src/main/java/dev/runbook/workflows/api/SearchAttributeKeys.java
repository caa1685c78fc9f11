package dev.runbook.workflows.api;

import io.temporal.common.SearchAttributeKey;
import java.util.List;

/**
 * Custom search attributes the Temporal UI filters on. They must be registered on the namespace
 * (the embedded stack does it at start; on a real cluster: {@code temporal operator
 * search-attribute create --name RunbookService --type Keyword} for each).
 */
public final class SearchAttributeKeys {
  public static final SearchAttributeKey<String> SERVICE = SearchAttributeKey.forKeyword("RunbookService");
  public static final SearchAttributeKey<String> ENVIRONMENT = SearchAttributeKey.forKeyword("RunbookEnvironment");
  public static final SearchAttributeKey<String> VERSION = SearchAttributeKey.forKeyword("RunbookVersion");
  public static final SearchAttributeKey<String> OUTCOME = SearchAttributeKey.forKeyword("RunbookOutcome");
  public static final SearchAttributeKey<String> PROCEDURE = SearchAttributeKey.forKeyword("RunbookProcedure");

  /** An incident's {@link IncidentState}: OPEN, ACKNOWLEDGED, RESOLVED, CLOSED. */
  public static final SearchAttributeKey<String> INCIDENT_STATE = SearchAttributeKey.forKeyword("RunbookIncidentState");

  /** A release's phase and environment, e.g. {@code staging:verification}. */
  public static final SearchAttributeKey<String> RELEASE_PHASE = SearchAttributeKey.forKeyword("RunbookReleasePhase");
  /** Whom a release waits for: a child run's id, or the approvers of its own approval step. */
  public static final SearchAttributeKey<String> WAITING_ON = SearchAttributeKey.forKeyword("RunbookWaitingOn");

  public static final List<SearchAttributeKey<String>> ALL =
      List.of(SERVICE, ENVIRONMENT, VERSION, OUTCOME, PROCEDURE, INCIDENT_STATE, RELEASE_PHASE, WAITING_ON);

  private SearchAttributeKeys() {}
}
