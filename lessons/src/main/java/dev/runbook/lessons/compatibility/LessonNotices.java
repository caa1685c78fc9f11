package dev.runbook.lessons.compatibility;

import dev.runbook.lessons.SemanticVersion;
import dev.runbook.lessons.model.ChangelogEntry;
import dev.runbook.lessons.model.Lesson;
import java.util.List;
import java.util.Optional;

/** The text learners receive for each {@link LearnerNotice}, built from the lesson's changelog. */
public final class LessonNotices {
  /** The label of the minor-update badge. */
  public static final String UPDATED_BADGE = "Updated";

  private LessonNotices() {}

  /**
   * @param current the lesson now served
   * @param learnerVersion the version the learner started or completed
   * @return empty for {@link LearnerNotice#NONE}
   */
  public static Optional<String> text(LearnerNotice notice, Lesson current, SemanticVersion learnerVersion) {
    String title = "\"" + current.title() + "\"";
    return switch (notice) {
      case NONE -> Optional.empty();
      case UPDATED_BADGE -> Optional.of("[" + UPDATED_BADGE + "] " + title + " was improved in version "
          + current.version() + ":\n" + changes(current));
      case CHANGELOG_MESSAGE -> Optional.of(title + " has a new version " + current.version() + ":\n"
          + changes(current) + "\nYour completion and XP are kept. Open the lesson to view the updates.");
      case CHOICE_PROMPT -> Optional.of(title + " was updated to version " + current.version()
          + " while you were working through it:\n" + changes(current) + "\nYou can:\n"
          + "1. Continue the version you started (" + learnerVersion + ")\n"
          + "2. Restart with the new version\n"
          + "Your progress and XP are kept either way.");
      case RESTART_NOTICE -> Optional.of("Version " + learnerVersion + " of " + title
          + " is no longer available, so the lesson starts again on version " + current.version() + ":\n"
          + changes(current) + "\nYour XP and completed lessons are kept.");
    };
  }

  private static String changes(Lesson lesson) {
    List<String> changes = lesson.currentChangelog().map(ChangelogEntry::changes).orElse(List.of());
    return String.join("\n", changes.stream().map(c -> "- " + c).toList());
  }
}
