package dev.runbook.workflows.contract;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** Is the environment's live database at {@code targetVersion}, and is every validation query true on it? */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MigrationVerifyRequest(String environment, String targetVersion, List<String> validationQueries) {}
