package dev.runbook.activities.metrics;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One value out of a Prometheus instant-query answer ({@code data} of {@code /api/v1/query}): a
 * one-series vector or a scalar, as {@code [<unix seconds>, "<value>"]}. The value is a string in
 * the API so that NaN and ±Inf survive JSON; they are kept as such (the evaluator treats them as
 * inconclusive).
 *
 * @param empty true when the query matched no series at all
 */
record PromSample(Double value, long atMillis, String problem, boolean empty) {

  static PromSample problem(String problem, long atMillis) {
    return new PromSample(null, atMillis, problem, false);
  }

  static PromSample parse(JsonNode data, String query, long nowMillis) {
    String type = data.path("resultType").asText();
    JsonNode result = data.path("result");
    switch (type) {
      case "scalar":
        return point(result, query, nowMillis);
      case "vector":
        if (!result.isArray()) {
          return problem("malformed vector answer for query: " + query, nowMillis);
        }
        if (result.size() == 0) {
          return new PromSample(null, nowMillis, "query returned no series: " + query, true);
        }
        if (result.size() > 1) {
          return problem("query returned " + result.size() + " series; aggregate it to one: " + query, nowMillis);
        }
        return point(result.get(0).path("value"), query, nowMillis);
      default:
        return problem("query returned a " + (type.isEmpty() ? "malformed answer" : type)
            + "; an instant vector or scalar is needed: " + query, nowMillis);
    }
  }

  private static PromSample point(JsonNode pair, String query, long nowMillis) {
    if (!pair.isArray() || pair.size() != 2 || !pair.get(0).isNumber()) {
      return problem("malformed sample " + pair + " for query: " + query, nowMillis);
    }
    long at = Math.round(pair.get(0).asDouble() * 1000);
    Double value = number(pair.get(1).asText());
    if (value == null) {
      return problem("sample value '" + pair.get(1).asText() + "' is not a number, for query: " + query, at);
    }
    return new PromSample(value, at, null, false);
  }

  private static Double number(String text) {
    switch (text) {
      case "NaN":
        return Double.NaN;
      case "+Inf":
      case "Inf":
        return Double.POSITIVE_INFINITY;
      case "-Inf":
        return Double.NEGATIVE_INFINITY;
      default:
        try {
          return Double.parseDouble(text);
        } catch (NumberFormatException e) {
          return null;
        }
    }
  }
}
