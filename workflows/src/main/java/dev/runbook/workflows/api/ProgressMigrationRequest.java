package dev.runbook.workflows.api;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/**
 * Input of ProgressMigration: migrate every learner's progress document in the environment's
 * progress store ({@code user_progress}) to the current document schema (0.9 → 1.0 and any later
 * registered step).
 *
 * @param batchSize documents per batch (one transaction, one ledger row, one checkpoint); null
 *     means {@link #DEFAULT_BATCH_SIZE}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProgressMigrationRequest(
    String environment,
    Integer batchSize,
    String requestedBy,
    String requestId,
    @JsonAnySetter Map<String, Object> unknownFields) implements HasUnknownFields {
  /** docs/benchmarks.md: 5,000 reached 71% of one set-based UPDATE on 1M rows, 1,000 only 53%. */
  public static final int DEFAULT_BATCH_SIZE = 5_000;
  public static final int MAX_BATCH_SIZE = 50_000;
  /** The table the procedure migrates: the middle part of its workflow id. */
  public static final String TABLE = "user_progress";

  public ProgressMigrationRequest {
    unknownFields = UnknownFields.copy(unknownFields);
  }

  public ProgressMigrationRequest(String environment, Integer batchSize, String requestedBy, String requestId) {
    this(environment, batchSize, requestedBy, requestId, null);
  }

  /** The batch size this request runs with. */
  public int effectiveBatchSize() {
    return batchSize == null ? DEFAULT_BATCH_SIZE : batchSize;
  }

  @Override
  @JsonAnyGetter
  public Map<String, Object> unknownFields() {
    return unknownFields;
  }
}
