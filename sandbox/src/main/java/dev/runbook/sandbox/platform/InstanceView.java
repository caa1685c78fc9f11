package dev.runbook.sandbox.platform;

/**
 * One instance as the admin API shows it.
 *
 * @param configRevision the service config revision it started with (see {@link ConfigView})
 * @param url base URL of its own server ({@code /health} answers there)
 */
public record InstanceView(int index, String version, int configRevision, String url) {}
