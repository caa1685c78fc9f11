package dev.runbook.lessons.validation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runbook.lessons.model.Lesson;
import dev.runbook.lessons.render.LessonRenderer;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The lessons shipped in lessons/content are all valid, renderable and properly archived. */
class ContentLessonsTest {
  private static final Path CONTENT = Path.of("content");

  @Test
  void everyLessonInContentValidates() {
    ContentReport report = LessonValidator.validateContent(CONTENT);

    assertThat(report.problems()).isEmpty();
    assertThat(report.reports()).hasSizeGreaterThanOrEqualTo(4).allMatch(ValidationReport::isValid);
  }

  @Test
  void atLeastThreeCurrentLessonsWithAChangelogOfTwoOrThreeEntries() {
    var current = LessonValidator.lessonFiles(CONTENT).stream()
        .map(p -> LessonValidator.validate(p).requireValid()).toList();

    assertThat(current).hasSizeGreaterThanOrEqualTo(3);
    assertThat(current).extracting(Lesson::id).doesNotHaveDuplicates();
    assertThat(current).allSatisfy(l -> assertThat(l.changelog()).hasSizeBetween(2, 3));
    assertThat(current).allSatisfy(l -> assertThat(l.liveReferences()).isNotEmpty());
  }

  @Test
  void archiveHoldsAnEarlierMajorVersionOfACurrentLesson() {
    Path archived = CONTENT.resolve("archive/1/01_understanding_stock_prices.yaml");
    Lesson old = LessonValidator.validate(archived).requireValid();
    Lesson now = LessonValidator.validate(CONTENT.resolve("01_understanding_stock_prices.yaml")).requireValid();

    assertThat(old.id()).isEqualTo(now.id());
    assertThat(old.version().major()).isEqualTo(1);
    assertThat(now.version().major()).isEqualTo(2);
    assertThat(now.changelogFor(old.version())).isPresent();
  }

  @Test
  void everyLessonRendersWithLiveDataAvailable() {
    LessonValidator.validateContent(CONTENT).lessons().forEach(l ->
        assertThat(LessonRenderer.render(l, ref -> Optional.of("1.00"))).doesNotContain("{{").contains(l.title()));
  }
}
