package dev.runbook.worker.config;

import com.zaxxer.hikari.HikariDataSource;
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
 * worker's DataSource. Environments naming the same URL and user share one pool. The worker never
 * migrates the platform schema (its migrations belong to the platform, platform-migrations/, and
 * the platform's deploy applies them): each store is checked at start-up and again on first use,
 * and a store that is down or not deployed yet only warns (code deploys must still run). Closes
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
      byEnvironment.put(env, db == null
          ? stores.computeIfAbsent("the worker's own database", key -> new SchemaReadyDataSource(workerDataSource))
          : stores.computeIfAbsent(db.url() + " as " + db.username(), key -> {
            HikariDataSource pool = open(env, db);
            byDatabase.put(key, pool);
            return new SchemaReadyDataSource(pool);
          }));
    });
    this.opened = List.copyOf(byDatabase.values());
    stores.forEach((name, store) -> store.tryCheck().ifPresent(why -> log.warn(
        "lesson store {} is not usable yet; lesson updates there fail retryably until it is: {}", name, why)));
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
