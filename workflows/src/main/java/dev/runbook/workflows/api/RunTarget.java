package dev.runbook.workflows.api;

/**
 * What a request acts on, read from the request itself: the business key's middle part (a service,
 * or a lesson id), the environment and the version asked for (null when the request names none).
 * The workflow id and the search attributes a run is started with both derive from it.
 */
public record RunTarget(String key, String environment, String version) {}
