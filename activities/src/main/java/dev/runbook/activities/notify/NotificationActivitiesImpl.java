package dev.runbook.activities.notify;

import dev.runbook.activities.support.HttpJson;
import dev.runbook.workflows.contract.Notification;
import dev.runbook.workflows.contract.NotificationActivities;
import dev.runbook.workflows.contract.Severity;
import io.temporal.activity.Activity;
import io.temporal.failure.ApplicationFailure;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells people, at least once: every notification is logged (PAGE at error level, so log-based
 * alerting sees it even without a pager), stored in {@code runbook.notifications} when a database
 * is configured, sent to the pager when it is a PAGE and a pager is configured, and POSTed to the
 * webhook as a Slack message when one is. A failing send fails the activity so Temporal retries
 * it; every attempt carries the same dedup key ({@link DedupKeys}), so the stored row is written
 * once and receivers can drop repeats. The pager goes first: a page that cannot get through is
 * retried before the channel hears of it, and a retry after the channel failed only repeats a
 * trigger the pager merges by its dedup key.
 */
public class NotificationActivitiesImpl implements NotificationActivities {
  private static final Logger log = LoggerFactory.getLogger(NotificationActivitiesImpl.class);
  public static final String WEBHOOK_FAILED = "WebhookFailed";
  public static final String PAGER_FAILED = "PagerFailed";
  public static final String PAGER_REJECTED = "PagerRejected";
  public static final String STORE_FAILED = "NotificationStoreFailed";

  private final DataSource dataSource;
  private final URI webhookUrl;
  private final PagerTarget pager;
  private final HttpJson http;

  /**
   * @param dataSource the runbook schema's database, or null to not store notifications
   * @param webhookUrl e.g. a Slack incoming webhook, or null for logs only
   * @param pager where PAGE notifications are triggered, or null to page through logs and webhook only
   */
  public NotificationActivitiesImpl(DataSource dataSource, URI webhookUrl, PagerTarget pager, HttpClient http) {
    this.dataSource = dataSource;
    this.webhookUrl = webhookUrl;
    this.pager = pager;
    this.http = new HttpJson(http, Duration.ofSeconds(15));
  }

  /** Without a pager. */
  public NotificationActivitiesImpl(DataSource dataSource, URI webhookUrl, HttpClient http) {
    this(dataSource, webhookUrl, null, http);
  }

  @Override
  public void notify(Notification n) {
    if (n == null || n.severity() == null || n.title() == null || n.title().isBlank()) {
      throw ApplicationFailure.newNonRetryableFailure(
          "a notification needs a severity and a title, got " + n, "InvalidNotification");
    }
    logIt(n);
    Instant at = Instant.now();
    DedupKeys.Origin origin = DedupKeys.of(n);
    if (dataSource != null) {
      store(n, origin, at);
    }
    ApplicationFailure pagerRejection = null;
    if (pager != null && n.severity() == Severity.PAGE) {
      pagerRejection = page(n, origin, at);
    }
    if (webhookUrl != null) {
      Undelivered failed = post(webhookUrl, SlackMessage.of(n, origin, at));
      if (failed != null) {
        log.error("webhook {} did not take notification '{}' ({}); Temporal will retry", webhookUrl, n.title(),
            failed.problem());
        throw ApplicationFailure.newFailure("notification webhook failed: " + failed.problem(), WEBHOOK_FAILED);
      }
    }
    if (pagerRejection != null) {
      throw pagerRejection;
    }
  }

  /**
   * Triggers the page. Throws (retryably) when the pager is unreachable, rate-limits or errs;
   * returns a non-retryable failure, to throw once the webhook had its chance, when the pager
   * refuses the event itself (a wrong routing key: a retry would be refused the same way).
   */
  private ApplicationFailure page(Notification n, DedupKeys.Origin origin, Instant at) {
    Undelivered failed = post(pager.url(), PagerDutyEvent.trigger(n, pager.routingKey(), origin, at));
    if (failed == null) {
      return null;
    }
    log.error("pager {} did not take page '{}' ({})", pager.url(), n.title(), failed.problem());
    if (failed.permanent()) {
      return ApplicationFailure.newNonRetryableFailure("the pager refused the page: " + failed.problem()
          + "; check runbook.pager.url and runbook.pager.routing-key", PAGER_REJECTED);
    }
    throw ApplicationFailure.newFailure("pager failed: " + failed.problem(), PAGER_FAILED);
  }

  /** Why a receiver did not take a message: its HTTP status (null when none came back) and what it said. */
  private record Undelivered(Integer status, String problem) {
    /** 4xx other than 408/429: the receiver refuses this very message, and will again. */
    boolean permanent() {
      return status != null && status >= 400 && status < 500 && status != 408 && status != 429;
    }
  }

  /** POSTs {@code body}; null when the receiver took it. */
  private Undelivered post(URI url, Map<String, Object> body) {
    try {
      HttpJson.Reply reply = http.postJson(url, body);
      return reply.ok() ? null : new Undelivered(reply.status(), "HTTP " + reply.status() + ": " + reply.errorMessage());
    } catch (IOException e) {
      return new Undelivered(null, e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw Activity.wrap(e);
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

  private void store(Notification n, DedupKeys.Origin origin, Instant at) {
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
      ps.setString(8, origin.key());
      ps.executeUpdate();
    } catch (SQLException e) {
      log.error("could not store notification '{}': {}", n.title(), e.getMessage());
      throw ApplicationFailure.newFailure("could not store notification: " + e.getMessage(), STORE_FAILED);
    }
  }
}
