package dev.runbook.workflows.kit;

import dev.runbook.workflows.api.RunHeader;

/**
 * A refused run is recorded with what was asked, and what was asked may be hostile: any text of
 * any length from a Start Workflow form. The registry keeps a bounded copy.
 */
final class RefusedRuns {
  private static final int FIELD_LIMIT = 200;

  private RefusedRuns() {}

  static RunHeader clipped(RunHeader h) {
    return new RunHeader(h.procedure(), h.workflowId(), h.runId(), clip(h.service(), FIELD_LIMIT),
        clip(h.environment(), FIELD_LIMIT), clip(h.version(), FIELD_LIMIT), clip(h.requestedBy(), FIELD_LIMIT),
        clip(h.requestId(), FIELD_LIMIT), clip(h.reason(), FIELD_LIMIT * 5), h.startedAtMillis());
  }

  static String clip(String text, int limit) {
    return text == null || text.length() <= limit ? text : text.substring(0, limit) + "…";
  }
}
