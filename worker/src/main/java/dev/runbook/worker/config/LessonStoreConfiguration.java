package dev.runbook.worker.config;

import dev.runbook.activities.lessons.LessonEnvironments;
import dev.runbook.activities.lessons.LessonStoreActivitiesImpl;
import dev.runbook.activities.policy.PolicyCatalog;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The lesson store activities ({@code lessonStoreActivities} in the worker's activity-beans): one
 * lesson-store database per environment with lesson settings, migrated at start-up.
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
  LessonStoreActivitiesImpl lessonStoreActivities(PolicyCatalog catalog, LessonStoreDataSources dataSources) {
    return new LessonStoreActivitiesImpl(new LessonEnvironments(catalog, dataSources.byEnvironment()));
  }
}
