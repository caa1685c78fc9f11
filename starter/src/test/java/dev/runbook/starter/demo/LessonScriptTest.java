package dev.runbook.starter.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runbook.lessons.ChangeKind;
import dev.runbook.lessons.compatibility.ChangeClassification;
import dev.runbook.lessons.compatibility.ChangeClassifier;
import dev.runbook.lessons.model.Lesson;
import dev.runbook.lessons.validation.LessonValidator;
import dev.runbook.starter.run.RunSpec;
import dev.runbook.starter.stack.RunbookHome;
import dev.runbook.workflows.api.LessonUpdateRequest;
import dev.runbook.workflows.api.Outcome;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The demo's lesson script holds what the demo promises: valid files, and each update classified
 * as the bump it is shown as, so the lesson store accepts it (a patch that added a question, say,
 * would be refused and the demo would fail).
 */
class LessonScriptTest {
  private static final LessonScript SCRIPT = LessonScript.load(RunbookHome.find().orElseThrow());

  @Test
  void firstReleasesThenAPatchAMinorAndAMajorOnLocal() {
    assertThat(SCRIPT.firstReleases()).extracting(DemoStep::label).containsExactly(
        "stock_basics_001 1.1.0 (first release)", "stock_basics_002 1.0.0 (first release)",
        "stock_basics_003 1.0.0 (first release)");
    assertThat(SCRIPT.updates()).extracting(DemoStep::label).containsExactly(
        "stock_basics_003 1.0.1 (patch)", "stock_basics_002 1.1.0 (minor)", "stock_basics_001 2.0.0 (major)");
    for (DemoStep step : all()) {
      assertThat(step.expected()).isEqualTo(Outcome.SUCCEEDED);
      assertThat(step.spec().environment()).isEqualTo("local");
      assertThat(step.spec().problems()).as(step.label()).isEmpty();
    }
    LessonUpdateRequest fixture = (LessonUpdateRequest) SCRIPT.firstReleases().get(1).spec().workflowInput();
    assertThat(fixture.lessonFile()).isEqualTo("02_bid_ask_spread.yaml");
  }

  @Test
  void eachUpdateIsTheBumpItIsShownAs() {
    assertThat(classify(0, 2)).isEqualTo(ChangeKind.MAJOR);
    assertThat(classify(1, 1)).isEqualTo(ChangeKind.MINOR);
    assertThat(classify(2, 0)).isEqualTo(ChangeKind.PATCH);
  }

  @Test
  void theFixturesAreValidAndOnlyOlderVersionsOfTheContent() {
    for (String name : List.of("02_bid_ask_spread.yaml", "03_market_makers.yaml")) {
      var source = LessonScript.fixture(name);
      var report = LessonValidator.validate(source.file(), source.yaml());
      assertThat(report.problems()).as(name).isEmpty();
      assertThat(report.lesson().orElseThrow().version().toString()).isEqualTo("1.0.0");
      assertThat(report.lesson().orElseThrow().changelog()).hasSize(1);
    }
  }

  /** The kind of bump from first release {@code from} to update {@code to}, as the lesson store will classify it. */
  private static ChangeKind classify(int from, int to) {
    ChangeClassification c = ChangeClassifier.classify(lesson(SCRIPT.firstReleases().get(from).spec()),
        lesson(SCRIPT.updates().get(to).spec()));
    assertThat(c).isInstanceOf(ChangeClassification.Bump.class);
    return ((ChangeClassification.Bump) c).kind();
  }

  private static Lesson lesson(RunSpec spec) {
    return LessonValidator.validate(spec.lesson().file(), spec.lesson().yaml()).requireValid();
  }

  private static List<DemoStep> all() {
    return java.util.stream.Stream.concat(SCRIPT.firstReleases().stream(), SCRIPT.updates().stream()).toList();
  }
}
