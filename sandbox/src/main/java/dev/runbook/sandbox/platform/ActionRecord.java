package dev.runbook.sandbox.platform;

/**
 * One admin action that changed the platform. Only effective actions are recorded, so a runbook
 * crash test can prove a retried activity did not deploy twice.
 *
 * @param action  {@code deploy}, {@code traffic}, {@code live} or {@code retire}
 * @param version release on {@code colour} after the action
 * @param weight  traffic weight of {@code colour} after the action
 */
public record ActionRecord(
    long seq, long atMillis, String action, String service, Colour colour, String version, Integer weight) {}
