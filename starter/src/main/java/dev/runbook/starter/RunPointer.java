package dev.runbook.starter;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where a person can follow a run: the Temporal UI when its URL is configured (RUNBOOK_UI_URL,
 * e.g. the compose cluster's http://localhost:8080), otherwise the commands that show the same
 * thing. A link is never guessed: the embedded stack has no UI, and a link to a port where nothing
 * listens sends people nowhere.
 */
final class RunPointer {
  /** The address and namespace the Temporal CLI assumes when given none. */
  static final String TEMPORAL_CLI_DEFAULT_ADDRESS = "127.0.0.1:7233";
  static final String DEFAULT_NAMESPACE = "default";
  private static final Pattern SHELL_SAFE = Pattern.compile("[A-Za-z0-9:._/@%+=,-]+");

  private final String uiUrl;
  private final String address;
  private final String namespace;

  /** @param uiUrl the Temporal UI's base URL, or null/blank when there is none */
  RunPointer(String uiUrl, String address, String namespace) {
    this.uiUrl = uiUrl == null || uiUrl.isBlank() ? null : stripSlash(uiUrl.trim());
    this.address = address;
    this.namespace = namespace;
  }

  /** The run's page in the Temporal UI, when a UI URL is configured. */
  Optional<String> uiLink(String workflowId) {
    if (uiUrl == null) {
      return Optional.empty();
    }
    return Optional.of(uiUrl
        + "/namespaces/" + URLEncoder.encode(namespace, StandardCharsets.UTF_8)
        + "/workflows/" + URLEncoder.encode(workflowId, StandardCharsets.UTF_8));
  }

  /** `runbook status <id> --watch`, with the flags that reach the same Temporal. */
  String statusCommand(String workflowId) {
    return "runbook status " + quote(workflowId) + " --watch" + connectionFlags("--address", "--namespace");
  }

  /** The Temporal CLI's view of the same run. */
  String temporalCommand(String workflowId) {
    return "temporal workflow show --workflow-id " + quote(workflowId) + connectionFlags("--address", "--namespace");
  }

  /** One line for a person: the UI link, or both commands. */
  String line(String workflowId) {
    return uiLink(workflowId).orElseGet(() ->
        "follow it: " + statusCommand(workflowId) + "  (or: " + temporalCommand(workflowId) + ")");
  }

  private String connectionFlags(String addressFlag, String namespaceFlag) {
    StringBuilder flags = new StringBuilder();
    if (!TEMPORAL_CLI_DEFAULT_ADDRESS.equals(address)) {
      flags.append(' ').append(addressFlag).append(' ').append(quote(address));
    }
    if (!DEFAULT_NAMESPACE.equals(namespace)) {
      flags.append(' ').append(namespaceFlag).append(' ').append(quote(namespace));
    }
    return flags.toString();
  }

  /** Single quotes unless the text is plainly safe to paste into a shell. */
  static String quote(String text) {
    return SHELL_SAFE.matcher(text).matches() ? text : "'" + text.replace("'", "'\\''") + "'";
  }

  private static String stripSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }
}
