package dev.runbook.sandbox.admin;

import static dev.runbook.sandbox.platform.PlatformException.badInput;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.runbook.sandbox.http.Exchanges;
import java.io.IOException;
import java.util.Map;

/**
 * An admin request after routing: path parameters, query parameters and the JSON body, with
 * accessors that turn bad input into 400s naming the field and the expected shape.
 */
record ApiRequest(Map<String, String> path, Map<String, String> query, byte[] body) {

  String path(String name) {
    return path.get(name);
  }

  /** A required string field of the JSON body. */
  String text(String field, String example) {
    JsonNode node = object(example).get(field);
    if (node == null || node.isNull()) {
      throw badInput("field '" + field + "' is required, e.g. " + example);
    }
    if (!node.isTextual() || node.asText().isBlank()) {
      throw badInput("field '" + field + "' must be a non-empty string, e.g. " + example);
    }
    return node.asText();
  }

  /** A required integer field of the JSON body. */
  int integer(String field, String example) {
    JsonNode node = object(example).get(field);
    if (node == null || node.isNull()) {
      throw badInput("field '" + field + "' is required, e.g. " + example);
    }
    if (!node.isIntegralNumber() || !node.canConvertToInt()) {
      throw badInput("field '" + field + "' must be an integer, got " + node + "; e.g. " + example);
    }
    return node.intValue();
  }

  /** An optional string field of the JSON body; null when absent or the body is empty. */
  String optionalText(String field) {
    if (body.length == 0) {
      return null;
    }
    JsonNode node = object("{}").get(field);
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isTextual() || node.asText().isBlank()) {
      throw badInput("field '" + field + "' must be a non-empty string when given");
    }
    return node.asText();
  }

  /** An optional boolean field of the JSON body (false when absent). */
  boolean flag(String field) {
    JsonNode node = body.length == 0 ? null : object("{}").get(field);
    if (node == null || node.isNull()) {
      return false;
    }
    if (!node.isBoolean()) {
      throw badInput("field '" + field + "' must be true or false, got " + node);
    }
    return node.booleanValue();
  }

  /** An optional integer query parameter. */
  int queryInt(String name, int fallback, String meaning) {
    String raw = query.get(name);
    if (raw == null) {
      return fallback;
    }
    try {
      return Integer.parseInt(raw.trim());
    } catch (NumberFormatException e) {
      throw badInput(name + " must be " + meaning + ", got '" + raw + "'");
    }
  }

  private JsonNode object(String example) {
    if (body.length == 0) {
      throw badInput("a JSON body is required, e.g. " + example);
    }
    JsonNode root;
    try {
      root = Exchanges.JSON.readTree(body);
    } catch (JsonProcessingException e) {
      throw badInput("the body is not valid JSON (" + e.getOriginalMessage() + "); e.g. " + example);
    } catch (IOException e) {
      throw badInput("the body could not be read: " + e.getMessage());
    }
    if (root == null || !root.isObject()) {
      throw badInput("the body must be a JSON object, e.g. " + example);
    }
    return root;
  }
}
