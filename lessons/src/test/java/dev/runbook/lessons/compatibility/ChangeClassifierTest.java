package dev.runbook.lessons.compatibility;

import static dev.runbook.lessons.compatibility.CompatibilityMatrixTest.v;
import static org.assertj.core.api.Assertions.assertThat;

import dev.runbook.lessons.ChangeKind;
import dev.runbook.lessons.model.Lesson;
import org.junit.jupiter.api.Test;

class ChangeClassifierTest {

  @Test
  void classifiesForwardBumpsBySemanticVersion() {
    assertThat(ChangeClassifier.classify(v("1.0.0"), v("1.0.1")))
        .isEqualTo(new ChangeClassification.Bump(v("1.0.0"), v("1.0.1"), ChangeKind.PATCH));
    assertThat(ChangeClassifier.classify(v("1.0.0"), v("1.1.0")))
        .isEqualTo(new ChangeClassification.Bump(v("1.0.0"), v("1.1.0"), ChangeKind.MINOR));
    assertThat(ChangeClassifier.classify(v("1.2.0"), v("2.0.0")))
        .isEqualTo(new ChangeClassification.Bump(v("1.2.0"), v("2.0.0"), ChangeKind.MAJOR));
    assertThat(ChangeClassifier.classify(null, v("1.0.0"))).isEqualTo(new ChangeClassification.FirstRelease(v("1.0.0")));
  }

  @Test
  void refusesTheSameOrALowerVersionWithAMessage() {
    assertThat(ChangeClassifier.classify(v("1.2.0"), v("1.2.0"))).isEqualTo(new ChangeClassification.Refused(
        "version 1.2.0 is already published: bump the patch (1.2.1) for fixes, the minor (1.3.0) for new content"
            + " or the major (2.0.0) for a rewrite"));
    assertThat(ChangeClassifier.classify(v("1.2.0"), v("1.1.9"))).isEqualTo(new ChangeClassification.Refused(
        "version 1.1.9 is lower than the published 1.2.0: versions only move forward; to undo a release, roll it"
            + " back"));
  }

  @Test
  void aTypoFixIsAPatch() {
    Lesson fixed = Lessons.edited("1.1.1", "what sellers ask.", "what sellers are asking.");
    assertThat(ChangeClassifier.classify(Lessons.base(), fixed))
        .isEqualTo(new ChangeClassification.Bump(v("1.1.0"), v("1.1.1"), ChangeKind.PATCH));
    assertThat(LessonDiff.between(Lessons.base(), fixed).changedSections()).containsExactly("introduction");
  }

  @Test
  void aNewSectionNeedsAtLeastAMinorVersion() {
    String addSection = "quiz:\n";
    String withSection = "  - type: summary\n    content: \"Bids from buyers, asks from sellers.\"\nquiz:\n";
    assertThat(ChangeClassifier.classify(Lessons.base(), Lessons.edited("1.1.1", addSection, withSection)))
        .isEqualTo(new ChangeClassification.Refused("version 1.1.1 is a patch change, but it adds section(s)"
            + " 'summary', which needs a minor version (1.2.0)"));
    assertThat(ChangeClassifier.classify(Lessons.base(), Lessons.edited("1.2.0", addSection, withSection)))
        .isEqualTo(new ChangeClassification.Bump(v("1.1.0"), v("1.2.0"), ChangeKind.MINOR));
  }

  @Test
  void removingAQuestionOrSectionNeedsAMajorVersion() {
    String q2 = "  - id: q2\n    question: \"Who posts the ask?\"\n    options: [\"A buyer\", \"A seller\"]\n"
        + "    correct_answer: \"A seller\"\n    xp: 5\n";
    assertThat(ChangeClassifier.classify(Lessons.base(), Lessons.edited("1.2.0", q2, "")))
        .isEqualTo(new ChangeClassification.Refused("version 1.2.0 is a minor change, but it removes quiz"
            + " question(s) 'q2' that learners may have answered, which needs a major version (2.0.0)"));
    assertThat(ChangeClassifier.classify(Lessons.base(), Lessons.edited("2.0.0", q2, "")))
        .isEqualTo(new ChangeClassification.Bump(v("1.1.0"), v("2.0.0"), ChangeKind.MAJOR));
  }

  @Test
  void refusesADifferentLesson() {
    Lesson other = Lessons.edited("1.2.0", "id: reading_a_quote", "id: another_lesson");
    assertThat(ChangeClassifier.classify(Lessons.base(), other)).isEqualTo(new ChangeClassification.Refused(
        "lesson id 'another_lesson' does not match the published lesson 'reading_a_quote'"));
  }

  @Test
  void nextVersions() {
    assertThat(ChangeClassifier.next(v("1.2.3"), ChangeKind.PATCH)).isEqualTo(v("1.2.4"));
    assertThat(ChangeClassifier.next(v("1.2.3"), ChangeKind.MINOR)).isEqualTo(v("1.3.0"));
    assertThat(ChangeClassifier.next(v("1.2.3"), ChangeKind.MAJOR)).isEqualTo(v("2.0.0"));
  }
}
