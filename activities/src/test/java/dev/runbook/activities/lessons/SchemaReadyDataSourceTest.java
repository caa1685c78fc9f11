package dev.runbook.activities.lessons;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.runbook.activities.support.TestPostgres;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A lesson store that is down when the worker starts is migrated on first use once it is back. */
class SchemaReadyDataSourceTest {
  private static TestPostgres pg;

  @BeforeAll
  static void start() throws Exception {
    pg = TestPostgres.startMigrated(); // the runbook schema only: no platform schema yet
  }

  @AfterAll
  static void stop() throws Exception {
    pg.close();
  }

  @Test
  void migratesOnFirstUseAfterTheDatabaseComesBack() throws Exception {
    AtomicBoolean down = new AtomicBoolean(true);
    SchemaReadyDataSource store = new SchemaReadyDataSource(switchable(pg.dataSource(), down));

    assertThat(store.tryMigrate()).isFalse();
    assertThatThrownBy(store::getConnection).isInstanceOf(SQLException.class)
        .hasMessageStartingWith("the platform schema cannot be migrated yet");
    assertThat(pg.count("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'platform'")).isZero();

    down.set(false);
    try (var c = store.getConnection(); var s = c.createStatement()) {
      s.execute("SELECT count(*) FROM platform.lessons");
    }
    assertThat(pg.count("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'platform'"
        + " AND table_name = 'lesson_versions'")).isEqualTo(1);
  }

  /** A DataSource whose connections fail while {@code down} is set, like a database being restarted. */
  private static DataSource switchable(DataSource real, AtomicBoolean down) {
    return (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(), new Class<?>[] {DataSource.class},
        (proxy, method, args) -> {
          if (method.getName().equals("getConnection") && down.get()) {
            throw new SQLException("Connection refused", "08001");
          }
          try {
            return method.invoke(real, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        });
  }
}
