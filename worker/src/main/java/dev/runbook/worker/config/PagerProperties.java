package dev.runbook.worker.config;

import java.net.URI;

/**
 * Where PAGE notifications are triggered (optional): a PagerDuty Events API v2 endpoint and the
 * routing key of the service to page (an integration key; keep it in the environment, e.g.
 * {@code routing-key: ${RUNBOOK_PAGER_ROUTING_KEY}}). Both or neither.
 */
public record PagerProperties(URI url, String routingKey) {

  @Override
  public String toString() {
    // the routing key lets anyone page the on-call: keep it out of logs
    return "PagerProperties[url=" + url + "]";
  }
}
