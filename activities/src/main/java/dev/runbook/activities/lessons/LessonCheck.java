package dev.runbook.activities.lessons;

import dev.runbook.lessons.ChangeKind;
import dev.runbook.lessons.SemanticVersion;
import dev.runbook.lessons.compatibility.ChangeClassification;
import dev.runbook.lessons.compatibility.ChangeClassifier;
import dev.runbook.lessons.model.ChangelogEntry;
import dev.runbook.lessons.model.Lesson;
import dev.runbook.lessons.render.LessonRenderer;
import dev.runbook.lessons.validation.LessonValidator;
import dev.runbook.lessons.validation.ValidationReport;
import dev.runbook.workflows.lessonupdate.LessonCandidate;
import dev.runbook.workflows.lessonupdate.LessonChange;
import dev.runbook.workflows.lessonupdate.LessonStoreActivities;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The read-only half of publishing: validate the file, match its id, classify it against what the
 * store serves, render it. Every refusal is non-retryable, because the same file fails the same way.
 */
final class LessonCheck {
  private static final Logger log = LoggerFactory.getLogger(LessonCheck.class);
  private static final Pattern ID_LINE = Pattern.compile("^id\\s*:.*");

  /** What the store holds for the lesson: its current row (if published) and every stored version. */
  record StoreState(Optional<CurrentLesson> current, List<StoredVersion> versions) {
    Optional<StoredVersion> find(SemanticVersion v) {
      return versions.stream().filter(s -> s.semantic().equals(v)).findFirst();
    }
  }

  private LessonCheck() {}

  /** The valid lesson, or {@code InvalidLesson} listing every problem as {@code file:line: message}. */
  static Lesson validate(String lessonId, String file, String yaml) {
    if (yaml == null || yaml.isBlank()) {
      throw LessonFailures.refuse(LessonStoreActivities.INVALID_LESSON, file + ":1: the lesson file is empty");
    }
    ValidationReport report = LessonValidator.validate(file, yaml);
    Lesson lesson = report.lesson().orElseThrow(() ->
        LessonFailures.refuse(LessonStoreActivities.INVALID_LESSON, report.format()));
    if (!lesson.id().equals(lessonId)) {
      throw LessonFailures.refuse(LessonStoreActivities.INVALID_LESSON, file + ":" + idLine(yaml) + ": id '"
          + lesson.id() + "' does not match the lesson id '" + lessonId + "' this update was started for");
    }
    return lesson;
  }

  static LessonCandidate classify(Lesson lesson, String yaml, StoreState store) {
    SemanticVersion version = lesson.version();
    String checksum = Checksums.sha256(yaml);
    Optional<String> current = store.current().map(CurrentLesson::currentVersion);
    Optional<StoredVersion> same = store.find(version);
    if (same.isPresent()) {
      StoredVersion stored = same.get();
      if (stored.withdrawn()) {
        throw refused("version " + version + " of lesson " + lesson.id() + " was withdrawn on "
            + stored.withdrawnAt().truncatedTo(ChronoUnit.SECONDS) + " (" + stored.withdrawnReason()
            + "); publish the fix as " + freePatch(version, store));
      }
      if (!stored.checksum().equals(checksum)) {
        throw refused("version " + version + " of lesson " + lesson.id() + " is already stored with other content"
            + " (stored by " + stored.storedBy() + "); a stored version never changes: publish this content as "
            + freePatch(version, store));
      }
      if (current.isPresent() && SemanticVersion.parse(current.get()).equals(version)) {
        // Already published exactly as given (a re-run of a finished update): report the change it
        // was published as, with publishedVersion == version, and let the workflow decide.
        return candidate(lesson, stored.version(), LessonChange.valueOf(stored.changeKind()), checksum);
      }
    }
    Optional<StoredVersion> published = current.flatMap(v -> store.find(SemanticVersion.parse(v)));
    ChangeClassification verdict = published.map(p -> classifyAgainst(p, lesson))
        .orElseGet(() -> ChangeClassifier.classify((Lesson) null, lesson));
    if (verdict instanceof ChangeClassification.Refused r) {
      throw refused(r.reason());
    }
    LessonChange change = verdict instanceof ChangeClassification.Bump b
        ? LessonChange.valueOf(b.kind().name()) : LessonChange.FIRST_RELEASE;
    return candidate(lesson, published.map(StoredVersion::version).orElse(null), change, checksum);
  }

  private static ChangeClassification classifyAgainst(StoredVersion published, Lesson candidate) {
    Optional<Lesson> previous = LessonValidator.validate("stored " + published.version(), published.contentYaml()).lesson();
    if (previous.isEmpty()) {
      // Stored under older validation rules: the version bump alone still orders the two.
      log.warn("stored {} {} no longer validates; classifying {} by version only", published.lessonId(),
          published.version(), candidate.version());
      return ChangeClassifier.classify(published.semantic(), candidate.version());
    }
    return ChangeClassifier.classify(previous.get(), candidate);
  }

  private static LessonCandidate candidate(Lesson lesson, String publishedVersion, LessonChange change, String checksum) {
    String rendered;
    try {
      rendered = LessonRenderer.render(lesson);
    } catch (RuntimeException e) {
      throw LessonFailures.refuse(LessonStoreActivities.RENDER_FAILED, "lesson " + lesson.id() + " "
          + lesson.version() + " does not render: " + e.getMessage());
    }
    List<String> changes = lesson.currentChangelog().map(ChangelogEntry::changes).orElse(List.of());
    return new LessonCandidate(lesson.id(), lesson.title(), lesson.version().toString(), publishedVersion, change,
        checksum, changes, (int) rendered.lines().count());
  }

  /** The next patch number no stored version has taken: withdrawn numbers are never reused. */
  private static SemanticVersion freePatch(SemanticVersion v, StoreState store) {
    SemanticVersion next = ChangeClassifier.next(v, ChangeKind.PATCH);
    while (store.find(next).isPresent()) {
      next = ChangeClassifier.next(next, ChangeKind.PATCH);
    }
    return next;
  }

  private static int idLine(String yaml) {
    List<String> lines = yaml.lines().toList();
    for (int i = 0; i < lines.size(); i++) {
      if (ID_LINE.matcher(lines.get(i)).matches()) {
        return i + 1;
      }
    }
    return 1;
  }

  private static RuntimeException refused(String reason) {
    return LessonFailures.refuse(LessonStoreActivities.VERSION_REFUSED, reason);
  }
}
