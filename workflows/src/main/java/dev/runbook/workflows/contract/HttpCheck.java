package dev.runbook.workflows.contract;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One HTTP check of the verification phase: {@code GET path} on the environment's public address
 * answers {@code expectStatus} and, when {@code expectBody} is set, a body containing it.
 *
 * @param name what it checks, e.g. "lessons list" or "critical flow: progress"
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record HttpCheck(String name, String path, int expectStatus, String expectBody) {}
