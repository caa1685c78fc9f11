package dev.runbook.activities.notify;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.runbook.activities.support.Json;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What a person types to pass or stop a gate of one run: the exact CLI commands, and the signal
 * name and JSON input the Temporal UI's "Send a Signal" form takes (the payloads of README's
 * Approvers section). NAME and WHY are for the person to fill in.
 */
record GateActions(String promoteCommand, String abortCommand, String promoteSignalInput, String abortSignalInput) {
  static final String NAME = "NAME";
  static final String WHY = "WHY";
  private static final Pattern SHELL_SAFE = Pattern.compile("[A-Za-z0-9_:./@%+=,-]+");

  static GateActions forRun(String workflowId) {
    String id = shellWord(workflowId);
    Map<String, String> promote = new LinkedHashMap<>();
    promote.put("approver", NAME);
    Map<String, String> abort = new LinkedHashMap<>(promote);
    abort.put("reason", WHY);
    return new GateActions(
        "runbook promote " + id + " --as " + NAME,
        "runbook abort " + id + " --as " + NAME + " --reason \"" + WHY + "\"",
        json(promote),
        json(abort));
  }

  /** The same, for machines: {@code {"promote":{"cli":…,"signal":"promote","input":{…}},"abort":{…}}}. */
  Map<String, Object> asJson() {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("promote", action(promoteCommand, "promote", promoteSignalInput));
    out.put("abort", action(abortCommand, "abort", abortSignalInput));
    return out;
  }

  private static Map<String, Object> action(String cli, String signal, String input) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("cli", cli);
    out.put("signal", signal);
    try {
      out.put("input", Json.MAPPER.readTree(input));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    return out;
  }

  /** The id as one shell word: as is when safe (business keys are), else single-quoted. */
  static String shellWord(String text) {
    if (SHELL_SAFE.matcher(text).matches()) {
      return text;
    }
    return "'" + text.replace("'", "'\\''") + "'";
  }

  private static String json(Map<String, String> value) {
    try {
      return Json.MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
