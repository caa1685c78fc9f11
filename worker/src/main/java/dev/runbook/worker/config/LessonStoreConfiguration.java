package dev.runbook.worker.config;

import dev.runbook.activities.lessons.LessonEnvironments;
import dev.runbook.activities.lessons.LessonStoreActivitiesImpl;
import dev.runbook.activities.progress.ProgressMigrationActivitiesImpl;
import dev.runbook.lessons.progress.ProgressMigrations;
import dev.runbook.activities.policy.PolicyCatalog;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The lesson store activities ({@code lessonStoreActivities} in the worker's activity-beans): one
 * lesson-store database per environment with lesson settings (deployed by the platform, checked
 * here), and the progress migration activities over the same databases.
 */
@Configuration(proxyBeanMethods = false)
class LessonStoreConfiguration {

  @Bean
  LessonStoreDataSources lessonStoreDataSources(RunbookProperties properties, DataSource dataSource,
      PolicyCatalog catalog) {
    // The catalog parameter orders this after the configuration check: a bad policy fails first.
    return new LessonStoreDataSources(properties, dataSource);
  }

  @Bean
  LessonEnvironments lessonEnvironments(PolicyCatalog catalog, LessonStoreDataSources dataSources) {
    return new LessonEnvironments(catalog, dataSources.byEnvironment());
  }

  @Bean
  LessonStoreActivitiesImpl lessonStoreActivities(LessonEnvironments environments) {
    return new LessonStoreActivitiesImpl(environments);
  }

  /** The progress migration over the same stores: learners' documents live beside the lessons. */
  @Bean
  ProgressMigrationActivitiesImpl progressMigrationActivities(LessonEnvironments environments) {
    return new ProgressMigrationActivitiesImpl(environments, ProgressMigrations.standard());
  }
}
