package dev.runbook.sandbox.catalog;

/**
 * How one release of a service behaves when a slot runs it.
 *
 * <p>The catalog describes releases by their observable symptoms rather than by code, because the
 * runbooks only ever see symptoms: error rate, latency percentiles, health checks and user
 * complaints. A release with {@code healthy = false} is down: its health check fails and every
 * request it receives is answered with 503.
 *
 * @param version       the release name as the catalog spells it, e.g. {@code v1.6.0}
 * @param healthy       whether {@code GET /health} answers 200
 * @param errorRate     probability (0..1) that a request is answered with 500
 * @param p50Ms         median latency in milliseconds
 * @param p95Ms         95th percentile latency in milliseconds (never below {@code p50Ms})
 * @param complaintRate probability (0..1) that a request produces a user complaint
 */
public record ReleaseSpec(
    String version,
    boolean healthy,
    double errorRate,
    double p50Ms,
    double p95Ms,
    double complaintRate) {}
