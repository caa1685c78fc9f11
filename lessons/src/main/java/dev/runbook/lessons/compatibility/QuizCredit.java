package dev.runbook.lessons.compatibility;

import dev.runbook.lessons.model.QuizQuestion;
import java.util.Objects;

/**
 * The credit an answer earns, graded against the version of the question it was given under, so
 * that changing a correct answer later never takes credit away (seed 001: "grandfather old answers
 * as correct", "no penalty").
 *
 * @param grandfathered the answer was correct when given but is not correct under the current
 *     version of the question (or the question is gone), and keeps its credit
 */
public record QuizCredit(String questionId, boolean correct, boolean grandfathered, int xp) {

  /**
   * @param answeredUnder the question as it was in the version the learner answered
   * @param current the question in the current version, or null when it was removed
   */
  public static QuizCredit of(QuizQuestion answeredUnder, QuizQuestion current, String answer) {
    Objects.requireNonNull(answeredUnder, "answeredUnder");
    if (current != null && !current.id().equals(answeredUnder.id())) {
      throw new IllegalArgumentException("questions differ: " + answeredUnder.id() + " and " + current.id());
    }
    boolean correct = answeredUnder.isCorrect(answer);
    boolean grandfathered = correct && (current == null || !current.isCorrect(answer));
    return new QuizCredit(answeredUnder.id(), correct, grandfathered, correct ? answeredUnder.xp() : 0);
  }
}
