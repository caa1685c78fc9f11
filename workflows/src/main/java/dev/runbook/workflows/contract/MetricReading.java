package dev.runbook.workflows.contract;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One read of a metric for one colour. {@code value} is null when the source had nothing usable,
 * and then {@code problem} says why (HTTP 503, empty result, ...). {@code samples} is the number
 * of requests behind the value (-1 when the source cannot tell). {@code atMillis} is when the
 * source computed it (wall clock), to detect stale data.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MetricReading(Double value, long samples, long atMillis, String problem) {

  public static MetricReading of(double value, long samples, long atMillis) {
    return new MetricReading(value, samples, atMillis, null);
  }

  public static MetricReading failed(String problem, long atMillis) {
    return new MetricReading(null, 0, atMillis, problem);
  }
}
