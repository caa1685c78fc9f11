package dev.runbook.sandbox.lessons;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runbook.lessons.progress.LessonProgress;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ServingRulesTest {

  private static final Instant NOW = Instant.parse("2025-01-01T10:00:00Z");
  private static final Instant EARLIER = Instant.parse("2025-01-01T09:00:00Z");
  private static final String FLAG = "lesson_v2_l";

  @Test
  void learnersNotInProgressGetTheCurrentVersionWithoutAnActiveFlag() {
    PublishedLesson lesson = lesson("1.1.0", List.of(), v("1.0.0"), v("1.1.0"), v("2.0.0"));

    ServingRules.Serving s = ServingRules.decide(lesson, "learner-000001", null, NOW);

    assertThat(s.served().version()).isEqualTo("1.1.0");
    assertThat(s.entry()).isEqualTo(new LessonProgress("1.1.0", "in_progress", List.of(), null, NOW, NOW));
    assertThat(s.restartedFrom()).isNull();
  }

  @Test
  void aFlagServesItsVersionExactlyToTheLearnersBelowItsPercentage() {
    PublishedLesson lesson = lesson("1.1.0", List.of(new LessonFlag(FLAG, "l", "2.0.0", 30)), v("1.1.0"), v("2.0.0"));

    for (String user : users(500)) {
      String expected = FlagBuckets.bucket(user, FLAG) < 30 ? "2.0.0" : "1.1.0";
      assertThat(ServingRules.decide(lesson, user, null, NOW).served().version()).as(user).isEqualTo(expected);
    }
  }

  @Test
  void aFlagOnTheCurrentOrAWithdrawnVersionServesNobody() {
    List<LessonFlag> all = List.of(new LessonFlag(FLAG, "l", "2.0.0", 100));
    PublishedLesson current = lesson("2.0.0", all, v("1.1.0"), v("2.0.0"));
    PublishedLesson withdrawn = lesson("1.1.0", all, v("1.1.0"), withdrawn("2.0.0"));

    assertThat(current.activeFlag()).isEmpty();
    assertThat(withdrawn.activeFlag()).isEmpty();
    assertThat(users(50)).allSatisfy(u ->
        assertThat(ServingRules.decide(withdrawn, u, null, NOW).served().version()).isEqualTo("1.1.0"));
  }

  @Test
  void withinTheCurrentMajorLearnersMoveToTheCurrentVersionKeepingTheirSections() {
    PublishedLesson lesson = lesson("1.1.0", List.of(), v("1.0.0"), v("1.1.0"));
    LessonProgress started = progress("1.0", List.of("introduction"));

    ServingRules.Serving s = ServingRules.decide(lesson, "learner-000001", started, NOW);

    assertThat(s.served().version()).isEqualTo("1.1.0");
    assertThat(s.entry().version()).isEqualTo("1.1.0");
    assertThat(s.entry().sectionsCompleted()).containsExactly("introduction");
    assertThat(s.restartedFrom()).isNull();
  }

  @Test
  void learnersWhoStartedAnotherMajorKeepIt() {
    PublishedLesson lesson = lesson("1.1.0", List.of(new LessonFlag(FLAG, "l", "2.0.0", 0)), v("1.1.0"), v("2.0.0"));
    LessonProgress onV2 = progress("2.0.0", List.of("introduction"));

    ServingRules.Serving s = ServingRules.decide(lesson, "learner-000001", onV2, NOW);

    assertThat(s.served().version()).isEqualTo("2.0.0");
    assertThat(s.entry()).isEqualTo(onV2);
  }

  @Test
  void learnersOnAWithdrawnVersionRestartOnWhatANewLearnerGets() {
    PublishedLesson lesson = lesson("1.1.0", List.of(new LessonFlag("lesson_v3_l", "l", "3.0.0", 100)),
        v("1.1.0"), withdrawn("2.0.0"), v("3.0.0"));
    LessonProgress onV2 = progress("2.0.0", List.of("introduction", "live_example"));

    ServingRules.Serving s = ServingRules.decide(lesson, "learner-000001", onV2, NOW);

    assertThat(s.served().version()).isEqualTo("3.0.0");
    assertThat(s.restartedFrom()).isEqualTo("2.0.0");
    assertThat(s.entry()).isEqualTo(new LessonProgress("3.0.0", "in_progress", List.of(), null, EARLIER, EARLIER));
  }

  @Test
  void aWithdrawnMinorMovesLearnersBackToTheCurrentVersionKeepingTheirSections() {
    PublishedLesson lesson = lesson("1.0.1", List.of(), v("1.0.1"), withdrawn("1.1.0"));

    ServingRules.Serving s = ServingRules.decide(lesson, "learner-000001", progress("1.1.0", List.of("a")), NOW);

    assertThat(s.served().version()).isEqualTo("1.0.1");
    assertThat(s.restartedFrom()).isEqualTo("1.1.0");
    assertThat(s.entry().version()).isEqualTo("1.0.1");
    assertThat(s.entry().sectionsCompleted()).containsExactly("a");
  }

  @Test
  void aFlagOnAnOlderVersionThanTheCurrentOneServesNobody() {
    PublishedLesson lesson = lesson("3.0.0", List.of(new LessonFlag(FLAG, "l", "2.0.0", 100)), v("2.0.0"), v("3.0.0"));

    assertThat(lesson.activeFlag()).isEmpty();
    assertThat(ServingRules.decide(lesson, "learner-000001", null, NOW).served().version()).isEqualTo("3.0.0");
  }

  @Test
  void anotherMajorTheStoreDoesNotHoldRestartsButTheSameMajorMigrates() {
    PublishedLesson lesson = lesson("2.0.0", List.of(), v("2.0.0"));

    assertThat(ServingRules.decide(lesson, "u", progress("1.0", List.of("a")), NOW).restartedFrom()).isEqualTo("1.0");
    ServingRules.Serving legacy = ServingRules.decide(lesson, "u", progress("2.0", List.of("a")), NOW);
    assertThat(legacy.restartedFrom()).isNull();
    assertThat(legacy.entry().version()).isEqualTo("2.0.0");
    assertThat(legacy.entry().sectionsCompleted()).containsExactly("a");
  }

  private static LessonProgress progress(String version, List<String> sections) {
    return new LessonProgress(version, "in_progress", sections, null, EARLIER, EARLIER);
  }

  private static StoredVersion v(String version) {
    return new StoredVersion("l", version, "sum-" + version, false);
  }

  private static StoredVersion withdrawn(String version) {
    return new StoredVersion("l", version, "sum-" + version, true);
  }

  private static PublishedLesson lesson(String current, List<LessonFlag> flags, StoredVersion... versions) {
    Map<String, StoredVersion> byVersion = Arrays.stream(versions)
        .collect(Collectors.toMap(StoredVersion::version, v -> v));
    return new PublishedLesson("l", current, byVersion, flags);
  }

  private static List<String> users(int n) {
    return IntStream.rangeClosed(1, n).mapToObj(i -> String.format("learner-%06d", i)).toList();
  }
}
