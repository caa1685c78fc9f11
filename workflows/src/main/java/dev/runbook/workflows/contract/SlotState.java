package dev.runbook.workflows.contract;

import dev.runbook.workflows.contract.SlotRole;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/** One colour of a service: the release it runs (null when empty), its role and traffic weight. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SlotState(String colour, String version, SlotRole role, int weight) {}
