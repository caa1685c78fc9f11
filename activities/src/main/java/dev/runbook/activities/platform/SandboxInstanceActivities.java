package dev.runbook.activities.platform;

import com.fasterxml.jackson.databind.JsonNode;
import dev.runbook.activities.support.Heartbeats;
import dev.runbook.activities.support.HttpJson;
import dev.runbook.activities.support.Json;
import dev.runbook.workflows.contract.ConfigChange;
import dev.runbook.workflows.contract.ConfigSnapshot;
import dev.runbook.workflows.contract.InstanceActivities;
import dev.runbook.workflows.contract.InstanceHealth;
import dev.runbook.workflows.contract.InstanceState;
import io.temporal.activity.Activity;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link InstanceActivities} on the sandbox's admin API (its instances and config endpoints), the
 * one platform with an instance API so far: any other platform name fails non-retryably. Changes
 * read first and skip when the state already holds; the sandbox is idempotent too.
 */
public class SandboxInstanceActivities implements InstanceActivities {
  private static final Logger log = LoggerFactory.getLogger(SandboxInstanceActivities.class);
  private static final Duration HEALTH_POLL = Duration.ofMillis(500);

  private final String platformName;
  private final URI adminUrl;
  private final SandboxAdminApi admin;
  private final HttpJson probe;
  private final SecretReferences secrets;

  public SandboxInstanceActivities(String platformName, URI adminUrl, HttpClient http, SecretReferences secrets) {
    this.platformName = platformName;
    this.adminUrl = adminUrl;
    this.admin = new SandboxAdminApi(adminUrl, http);
    this.probe = new HttpJson(http, Duration.ofSeconds(3));
    this.secrets = secrets;
  }

  @Override
  public List<InstanceState> listInstances(String platform, String service, String environment, String colour) {
    List<InstanceState> out = new ArrayList<>();
    for (JsonNode i : instances(platform, service, colour)) {
      out.add(new InstanceState(i.path("index").asInt(), i.path("version").asText(null), i.path("configRevision").asInt()));
    }
    return out;
  }

  @Override
  public void replaceInstance(String platform, String service, String environment, String colour, int index,
      String version) {
    JsonNode current = instance(platform, service, colour, index);
    if (version.equals(current.path("version").asText())) {
      log.info("{} {} instance {} already runs {}", service, colour, index, version);
      return;
    }
    log.info("replace {} {} instance {}: {} -> {}", service, colour, index, current.path("version").asText(), version);
    admin.call(instancePath(service, colour, index) + "/replace", Map.of("version", version),
        "replace instance " + index + " of " + colour + " with " + version);
  }

  @Override
  public void restartInstance(String platform, String service, String environment, String colour, int index) {
    JsonNode current = instance(platform, service, colour, index);
    int revision = readConfig(platform, service, environment).revision();
    if (current.path("configRevision").asInt() == revision) {
      log.info("{} {} instance {} already runs config revision {}", service, colour, index, revision);
      return;
    }
    log.info("restart {} {} instance {} on config revision {}", service, colour, index, revision);
    admin.call(instancePath(service, colour, index) + "/restart", Map.of(), "restart instance " + index + " of " + colour);
  }

  @Override
  public InstanceHealth checkInstances(String platform, String service, String environment, String colour,
      List<Integer> indices, long deadlineSeconds) {
    long deadline = System.nanoTime() + Duration.ofSeconds(Math.max(1, deadlineSeconds)).toNanos();
    TreeSet<Integer> waiting = new TreeSet<>(indices);
    Map<Integer, String> last = new LinkedHashMap<>();
    while (true) {
      Map<Integer, String> urls = new LinkedHashMap<>();
      instances(platform, service, colour).forEach(i -> urls.put(i.path("index").asInt(), i.path("url").asText()));
      for (Integer index : List.copyOf(waiting)) {
        String answer = urls.containsKey(index) ? health(urls.get(index)) : "no such instance";
        if ("200".equals(answer)) {
          waiting.remove(index);
        } else {
          last.put(index, answer);
        }
      }
      Heartbeats.beat(waiting.size());
      if (waiting.isEmpty() || System.nanoTime() > deadline) {
        break;
      }
      sleep();
    }
    if (waiting.isEmpty()) {
      return new InstanceHealth(true, List.of(), indices.size() + " instance(s) of " + colour + " answer 200 on /health");
    }
    StringBuilder detail = new StringBuilder();
    waiting.forEach(i -> detail.append(detail.length() == 0 ? "" : "; ").append("instance ").append(i).append(": ")
        .append(last.get(i)));
    return new InstanceHealth(false, List.copyOf(waiting), detail + " (after " + deadlineSeconds + "s)");
  }

  @Override
  public ConfigSnapshot readConfig(String platform, String service, String environment) {
    checkPlatform(platform);
    return snapshot(admin.call(SandboxAdminApi.servicePath(service) + "/config", null, "read the config of " + service));
  }

  @Override
  public ConfigSnapshot applyConfig(String platform, String service, String environment, ConfigChange change) {
    checkPlatform(platform);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("set", change.set());
    body.put("secrets", secrets.resolve(change.secretRefs()));
    body.put("unset", change.unset());
    ConfigSnapshot after = snapshot(admin.call(SandboxAdminApi.servicePath(service) + "/config", body, "change the config of " + service));
    log.info("config of {} in {}: revision {} ({}), set {}, secrets {}, unset {}", service, environment,
        after.revision(), after.hash(), change.set().keySet(), change.secretRefs().keySet(), change.unset());
    return after;
  }

  @Override
  public ConfigSnapshot restoreConfig(String platform, String service, String environment, int revision) {
    checkPlatform(platform);
    ConfigSnapshot after = snapshot(admin.call(SandboxAdminApi.servicePath(service) + "/config/restore", Map.of("revision", revision),
        "restore config revision " + revision + " of " + service));
    log.info("config of {} in {} restored from revision {}: now revision {} ({})", service, environment, revision,
        after.revision(), after.hash());
    return after;
  }

  private JsonNode instances(String platform, String service, String colour) {
    checkPlatform(platform);
    JsonNode list = admin.call(SandboxAdminApi.servicePath(service) + "/slots/" + HttpJson.segment(colour) + "/instances", null,
        "list the instances of " + colour);
    if (!list.isArray()) {
      throw PlatformFailures.retryable(PlatformFailures.UNAVAILABLE, "the sandbox listed instances as " + list.getNodeType());
    }
    return list;
  }

  private JsonNode instance(String platform, String service, String colour, int index) {
    for (JsonNode i : instances(platform, service, colour)) {
      if (i.path("index").asInt() == index) {
        return i;
      }
    }
    throw PlatformFailures.nonRetryable(PlatformFailures.INVALID_ARGUMENT,
        "instance " + index + " of " + colour + " of " + service + " does not exist");
  }

  private String health(String url) {
    try {
      HttpJson.Reply reply = probe.get(URI.create(url + "/health"));
      return Integer.toString(reply.status());
    } catch (IOException e) {
      return "no answer (" + e.getClass().getSimpleName() + ")";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw Activity.wrap(e);
    }
  }

  private void checkPlatform(String platform) {
    if (adminUrl == null || !platformName.equals(platform)) {
      throw PlatformFailures.nonRetryable(PlatformFailures.UNKNOWN_PLATFORM, "platform '" + platform
          + "' has no instance API here; rolling deploys and config updates run on '" + platformName + "'");
    }
  }

  private static ConfigSnapshot snapshot(JsonNode config) {
    List<String> keys = new ArrayList<>();
    config.path("values").fieldNames().forEachRemaining(keys::add);
    List<String> secretKeys = new ArrayList<>();
    config.path("secrets").forEach(s -> secretKeys.add(s.asText()));
    return new ConfigSnapshot(config.path("revision").asInt(), config.path("hash").asText(), keys, secretKeys);
  }

  private static void sleep() {
    try {
      Thread.sleep(HEALTH_POLL.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw Activity.wrap(e);
    }
  }

  private static String instancePath(String service, String colour, int index) {
    return SandboxAdminApi.servicePath(service) + "/slots/" + HttpJson.segment(colour) + "/instances/" + index;
  }
}
