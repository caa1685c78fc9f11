package dev.runbook.workflows.contract;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * A completed snapshot as recorded beside its file: what it holds, when it was taken, how big and
 * how fast, and the command a person runs to restore it by hand ({@code restoreCommand}; the
 * password is never in it: it comes from PGPASSWORD or ~/.pgpass).
 *
 * @param takenAtMillis when the dump finished (epoch milliseconds)
 * @param sizeBytes the dump file (compressed: often a small fraction of the data)
 * @param schemaBytes the owned schemas' tables, indexes and TOAST in the database when dumped
 * @param megabytesPerSecond schemaBytes over dump time (1 MB = 10^6 bytes): data covered per second,
 *     comparable between databases whatever their compression ratio
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SnapshotRecord(
    String environment,
    String workflowId,
    String runId,
    String file,
    List<String> schemas,
    long takenAtMillis,
    long sizeBytes,
    Long schemaBytes,
    long durationMillis,
    double megabytesPerSecond,
    String serverVersion,
    String clientVersion,
    String restoreCommand) {}
