package dev.runbook.activities.notify;

import java.net.URI;

/**
 * Where PAGE notifications go: a PagerDuty Events API v2 endpoint (or anything that takes its
 * JSON) and the integration's routing key.
 */
public record PagerTarget(URI url, String routingKey) {

  public PagerTarget {
    if (url == null) {
      throw new IllegalArgumentException("a pager needs the URL of its events endpoint");
    }
    if (routingKey == null || routingKey.isBlank()) {
      throw new IllegalArgumentException("a pager needs the routing key of the service to page");
    }
  }

  @Override
  public String toString() {
    // the routing key lets anyone page the on-call: keep it out of logs and failure messages
    return "PagerTarget[url=" + url + "]";
  }
}
