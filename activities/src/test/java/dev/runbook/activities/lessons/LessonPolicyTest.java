package dev.runbook.activities.lessons;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.runbook.workflows.contract.EnvironmentPolicy;
import dev.runbook.workflows.contract.RolloutPolicy;
import dev.runbook.workflows.lessonupdate.LessonPolicy;
import io.temporal.failure.ApplicationFailure;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/** resolveLessonPolicy: the environment's lesson settings in the shape the rollout kit reads. */
class LessonPolicyTest {
  private static final DataSource NEVER_USED = new PGSimpleDataSource();
  private final LessonStoreActivitiesImpl store = new LessonStoreActivitiesImpl(
      new LessonEnvironments(TestCatalog.catalog(), Map.of("local", NEVER_USED)));

  @Test
  void theLessonIdStandsWhereAServiceWould() {
    LessonPolicy policy = store.resolveLessonPolicy("stock_basics_001", "local");
    assertThat(policy).isEqualTo(new LessonPolicy(new EnvironmentPolicy("local", "stock_basics_001", "lesson-store",
        List.of(TestCatalog.LESSON_ERRORS, TestCatalog.COMPLETION), TestCatalog.APPROVAL, 1, 5, 60,
        new RolloutPolicy(TestCatalog.STEPS, 5), null), 4, 5));
  }

  @Test
  void anEnvironmentWithoutLessonSettingsRefusesLessonUpdates() {
    assertThatThrownBy(() -> store.resolveLessonPolicy("stock_basics_001", "staging"))
        .isInstanceOfSatisfying(ApplicationFailure.class, f -> {
          assertThat(f.isNonRetryable()).isTrue();
          assertThat(f.getType()).isEqualTo("NoLessonPolicy");
          assertThat(f.getOriginalMessage())
              .isEqualTo("environment 'staging' has no lesson policy (runbook.environments.staging.lessons)");
        });
    assertThatThrownBy(() -> store.resolveLessonPolicy("stock_basics_001", "qa"))
        .isInstanceOfSatisfying(ApplicationFailure.class, f -> {
          assertThat(f.isNonRetryable()).isTrue();
          assertThat(f.getType()).isEqualTo("UnknownEnvironment");
          assertThat(f.getOriginalMessage()).isEqualTo("unknown environment 'qa'; known: local, staging");
        });
  }

  @Test
  void everyEnvironmentWithLessonSettingsNeedsALessonStore() {
    assertThatThrownBy(() -> new LessonEnvironments(TestCatalog.catalog(), Map.of("qa", NEVER_USED)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("lesson stores: environment 'local' has lesson settings but no lesson-store database;"
            + " lesson-store database for unknown environment 'qa'");
  }
}
