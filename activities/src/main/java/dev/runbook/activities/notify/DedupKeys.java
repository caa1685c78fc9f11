package dev.runbook.activities.notify;

import dev.runbook.activities.support.Heartbeats;
import dev.runbook.workflows.contract.Notification;
import io.temporal.activity.ActivityInfo;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The key that makes at-least-once delivery safe to dedupe: workflow id / run id / event. A
 * notification without an event (payloads recorded before events existed) is named by the
 * activity that sends it and a hash of its content, which a retry of that activity repeats.
 * Outside an activity there is no run, and no key: every call is a new message.
 */
final class DedupKeys {
  /** PagerDuty refuses longer {@code dedup_key}s. */
  static final int MAX_LENGTH = 255;

  private DedupKeys() {}

  /** The run this notification comes from and its key, or {@link Origin#NONE} outside an activity. */
  static Origin of(Notification n) {
    return Heartbeats.context().map(ctx -> {
      ActivityInfo info = ctx.getInfo();
      String event = n.event() != null && !n.event().isBlank() ? n.event()
          : "activity-" + info.getActivityId() + "/" + sha256(n.severity() + "\n" + n.title() + "\n" + n.body());
      return new Origin(info.getRunId(), event, bounded(info.getWorkflowId() + "/" + info.getRunId() + "/" + event));
    }).orElse(Origin.NONE);
  }

  /** Where a notification comes from; every field is null outside an activity. */
  record Origin(String runId, String event, String key) {
    static final Origin NONE = new Origin(null, null, null);
  }

  private static String bounded(String key) {
    if (key.length() <= MAX_LENGTH) {
      return key;
    }
    return key.substring(0, MAX_LENGTH - 65) + "#" + sha256(key);
  }

  static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
