package dev.runbook.workflows.testing;

import dev.runbook.workflows.contract.ConfigChange;
import dev.runbook.workflows.contract.ConfigSnapshot;
import dev.runbook.workflows.contract.InstanceActivities;
import dev.runbook.workflows.contract.InstanceHealth;
import dev.runbook.workflows.contract.InstanceState;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * In-memory instances of the live colour (four of v1.5.0 on blue, config revision 1) and the
 * service's config as revisions. Instances running a version in {@link #unhealthyVersions}, or
 * started with a config whose keys include one in {@link #badKeys}, fail their health checks.
 * Records every change as "replace 0 v1.5.1", "restart 2", "config set K", "config restore 1".
 */
public final class FakeInstances implements InstanceActivities {
  private final List<InstanceState> blue = new ArrayList<>();
  private final List<Map<String, String>> revisions = new ArrayList<>();
  private final List<String> calls = new ArrayList<>();
  public final Set<String> unhealthyVersions = new HashSet<>();
  public final Set<String> badKeys = new HashSet<>();

  public FakeInstances() {
    for (int i = 0; i < 4; i++) {
      blue.add(new InstanceState(i, "v1.5.0", 1));
    }
    revisions.add(new TreeMap<>());
  }

  public synchronized List<String> calls() {
    return List.copyOf(calls);
  }

  public synchronized List<String> versions() {
    return blue.stream().map(InstanceState::version).toList();
  }

  public synchronized List<Integer> configRevisions() {
    return blue.stream().map(InstanceState::configRevision).toList();
  }

  public synchronized int revision() {
    return revisions.size();
  }

  @Override
  public synchronized List<InstanceState> listInstances(String platform, String service, String environment,
      String colour) {
    return "blue".equals(colour) ? List.copyOf(blue) : List.of();
  }

  @Override
  public synchronized void replaceInstance(String platform, String service, String environment, String colour,
      int index, String version) {
    if (!blue.get(index).version().equals(version)) {
      calls.add("replace " + index + " " + version);
      blue.set(index, new InstanceState(index, version, revision()));
    }
  }

  @Override
  public synchronized void restartInstance(String platform, String service, String environment, String colour,
      int index) {
    if (blue.get(index).configRevision() != revision()) {
      calls.add("restart " + index);
      blue.set(index, new InstanceState(index, blue.get(index).version(), revision()));
    }
  }

  @Override
  public synchronized InstanceHealth checkInstances(String platform, String service, String environment,
      String colour, List<Integer> indices, long deadlineSeconds) {
    List<Integer> bad = indices.stream().filter(i -> unhealthy(blue.get(i))).toList();
    return new InstanceHealth(bad.isEmpty(), bad, bad.isEmpty() ? "all healthy" : "instances " + bad + ": 503");
  }

  @Override
  public synchronized ConfigSnapshot readConfig(String platform, String service, String environment) {
    return snapshot();
  }

  @Override
  public synchronized ConfigSnapshot applyConfig(String platform, String service, String environment,
      ConfigChange change) {
    Map<String, String> next = new TreeMap<>(current());
    next.putAll(change.set());
    change.secretRefs().keySet().forEach(k -> next.put(k, "secret"));
    change.unset().forEach(next::remove);
    if (!next.equals(current())) {
      calls.add("config set " + String.join(",", new TreeMap<>(change.set()).keySet())
          + (change.secretRefs().isEmpty() ? "" : " secrets " + String.join(",", change.secretRefs().keySet())));
      revisions.add(next);
    }
    return snapshot();
  }

  @Override
  public synchronized ConfigSnapshot restoreConfig(String platform, String service, String environment, int revision) {
    Map<String, String> old = revisions.get(revision - 1);
    if (!old.equals(current())) {
      calls.add("config restore " + revision);
      revisions.add(new TreeMap<>(old));
    }
    return snapshot();
  }

  private boolean unhealthy(InstanceState i) {
    return unhealthyVersions.contains(i.version())
        || revisions.get(i.configRevision() - 1).keySet().stream().anyMatch(badKeys::contains);
  }

  private Map<String, String> current() {
    return revisions.get(revisions.size() - 1);
  }

  private ConfigSnapshot snapshot() {
    return new ConfigSnapshot(revision(), "hash-" + current().hashCode(), List.copyOf(current().keySet()), List.of());
  }
}
