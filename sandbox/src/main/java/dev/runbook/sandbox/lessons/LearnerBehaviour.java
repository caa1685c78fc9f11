package dev.runbook.sandbox.lessons;

/**
 * How simulated learners behave, as probabilities. The standard values give a healthy lesson a
 * completion rate around 90%, feedback on ~30% of sessions with ~10% negative, and make a lesson
 * that fails to render stand out on every measure (100% errors, ~70% negative feedback).
 *
 * @param existingLearner share of sessions by a learner who has been here before (the rest are new
 *     learners while there is room under the cap)
 * @param abandonPerSection chance of leaving before each section
 * @param correctAnswer chance each quiz answer is right
 * @param feedback chance of feedback at the end of a session that rendered
 * @param negativeFeedback share of that feedback that is negative
 * @param negativeAfterRenderError chance of negative feedback after a lesson failed to render
 * @param maxLearners learner ids stop growing here; then every session is an existing learner
 */
public record LearnerBehaviour(double existingLearner, double abandonPerSection, double correctAnswer, double feedback,
    double negativeFeedback, double negativeAfterRenderError, int maxLearners) {

  public static LearnerBehaviour standard() {
    return new LearnerBehaviour(0.4, 0.03, 0.85, 0.3, 0.1, 0.7, 20_000);
  }
}
