package dev.runbook.workflows.contract;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** Input of the verification phase: the step, the checks and ceilings of the environment's release policy. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record VerifyRequest(ReleaseStep step, List<HttpCheck> checks, double maxErrorRatePercent, double maxP95Millis) {}
