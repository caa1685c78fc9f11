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

/**
 * A lesson store is usable once the platform's deploy has created its schema; the store never
 * migrates it itself, and says why it is not usable while the database is down or the schema is
 * missing.
 */
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
  void waitsForTheDatabaseAndThePlatformsDeployWithoutMigratingAnything() throws Exception {
    AtomicBoolean down = new AtomicBoolean(true);
    SchemaReadyDataSource store = new SchemaReadyDataSource(switchable(pg.dataSource(), down));

    assertThat(store.tryCheck()).hasValueSatisfying(why -> assertThat(why).contains("Connection refused"));
    down.set(false);
    assertThatThrownBy(store::getConnection).isInstanceOf(SQLException.class)
        .hasMessageContaining("the platform schema 'platform' is not deployed")
        .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("42P01"));
    assertThat(pg.count("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'platform'")).isZero();

    PlatformSchema.migrate(pg.dataSource()); // the platform's deploy
    try (var c = store.getConnection(); var s = c.createStatement()) {
      s.execute("SELECT count(*) FROM platform.lessons");
    }
    assertThat(store.tryCheck()).isEmpty();
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
