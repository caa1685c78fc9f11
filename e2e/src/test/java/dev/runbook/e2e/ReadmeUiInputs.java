package dev.runbook.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The JSON README tells an operator to type into the Temporal UI: the Start Workflow inputs (its
 * table of workflow type → input, and the workflow id where a procedure needs its business key)
 * and the promote and abort signal inputs. Read from README
 * itself, so the test fails when README's JSON stops working.
 */
record ReadmeUiInputs(Map<String, ObjectNode> startInputs, Map<String, String> workflowIds, ObjectNode promoteSignal,
    ObjectNode abortSignal) {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** A row of the Start Workflow table: | `CodeDeploy` | `{"service":...}` (remarks)[, workflow id `ID`] | */
  private static final Pattern START_ROW = Pattern.compile("(?m)^\\| `(\\w+)` \\| `(\\{[^`]*})`(.*)$");
  private static final Pattern WORKFLOW_ID = Pattern.compile("workflow id `([^`]+)`");
  private static final Pattern PROMOTE = Pattern.compile("signal `promote` with input\\s+`(\\{[^`]*})`");
  private static final Pattern ABORT = Pattern.compile("signal `abort` with\\s+`(\\{[^`]*})`");

  static ReadmeUiInputs read(Path readme) throws IOException {
    String text = Files.readString(readme);
    Map<String, ObjectNode> inputs = new LinkedHashMap<>();
    Map<String, String> ids = new LinkedHashMap<>();
    Matcher row = START_ROW.matcher(text);
    while (row.find()) {
      inputs.put(row.group(1), object(row.group(2)));
      Matcher id = WORKFLOW_ID.matcher(row.group(3));
      if (id.find()) {
        ids.put(row.group(1), id.group(1));
      }
    }
    return new ReadmeUiInputs(inputs, ids, object(one(PROMOTE, text)), object(one(ABORT, text)));
  }

  private static String one(Pattern pattern, String text) {
    Matcher m = pattern.matcher(text);
    if (!m.find()) {
      throw new AssertionError("README no longer documents the UI input matching " + pattern);
    }
    return m.group(1);
  }

  private static ObjectNode object(String json) throws IOException {
    JsonNode node = JSON.readTree(json);
    if (!(node instanceof ObjectNode object)) {
      throw new AssertionError("README's UI input is not a JSON object: " + json);
    }
    return object;
  }
}
