package dev.runbook.workflows.contract;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The health checks of a batch of instances: {@code healthy} when each answered 200 on its own
 * health endpoint within the deadline; {@code unhealthy} lists those that never did.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record InstanceHealth(boolean healthy, List<Integer> unhealthy, String detail) {}
