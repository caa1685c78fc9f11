package dev.runbook.workflows.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Payload of the incident's {@code acknowledge}, {@code resolve} and {@code report} updates and
 * signals: {@code {"by":"alice","text":"..."}}. {@code text} is a note (acknowledge), the
 * resolution summary (resolve), or the root cause (report).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IncidentCommand(String by, String text) {}
