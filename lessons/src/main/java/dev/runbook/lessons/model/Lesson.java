package dev.runbook.lessons.model;

import dev.runbook.lessons.SemanticVersion;
import java.util.List;
import java.util.Optional;

/**
 * One lesson as its YAML file describes it (see lessons/README.md). Instances handed out by
 * {@code LessonValidator} are complete and valid; the lists are immutable.
 *
 * @param changelog newest entry first, one entry for {@link #version()}
 * @param sections in the order a learner reads them
 * @param quiz in the order a learner answers them
 */
public record Lesson(
    String id,
    SemanticVersion version,
    String title,
    String category,
    List<ChangelogEntry> changelog,
    List<Section> sections,
    List<QuizQuestion> quiz) {

  public Lesson {
    changelog = List.copyOf(changelog);
    sections = List.copyOf(sections);
    quiz = List.copyOf(quiz);
  }

  /** The changelog entry of {@code v}, if the changelog has one. */
  public Optional<ChangelogEntry> changelogFor(SemanticVersion v) {
    return changelog.stream().filter(e -> v.equals(e.version())).findFirst();
  }

  /** The entry describing this version (present in every valid lesson). */
  public Optional<ChangelogEntry> currentChangelog() {
    return changelogFor(version);
  }

  public Optional<Section> section(String sectionId) {
    return sections.stream().filter(s -> s.id().equals(sectionId)).findFirst();
  }

  public Optional<QuizQuestion> question(String questionId) {
    return quiz.stream().filter(q -> q.id().equals(questionId)).findFirst();
  }

  /** Every market-data reference of every live example, in reading order, without repeats. */
  public List<LiveReference> liveReferences() {
    return sections.stream().flatMap(s -> s.data().stream()).distinct().toList();
  }

  /** XP a learner earns by answering every question correctly. */
  public int totalXp() {
    return quiz.stream().mapToInt(QuizQuestion::xp).sum();
  }
}
