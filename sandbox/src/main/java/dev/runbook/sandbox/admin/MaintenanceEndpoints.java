package dev.runbook.sandbox.admin;

import static dev.runbook.sandbox.platform.PlatformException.badInput;

import com.fasterxml.jackson.databind.JsonNode;
import dev.runbook.sandbox.http.Exchanges;
import dev.runbook.sandbox.maintenance.MaintenanceMode;
import java.io.IOException;

/**
 * Maintenance mode over the admin API, as a platform's own switch would be driven:
 * {@code GET /api/maintenance}, {@code POST /api/maintenance/on {"message":"...","retryAfterSeconds":600}}
 * and {@code POST /api/maintenance/off}. Both changes are idempotent and answer the state.
 */
final class MaintenanceEndpoints {
  private static final String ON_EXAMPLE = "{\"message\":\"Back in 10 minutes\",\"retryAfterSeconds\":600}";

  private final MaintenanceMode maintenance;

  MaintenanceEndpoints(MaintenanceMode maintenance) {
    this.maintenance = maintenance;
  }

  void register(ApiRouter router) {
    router
        .on("GET", "/api/maintenance", r -> Reply.json(maintenance.state()))
        .on("POST", "/api/maintenance/on", r -> Reply.json(turnOn(r)))
        .on("POST", "/api/maintenance/off", r -> Reply.json(maintenance.turnOff()));
  }

  private Object turnOn(ApiRequest r) throws IOException {
    String message = r.text("message", ON_EXAMPLE);
    JsonNode retry = r.body().length == 0 ? null : Exchanges.JSON.readTree(r.body()).get("retryAfterSeconds");
    if (retry != null && !retry.isNull() && (!retry.isIntegralNumber() || !retry.canConvertToInt())) {
      throw badInput("retryAfterSeconds must be a whole number of seconds, got " + retry + "; e.g. " + ON_EXAMPLE);
    }
    try {
      return maintenance.turnOn(message, retry == null || retry.isNull() ? null : retry.intValue());
    } catch (IllegalArgumentException e) {
      throw badInput(e.getMessage());
    }
  }
}
