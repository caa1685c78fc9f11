package dev.runbook.lessons.model;

import java.util.List;

/**
 * One quiz question. In a valid lesson the options are distinct and {@code correctAnswer} is one
 * of them, written exactly as the option is.
 *
 * @param xp experience points for a correct answer, positive
 */
public record QuizQuestion(String id, String question, List<String> options, String correctAnswer, int xp) {
  public QuizQuestion {
    options = List.copyOf(options);
  }

  public boolean isCorrect(String answer) {
    return correctAnswer.equals(answer);
  }
}
