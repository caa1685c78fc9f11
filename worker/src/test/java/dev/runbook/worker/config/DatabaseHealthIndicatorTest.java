package dev.runbook.worker.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;

/** Health of the runbook's database: UP while it answers, DOWN naming it once it is gone or hangs. */
class DatabaseHealthIndicatorTest {

  @Test
  void aDatabaseThatGoesAwayAfterStartIsReportedDown() throws Exception {
    EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
    String url = postgres.getJdbcUrl("postgres", "postgres");
    try (HikariDataSource pool = new HikariDataSource()) {
      pool.setJdbcUrl(url);
      pool.setConnectionTimeout(3000); // as application.yml sets it
      pool.setValidationTimeout(2000);
      DatabaseHealthIndicator health = new DatabaseHealthIndicator(pool, DatabaseHealthIndicator.name(url),
          Duration.ofSeconds(3));
      assertThat(health.health().getStatus()).isEqualTo(Status.UP);

      postgres.close();
      Health down = health.health();

      assertThat(down.getStatus()).isEqualTo(Status.DOWN);
      assertThat(down.getDetails().get("database")).isEqualTo(DatabaseHealthIndicator.name(url));
      assertThat(down.getDetails().get("error").toString()).startsWith("database jdbc:postgresql://");
      health.destroy();
    }
  }

  @Test
  void aDatabaseThatNeverAnswersIsDownAfterTheTimeoutAndTheStuckCheckIsReused() throws Exception {
    CountDownLatch never = new CountDownLatch(1);
    int[] attempts = {0};
    DataSource hanging = (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {DataSource.class},
        (proxy, method, args) -> {
          if (method.getName().equals("getConnection")) {
            attempts[0]++;
            never.await();
          }
          return null;
        });
    DatabaseHealthIndicator health = new DatabaseHealthIndicator(hanging, "jdbc:postgresql://10.0.0.1:5432/runbook",
        Duration.ofSeconds(1));

    Health first = health.health();
    Health second = health.health();

    assertThat(first.getStatus()).isEqualTo(Status.DOWN);
    assertThat(first.getDetails().get("error"))
        .isEqualTo("database jdbc:postgresql://10.0.0.1:5432/runbook: no answer within 1s");
    assertThat(second.getStatus()).isEqualTo(Status.DOWN);
    assertThat(attempts[0]).as("the stuck check is waited on again, not started twice").isEqualTo(1);
    health.destroy();
  }

  @Test
  void theNameLeavesOutTheQueryPartWhereAPasswordMayBe() {
    assertThat(DatabaseHealthIndicator.name("jdbc:postgresql://db:5432/runbook?password=secret"))
        .isEqualTo("jdbc:postgresql://db:5432/runbook");
  }
}
