package dev.runbook.worker.config;

import com.zaxxer.hikari.HikariDataSource;
import dev.runbook.activities.lessons.PlatformSchema;
import dev.runbook.activities.lessons.SchemaReadyDataSource;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.jdbc.DataSourceBuilder;

/**
 * The lesson store of each environment with lesson settings: its own {@code database}, or the
 * worker's DataSource. Environments naming the same URL and user share one pool. Built while the
 * context starts, before Temporal workers poll: the platform schema is migrated then in the
 * worker's own database; a separate lesson database is migrated then if it is reachable, otherwise
 * on first use (a lesson database that is down must not keep code deploys from running). Closes
 * only the pools it opened.
 */
final class LessonStoreDataSources implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(LessonStoreDataSources.class);

  private final Map<String, DataSource> byEnvironment = new LinkedHashMap<>();
  private final List<HikariDataSource> opened;

  LessonStoreDataSources(RunbookProperties properties, DataSource workerDataSource) {
    Map<String, HikariDataSource> byDatabase = new LinkedHashMap<>();
    Map<String, SchemaReadyDataSource> stores = new LinkedHashMap<>();
    properties.environments().forEach((env, settings) -> {
      if (settings.lessons() == null) {
        return;
      }
      LessonDatabaseProperties db = settings.lessons().database();
      byEnvironment.put(env, db == null ? workerDataSource
          : stores.computeIfAbsent(db.url() + " as " + db.username(), key -> {
            HikariDataSource pool = open(env, db);
            byDatabase.put(key, pool);
            return new SchemaReadyDataSource(pool);
          }));
    });
    this.opened = List.copyOf(byDatabase.values());
    if (byEnvironment.containsValue(workerDataSource)) {
      // the worker's own database: the worker cannot run without it anyway
      log.info("platform schema: {} migration(s) applied", PlatformSchema.migrate(workerDataSource).migrationsExecuted);
    }
    stores.forEach((name, store) -> {
      if (!store.tryMigrate()) {
        log.warn("lesson store {} is unreachable at start-up; lesson updates there fail retryably until it is back"
            + " (the platform schema is migrated on first use)", name);
      }
    });
  }

  private static HikariDataSource open(String env, LessonDatabaseProperties db) {
    HikariDataSource ds = DataSourceBuilder.create().type(HikariDataSource.class)
        .url(db.url()).username(db.username()).password(db.password()).build();
    ds.setPoolName("lesson-store-" + env);
    ds.setMaximumPoolSize(4); // a handful of short transactions per lesson update
    ds.setConnectionTimeout(10_000); // an unreachable store fails a lesson activity (retryably) in 10s, not 30s
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
