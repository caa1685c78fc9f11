package dev.runbook.workflows.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads promote and abort payloads of any JSON shape without throwing, so a bare string, a number
 * or a misspelt field reaches the handlers as a request they can refuse (and the signal's refusal
 * lands in the approvals audit) instead of a converter exception the SDK logs and drops. Known
 * fields are read as the SDK's Jackson mapper read them before (scalars become text; {@code full}
 * takes a boolean or "true"/"false"). Pure code.
 */
public final class ApprovalPayloads {
  static final List<String> PROMOTE_FIELDS = UnknownFields.known(PromoteRequest.class);
  static final List<String> ABORT_FIELDS = UnknownFields.known(AbortRequest.class);
  private static final String PROMOTE_EXAMPLE = "{\"approver\":\"alice\",\"full\":false}";
  private static final String ABORT_EXAMPLE = "{\"approver\":\"bob\",\"reason\":\"...\"}";

  private ApprovalPayloads() {}

  /** The promote request {@code json} describes; null for a JSON null. */
  public static PromoteRequest promote(JsonNode json) {
    if (json == null || json.isNull() || json.isMissingNode()) {
      return null;
    }
    if (!json.isObject()) {
      return new PromoteRequest(null, null, null, null, null, notAnObject("promote", PROMOTE_EXAMPLE, json));
    }
    Fields f = new Fields("promote", json, PROMOTE_FIELDS);
    return new PromoteRequest(f.text("approver"), f.bool("full"), f.text("workflowId"), f.text("comment"),
        f.unknown, f.problem());
  }

  /** The abort request {@code json} describes; null for a JSON null. */
  public static AbortRequest abort(JsonNode json) {
    if (json == null || json.isNull() || json.isMissingNode()) {
      return null;
    }
    if (!json.isObject()) {
      return new AbortRequest(null, null, null, null, notAnObject("abort", ABORT_EXAMPLE, json));
    }
    Fields f = new Fields("abort", json, ABORT_FIELDS);
    return new AbortRequest(f.text("approver"), f.text("reason"), f.text("workflowId"), f.unknown, f.problem());
  }

  /** Why the payload's shape is refused (unreadable, or fields it does not know); null when fine. */
  public static String refusal(PromoteRequest r) {
    return r == null ? null : refusal("promote", r.payloadProblem(), r.unknownFields(), PROMOTE_FIELDS);
  }

  /** Why the payload's shape is refused (unreadable, or fields it does not know); null when fine. */
  public static String refusal(AbortRequest r) {
    return r == null ? null : refusal("abort", r.payloadProblem(), r.unknownFields(), ABORT_FIELDS);
  }

  private static String refusal(String action, String problem, Map<String, Object> unknown, List<String> known) {
    List<String> all = new ArrayList<>();
    if (problem != null) {
      all.add(problem);
    }
    all.addAll(UnknownFields.problems(action, unknown, known));
    return all.isEmpty() ? null : String.join("; ", all);
  }

  private static String notAnObject(String action, String example, JsonNode json) {
    return action + " needs a JSON object such as " + example + "; got " + describe(json);
  }

  private static String describe(JsonNode json) {
    if (json.isTextual()) {
      return "the string " + json;
    }
    if (json.isNumber()) {
      return "the number " + json;
    }
    if (json.isBoolean()) {
      return "the value " + json;
    }
    return json.isArray() ? "an array" : json.isObject() ? "an object" : "a " + json.getNodeType().name().toLowerCase();
  }

  /** The fields of one payload object, with what could not be read. */
  private static final class Fields {
    private final String action;
    private final JsonNode json;
    private final List<String> problems = new ArrayList<>();
    final Map<String, Object> unknown = new LinkedHashMap<>();

    Fields(String action, JsonNode json, List<String> known) {
      this.action = action;
      this.json = json;
      json.fieldNames().forEachRemaining(name -> {
        if (!known.contains(name)) {
          unknown.put(name, json.get(name));
        }
      });
    }

    String text(String name) {
      JsonNode value = json.get(name);
      if (value == null || value.isNull()) {
        return null;
      }
      if (value.isContainerNode()) {
        problems.add(action + " field " + name + " must be a string; got " + describe(value));
        return null;
      }
      return value.asText();
    }

    Boolean bool(String name) {
      JsonNode value = json.get(name);
      if (value == null || value.isNull()) {
        return null;
      }
      if (value.isBoolean()) {
        return value.booleanValue();
      }
      if (value.isTextual() && (value.asText().equals("true") || value.asText().equals("false"))) {
        return Boolean.valueOf(value.asText());
      }
      problems.add(action + " field " + name + " must be true or false; got " + describe(value));
      return null;
    }

    String problem() {
      return problems.isEmpty() ? null : String.join("; ", problems);
    }
  }
}
