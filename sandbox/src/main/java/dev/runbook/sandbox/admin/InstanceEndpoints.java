package dev.runbook.sandbox.admin;

import static dev.runbook.sandbox.platform.PlatformException.badInput;

import com.fasterxml.jackson.databind.JsonNode;
import dev.runbook.sandbox.http.Exchanges;
import dev.runbook.sandbox.platform.Platform;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A slot's instances and a service's config over the admin API, as a platform's own API would
 * offer them (a Deployment's pods, a ConfigMap and a Secret):
 * <ul>
 *   <li>{@code GET /api/services/{s}/slots/{c}/instances}: index, version, config revision, URL;
 *   <li>{@code POST .../instances/{i}/replace {"version":"v1.5.1"}}: the instance runs that
 *       release (no-op when it does);
 *   <li>{@code POST .../instances/{i}/restart}: the instance reads the current config (no-op when
 *       it already started with it);
 *   <li>{@code GET /api/services/{s}/config}: revision, hash, plain values, secret names only;
 *   <li>{@code POST /api/services/{s}/config {"set":{...},"secrets":{...},"unset":[...]}};
 *   <li>{@code POST /api/services/{s}/config/restore {"revision":3}}.
 * </ul>
 * Every change answers the new state and is idempotent, as Temporal's retries need.
 */
final class InstanceEndpoints {
  private static final String REPLACE_EXAMPLE = "{\"version\":\"v1.5.1\"}";
  private static final String CONFIG_EXAMPLE = "{\"set\":{\"REQUEST_TIMEOUT_MS\":\"5000\"},\"secrets\":{},\"unset\":[]}";
  private static final String RESTORE_EXAMPLE = "{\"revision\":3}";
  private static final String SLOT = "/api/services/{service}/slots/{colour}/instances";

  private final Platform platform;
  private final Runnable slow;

  InstanceEndpoints(Platform platform, Runnable slow) {
    this.platform = platform;
    this.slow = slow;
  }

  void register(ApiRouter router) {
    router
        .on("GET", SLOT, r -> Reply.json(platform.instances(r.path("service"), r.path("colour"))))
        .on("POST", SLOT + "/{index}/replace", r -> {
          slow.run();
          return Reply.json(platform.replaceInstance(r.path("service"), r.path("colour"), index(r),
              r.text("version", REPLACE_EXAMPLE)));
        })
        .on("POST", SLOT + "/{index}/restart", r -> {
          slow.run();
          return Reply.json(platform.restartInstance(r.path("service"), r.path("colour"), index(r)));
        })
        .on("GET", "/api/services/{service}/config", r -> Reply.json(platform.config(r.path("service"))))
        .on("POST", "/api/services/{service}/config", r -> Reply.json(change(r)))
        .on("POST", "/api/services/{service}/config/restore", r -> Reply.json(
            platform.restoreConfig(r.path("service"), r.integer("revision", RESTORE_EXAMPLE))));
  }

  private Object change(ApiRequest r) throws IOException {
    if (r.body().length == 0) {
      throw badInput("a JSON body is required, e.g. " + CONFIG_EXAMPLE);
    }
    JsonNode body = Exchanges.JSON.readTree(r.body());
    if (body == null || !body.isObject()) {
      throw badInput("the body must be a JSON object, e.g. " + CONFIG_EXAMPLE);
    }
    return platform.changeConfig(r.path("service"), strings(body, "set"), strings(body, "secrets"), names(body));
  }

  private static Map<String, String> strings(JsonNode body, String field) {
    JsonNode node = body.get(field);
    Map<String, String> out = new LinkedHashMap<>();
    if (node == null || node.isNull()) {
      return out;
    }
    if (!node.isObject()) {
      throw badInput("field '" + field + "' must be an object of string values, e.g. " + CONFIG_EXAMPLE);
    }
    node.fields().forEachRemaining(e -> {
      if (!e.getValue().isTextual()) {
        throw badInput(field + "." + e.getKey() + " must be a string, got " + e.getValue().getNodeType());
      }
      out.put(e.getKey(), e.getValue().asText());
    });
    return out;
  }

  private static List<String> names(JsonNode body) {
    JsonNode node = body.get("unset");
    List<String> out = new ArrayList<>();
    if (node == null || node.isNull()) {
      return out;
    }
    if (!node.isArray()) {
      throw badInput("field 'unset' must be an array of key names, e.g. " + CONFIG_EXAMPLE);
    }
    node.forEach(n -> out.add(n.asText()));
    return out;
  }

  private static int index(ApiRequest r) {
    try {
      return Integer.parseInt(r.path("index"));
    } catch (NumberFormatException e) {
      throw badInput("the instance index must be a whole number, got '" + r.path("index") + "'");
    }
  }
}
