package dev.runbook.sandbox.platform;

/**
 * A slot's behaviour over a recent window, as the runbooks' watch rules read it.
 *
 * @param version          release the numbers belong to; null when the slot is EMPTY
 * @param errorRatePercent errors / requests in percent (2 decimals), null when requests == 0
 * @param p95Ms            95th percentile latency, null when requests == 0
 * @param asOfMillis       epoch millis at which the window ends
 */
public record SlotStats(
    String service,
    Colour colour,
    String version,
    long requests,
    long errors,
    Double errorRatePercent,
    Double p95Ms,
    long healthChecks,
    long healthFailures,
    long complaints,
    long asOfMillis) {}
