package dev.runbook.workflows.contract;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The staging-first check of one deploy: {@code requiredIn} is the environment the version must
 * have succeeded in first (null when the target environment requires none), {@code satisfied}
 * whether the registry has that success, {@code detail} what it found.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StagingVerdict(String requiredIn, boolean satisfied, String detail) {

  public static StagingVerdict notRequired() {
    return new StagingVerdict(null, true, "no staging-first rule");
  }

  public boolean refuses() {
    return requiredIn != null && !satisfied;
  }
}
