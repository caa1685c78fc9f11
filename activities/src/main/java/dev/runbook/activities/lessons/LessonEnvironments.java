package dev.runbook.activities.lessons;

import dev.runbook.workflows.api.Refusal;
import dev.runbook.activities.policy.EnvironmentSettings;
import dev.runbook.activities.policy.LessonSettings;
import dev.runbook.activities.policy.PolicyCatalog;
import dev.runbook.workflows.contract.EnvironmentPolicy;
import dev.runbook.workflows.contract.RolloutPolicy;
import dev.runbook.workflows.lessonupdate.LessonPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;

/**
 * Which lesson store and lesson policy serve an environment. Checked when built, so an environment
 * with lesson settings but no database stops the worker at start-up; at run time an unknown
 * environment, or one without lesson settings, fails non-retryably with what to fix.
 */
public final class LessonEnvironments {
  /** The "platform" a lesson rollout runs on, as the status and the registry show it. */
  public static final String LESSON_STORE = "lesson-store";

  private final PolicyCatalog catalog;
  private final Map<String, DataSource> dataSources;

  /** @param dataSources the lesson store of each environment that has lesson settings */
  public LessonEnvironments(PolicyCatalog catalog, Map<String, DataSource> dataSources) {
    this.catalog = catalog;
    this.dataSources = new TreeMap<>(dataSources);
    List<String> problems = new ArrayList<>();
    catalog.environments().forEach((name, env) -> {
      if (env.lessons() != null && !this.dataSources.containsKey(name)) {
        problems.add("environment '" + name + "' has lesson settings but no lesson-store database");
      }
    });
    this.dataSources.keySet().stream().filter(name -> catalog.environment(name).isEmpty())
        .forEach(name -> problems.add("lesson-store database for unknown environment '" + name + "'"));
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException("lesson stores: " + String.join("; ", problems));
    }
  }

  EnvironmentSettings environment(String name) {
    return catalog.environment(name).orElseThrow(() -> LessonFailures.refuse(LessonFailures.UNKNOWN_ENVIRONMENT,
        "unknown environment '" + name + "'; known: " + String.join(", ", catalog.environmentNames())));
  }

  LessonSettings lessons(String name) {
    return environment(name).lessonSettings().orElseThrow(() -> LessonFailures.refuse(
        LessonFailures.NO_LESSON_POLICY,
        "environment '" + name + "' has no lesson policy (runbook.environments." + name + ".lessons)"));
  }

  DataSource dataSource(String name) {
    lessons(name);
    return dataSources.get(name);
  }

  /**
   * The progress store of an environment: learners' documents live in its lesson store, so an
   * environment without lesson settings has none. Refuses non-retryably, naming what to fix.
   */
  public DataSource progressStore(String name) {
    EnvironmentSettings env = environment(name);
    if (env.lessonSettings().isEmpty()) {
      throw LessonFailures.refuse(Refusal.NO_PROGRESS_STORE.failureType(), "environment '" + name
          + "' has no progress store: learners' progress lives in its lesson store, and it has none"
          + " (runbook.environments." + name + ".lessons)");
    }
    return dataSources.get(name);
  }

  /** The shared settings of an environment for a run over its progress table {@code table}. */
  public EnvironmentPolicy progressPolicy(String name, String table) {
    progressStore(name);
    EnvironmentSettings env = environment(name);
    return new EnvironmentPolicy(name, table, LESSON_STORE, List.of(), env.approval(), env.pollSeconds(),
        env.heartbeatTimeoutSeconds(), env.deployTimeoutSeconds(), null, null);
  }

  /** The environment's lesson policy for {@code lessonId}; the lesson id stands where a service would. */
  LessonPolicy policy(String lessonId, String name) {
    EnvironmentSettings env = environment(name);
    LessonSettings lessons = lessons(name);
    EnvironmentPolicy rollout = new EnvironmentPolicy(name, lessonId, LESSON_STORE, lessons.rules(), env.approval(),
        env.pollSeconds(), env.heartbeatTimeoutSeconds(), env.deployTimeoutSeconds(),
        new RolloutPolicy(lessons.steps(), lessons.flagRemovalAfterSeconds()), null);
    return new LessonPolicy(rollout, lessons.updateWatchSeconds(), lessons.flagRemovalAfterSeconds());
  }
}
