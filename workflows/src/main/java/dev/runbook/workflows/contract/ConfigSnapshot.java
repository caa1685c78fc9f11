package dev.runbook.workflows.contract;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * A service's config as a run may record it: the revision to restore, a hash that tells two
 * configs apart, and key names only. No value is ever here, so no secret reaches history.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ConfigSnapshot(int revision, String hash, List<String> keys, List<String> secrets) {}
