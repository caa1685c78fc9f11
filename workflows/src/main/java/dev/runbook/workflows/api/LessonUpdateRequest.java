package dev.runbook.workflows.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Input of LessonUpdate: publish one lesson file to an environment's lesson store. The content
 * travels in the request ({@code lessonYaml}), so what the run validated is exactly what it
 * publishes, and the history shows it. {@code lessonFile} is only the name used in messages
 * ({@code 01_understanding_stock_prices.yaml:12: ...}); {@code lessonId} must match the id inside
 * the YAML (it names the run: {@code lesson:<lessonId>:<environment>}).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LessonUpdateRequest(
    String lessonId,
    String lessonFile,
    String lessonYaml,
    String environment,
    String requestedBy,
    String requestId) {}
