package dev.runbook.workflows.schedules;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/** A person's (or the CLI's) trigger, pause or unpause of a schedule: who, and a note for the list. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ScheduleCommand(String by, String note) {}
