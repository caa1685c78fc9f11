package dev.runbook.workflows.api;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Input of the scheduled operations (daily health check, weekly security review, monthly DR
 * test): which environment they look at, and who (or which schedule) asked. A schedule starts
 * them with {@code requestedBy} = {@code "schedule"} and the fire time as {@code requestId}.
 *
 * @param environment one configured environment, or {@link #ALL} for every one (the health check
 *     and security review); null for the DR test means its configured environment
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OperationRequest(
    String environment,
    String requestedBy,
    String requestId,
    @JsonAnySetter Map<String, Object> unknownFields) implements HasUnknownFields {
  /** Every configured environment. */
  public static final String ALL = "all";

  public OperationRequest {
    unknownFields = UnknownFields.copy(unknownFields);
  }

  public OperationRequest(String environment, String requestedBy, String requestId) {
    this(environment, requestedBy, requestId, null);
  }

  /** Checks shared by the CLI and the workflows; empty when it may start. */
  public static List<String> problemsOf(OperationRequest r) {
    if (r == null) {
      return List.of("input is missing: expected {\"environment\":\"all\",\"requestedBy\":\"alice\"}");
    }
    List<String> problems = new ArrayList<>();
    if (r.environment() != null && !r.environment().matches("[a-z][a-z0-9-]{0,39}")) {
      problems.add("environment '" + r.environment() + "' is not an environment name (lower case, e.g. local)");
    }
    if (!RequestValidation.isIdentity(r.requestedBy())) {
      problems.add("requestedBy is required (a name such as alice, or schedule): the report names who asked");
    }
    return problems;
  }

  /** The environment, {@link #ALL} when none is named. */
  public String environmentOrAll() {
    return environment == null ? ALL : environment;
  }

  @Override
  @JsonAnyGetter
  public Map<String, Object> unknownFields() {
    return unknownFields;
  }
}
