package dev.runbook.workflows.api;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/**
 * Input of LessonUpdate: publish one lesson file to an environment's lesson store. The content
 * travels in the request ({@code lessonYaml}), so what the run validated is exactly what it
 * publishes, and the history shows it. {@code lessonFile} is only the name used in messages
 * ({@code 01_understanding_stock_prices.yaml:12: ...}); {@code lessonId} must match the id inside
 * the YAML (it names the run: {@code lesson:<lessonId>:<environment>}).
 *
 * <p>Fields it does not know are kept in {@code unknownFields} (and written back as they came) for
 * {@link InputShape} to refuse.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LessonUpdateRequest(
    String lessonId,
    String lessonFile,
    String lessonYaml,
    String environment,
    String requestedBy,
    String requestId,
    @JsonAnySetter Map<String, Object> unknownFields) implements HasUnknownFields {

  public LessonUpdateRequest {
    unknownFields = UnknownFields.copy(unknownFields);
  }

  public LessonUpdateRequest(
      String lessonId, String lessonFile, String lessonYaml, String environment, String requestedBy, String requestId) {
    this(lessonId, lessonFile, lessonYaml, environment, requestedBy, requestId, null);
  }

  @Override
  @JsonAnyGetter
  public Map<String, Object> unknownFields() {
    return unknownFields;
  }
}
