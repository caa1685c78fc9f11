package dev.runbook.activities.notify;

import dev.runbook.activities.support.Heartbeats;
import dev.runbook.activities.support.HttpJson;
import dev.runbook.workflows.contract.Notification;
import dev.runbook.workflows.contract.NotificationActivities;
import dev.runbook.workflows.contract.Severity;
import io.temporal.activity.Activity;
import io.temporal.activity.ActivityInfo;
import io.temporal.failure.ApplicationFailure;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells people, at least once: every notification is logged (PAGE at error level, so log-based
 * alerting sees it even without a webhook), stored in {@code runbook.notifications} when a
 * database is configured, and POSTed to the webhook when one is. A failing webhook fails the
 * activity so Temporal retries it; the stored row is keyed by activity and content, so the retry
 * does not store it twice.
 */
public class NotificationActivitiesImpl implements NotificationActivities {
  private static final Logger log = LoggerFactory.getLogger(NotificationActivitiesImpl.class);
  public static final String WEBHOOK_FAILED = "WebhookFailed";
  public static final String STORE_FAILED = "NotificationStoreFailed";

  private final DataSource dataSource;
  private final URI webhookUrl;
  private final HttpJson http;

  /**
   * @param dataSource the runbook schema's database, or null to not store notifications
   * @param webhookUrl e.g. a Slack/Teams incoming webhook or a pager bridge, or null for logs only
   */
  public NotificationActivitiesImpl(DataSource dataSource, URI webhookUrl, HttpClient http) {
    this.dataSource = dataSource;
    this.webhookUrl = webhookUrl;
    this.http = new HttpJson(http, Duration.ofSeconds(15));
  }

  @Override
  public void notify(Notification n) {
    if (n == null || n.severity() == null || n.title() == null || n.title().isBlank()) {
      throw ApplicationFailure.newNonRetryableFailure(
          "a notification needs a severity and a title, got " + n, "InvalidNotification");
    }
    logIt(n);
    Instant at = Instant.now();
    if (dataSource != null) {
      store(n, at);
    }
    if (webhookUrl != null) {
      post(n, at);
    }
  }

  private static void logIt(Notification n) {
    String line = "[{}] {} — {} (service={}, environment={}, workflow={})";
    Object[] args = {n.severity(), n.title(), n.body(), n.service(), n.environment(), n.workflowId()};
    if (n.severity() == Severity.PAGE) {
      log.error(line, args);
    } else if (n.severity() == Severity.WARNING) {
      log.warn(line, args);
    } else {
      log.info(line, args);
    }
  }

  private void store(Notification n, Instant at) {
    String sql = """
        INSERT INTO runbook.notifications (severity, title, body, service, environment, workflow_id, at, dedup_key)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT (dedup_key) DO NOTHING
        """;
    try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, n.severity().name());
      ps.setString(2, n.title());
      ps.setString(3, n.body());
      ps.setString(4, n.service());
      ps.setString(5, n.environment());
      ps.setString(6, n.workflowId());
      ps.setObject(7, OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
      ps.setString(8, dedupKey(n));
      ps.executeUpdate();
    } catch (SQLException e) {
      log.error("could not store notification '{}': {}", n.title(), e.getMessage());
      throw ApplicationFailure.newFailure("could not store notification: " + e.getMessage(), STORE_FAILED);
    }
  }

  private void post(Notification n, Instant at) {
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("text", "[" + n.severity() + "] " + n.title() + (n.body() == null ? "" : "\n" + n.body()));
    payload.put("severity", n.severity().name());
    payload.put("title", n.title());
    payload.put("body", n.body());
    payload.put("service", n.service());
    payload.put("environment", n.environment());
    payload.put("workflowId", n.workflowId());
    payload.put("at", at.toString());
    String problem;
    try {
      HttpJson.Reply reply = http.postJson(webhookUrl, payload);
      if (reply.ok()) {
        return;
      }
      problem = "HTTP " + reply.status() + ": " + reply.errorMessage();
    } catch (IOException e) {
      problem = e.toString();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw Activity.wrap(e);
    }
    log.error("webhook {} did not take notification '{}' ({}); Temporal will retry", webhookUrl, n.title(), problem);
    throw ApplicationFailure.newFailure("notification webhook failed: " + problem, WEBHOOK_FAILED);
  }

  /**
   * Same activity + same content = same key, so a retried activity stores its notification once;
   * outside an activity there is no key (every call is stored).
   */
  private static String dedupKey(Notification n) {
    return Heartbeats.context().map(ctx -> {
      ActivityInfo info = ctx.getInfo();
      return info.getWorkflowId() + "/" + info.getRunId() + "/" + info.getActivityId() + "/"
          + sha256(n.severity() + "\n" + n.title() + "\n" + n.body());
    }).orElse(null);
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
