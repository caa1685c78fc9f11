package dev.runbook.sandbox.platform;

/**
 * One instance of a slot: the release it runs and the config revision it started with (an
 * instance reads its config once, at start, as a pod reads its ConfigMap). Immutable: a replace
 * or a restart puts a new one in its place.
 */
record Instance(int index, String version, int configRevision, RunningSlot server) {

  InstanceView view() {
    return new InstanceView(index, version, configRevision, server.url());
  }
}
