package dev.runbook.worker.config;

import com.zaxxer.hikari.HikariDataSource;
import dev.runbook.activities.lessons.PlatformSchema;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.jdbc.DataSourceBuilder;

/**
 * The lesson store of each environment with lesson settings: its own {@code database}, or the
 * worker's DataSource. Environments naming the same URL and user share one pool. Built while the
 * context starts, before Temporal workers poll, and migrates the platform schema on each distinct
 * database then, so no lesson activity ever meets a missing table. Closes only the pools it opened.
 */
final class LessonStoreDataSources implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(LessonStoreDataSources.class);

  private final Map<String, DataSource> byEnvironment = new LinkedHashMap<>();
  private final List<HikariDataSource> opened;

  LessonStoreDataSources(RunbookProperties properties, DataSource workerDataSource) {
    Map<String, HikariDataSource> byDatabase = new LinkedHashMap<>();
    properties.environments().forEach((env, settings) -> {
      if (settings.lessons() == null) {
        return;
      }
      LessonDatabaseProperties db = settings.lessons().database();
      byEnvironment.put(env, db == null ? workerDataSource
          : byDatabase.computeIfAbsent(db.url() + " as " + db.username(), key -> open(env, db)));
    });
    this.opened = List.copyOf(byDatabase.values());
    Set<DataSource> distinct = Collections.newSetFromMap(new IdentityHashMap<>());
    distinct.addAll(byEnvironment.values());
    distinct.forEach(ds -> log.info("platform schema: {} migration(s) applied",
        PlatformSchema.migrate(ds).migrationsExecuted));
  }

  private static HikariDataSource open(String env, LessonDatabaseProperties db) {
    HikariDataSource ds = DataSourceBuilder.create().type(HikariDataSource.class)
        .url(db.url()).username(db.username()).password(db.password()).build();
    ds.setPoolName("lesson-store-" + env);
    ds.setMaximumPoolSize(4); // a handful of short transactions per lesson update
    return ds;
  }

  Map<String, DataSource> byEnvironment() {
    return Collections.unmodifiableMap(byEnvironment);
  }

  @Override
  public void close() {
    opened.forEach(HikariDataSource::close);
  }
}
