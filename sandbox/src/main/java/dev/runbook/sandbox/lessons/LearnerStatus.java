package dev.runbook.sandbox.lessons;

/**
 * What {@code GET /api/learners} answers.
 *
 * @param storeReady whether the lesson store's tables exist (the worker migrates them, possibly later)
 * @param sessions sessions run since the sandbox started (reviews included)
 * @param learners learner ids in use, {@code learner-000001} up to this number
 * @param unreadableDocuments sessions skipped because the learner's stored document could not be
 *     read (such documents are never overwritten)
 */
public record LearnerStatus(boolean paused, boolean storeReady, int sessionsPerSecond, long sessions, int learners,
    long unreadableDocuments) {}
