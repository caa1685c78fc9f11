package dev.runbook.workflows.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * One escalation level paged: when its timer was due and when the page went out. Receivers dedupe
 * deliveries by {@code dedupKey} (incident + level + the how-manieth page of that level), so a
 * retried notification is counted once and a repeat of the chain pages again.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EscalationPage(int level, String levelName, List<String> who, int page, long dueAtMillis,
    long firedAtMillis, String dedupKey) {}
