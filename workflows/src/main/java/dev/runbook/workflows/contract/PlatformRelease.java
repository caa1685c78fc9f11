package dev.runbook.workflows.contract;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A release on one hosted platform, as recorded before a change so the change can be undone: the
 * platform's own id for it (Fly's release, Render's deploy), the version, the image it runs (what
 * a rollback redeploys) and a hash of its configuration when the platform reports one.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PlatformRelease(String platform, String releaseId, String version, String image, String configHash) {}
