package dev.runbook.sandbox.lessons;

/**
 * Who the next session is for: a new learner ({@code learner-000001}, {@code learner-000002}, ...)
 * or, with the behaviour's probability and always once the cap is reached, one who came before.
 * Session thread only.
 */
public final class LearnerPicker {

  private final LearnerBehaviour behaviour;
  private volatile int learners;

  public LearnerPicker(LearnerBehaviour behaviour) {
    this.behaviour = behaviour;
  }

  /** Continues after the learners a previous run left in the store. */
  public void startAfter(int existingLearners) {
    learners = Math.min(Math.max(learners, existingLearners), behaviour.maxLearners());
  }

  public String next(Chance chance) {
    boolean returning = learners > 0
        && (learners >= behaviour.maxLearners() || chance.happens(behaviour.existingLearner()));
    if (returning) {
      return ProgressStore.learnerId(chance.between1And(learners));
    }
    learners++;
    return ProgressStore.learnerId(learners);
  }

  /** Learners created so far (including those a previous run stored). */
  public int learners() {
    return learners;
  }
}
