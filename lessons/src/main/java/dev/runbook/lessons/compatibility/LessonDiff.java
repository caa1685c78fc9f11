package dev.runbook.lessons.compatibility;

import dev.runbook.lessons.ChangeKind;
import dev.runbook.lessons.model.Lesson;
import dev.runbook.lessons.model.QuizQuestion;
import dev.runbook.lessons.model.Section;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What changed between two versions of a lesson, by section id and quiz question id.
 *
 * <p>Learners in progress keep their completed sections and answers when they move to a patch or
 * minor version (the compatibility matrix), so those versions must not remove a section or a
 * question: removing one is a major change. Adding one is at least minor (seed 000: "new content").
 */
public record LessonDiff(
    List<String> addedSections,
    List<String> removedSections,
    List<String> changedSections,
    List<String> addedQuestions,
    List<String> removedQuestions,
    List<String> changedQuestions,
    List<String> changedAnswers) {

  public static LessonDiff between(Lesson before, Lesson after) {
    Map<String, Section> oldSections = byId(before.sections(), Section::id);
    Map<String, Section> newSections = byId(after.sections(), Section::id);
    Map<String, QuizQuestion> oldQuiz = byId(before.quiz(), QuizQuestion::id);
    Map<String, QuizQuestion> newQuiz = byId(after.quiz(), QuizQuestion::id);
    return new LessonDiff(
        missing(newSections, oldSections), missing(oldSections, newSections),
        changed(oldSections, newSections, Objects::equals),
        missing(newQuiz, oldQuiz), missing(oldQuiz, newQuiz),
        changed(oldQuiz, newQuiz, (a, b) -> a.question().equals(b.question()) && a.options().equals(b.options())
            && a.xp() == b.xp()),
        changed(oldQuiz, newQuiz, (a, b) -> a.correctAnswer().equals(b.correctAnswer())));
  }

  /** The smallest version bump that may carry this change. */
  public ChangeKind minimumKind() {
    if (!removedSections.isEmpty() || !removedQuestions.isEmpty()) {
      return ChangeKind.MAJOR;
    }
    if (!addedSections.isEmpty() || !addedQuestions.isEmpty()) {
      return ChangeKind.MINOR;
    }
    return ChangeKind.PATCH;
  }

  /** Why {@link #minimumKind()} is what it is, for messages. */
  public String minimumKindReason() {
    if (!removedSections.isEmpty()) {
      return "it removes section(s) " + quote(removedSections) + " that learners in progress may have completed";
    }
    if (!removedQuestions.isEmpty()) {
      return "it removes quiz question(s) " + quote(removedQuestions) + " that learners may have answered";
    }
    if (!addedSections.isEmpty()) {
      return "it adds section(s) " + quote(addedSections);
    }
    if (!addedQuestions.isEmpty()) {
      return "it adds quiz question(s) " + quote(addedQuestions);
    }
    return "it only changes existing content";
  }

  private static String quote(List<String> ids) {
    return ids.stream().map(i -> "'" + i + "'").collect(Collectors.joining(", "));
  }

  private static <T> Map<String, T> byId(List<T> items, Function<T, String> id) {
    return items.stream().collect(Collectors.toMap(id, Function.identity(), (a, b) -> a, java.util.LinkedHashMap::new));
  }

  private static <T> List<String> missing(Map<String, T> from, Map<String, T> in) {
    return from.keySet().stream().filter(k -> !in.containsKey(k)).toList();
  }

  private static <T> List<String> changed(Map<String, T> before, Map<String, T> after,
      java.util.function.BiPredicate<T, T> same) {
    return before.keySet().stream().filter(after::containsKey)
        .filter(k -> !same.test(before.get(k), after.get(k))).toList();
  }
}
