package dev.runbook.worker.config;

import java.sql.Connection;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

/**
 * The {@code db} component of {@code /actuator/health}, bounded in time. Spring's own indicator
 * validates a connection without a timeout, so with the database unreachable the health endpoint
 * hung instead of saying DOWN. Here the check runs on its own thread and the answer is DOWN, naming
 * the database, once {@code timeout} passes; a check still stuck is reused by the next request
 * instead of piling up threads.
 */
final class DatabaseHealthIndicator implements HealthIndicator, DisposableBean {
  private final DataSource dataSource;
  private final String database;
  private final Duration timeout;
  private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "db-health");
    t.setDaemon(true);
    return t;
  });
  private Future<Boolean> inFlight;

  /** @param database how the database is named in the answer (a JDBC URL without its query part) */
  DatabaseHealthIndicator(DataSource dataSource, String database, Duration timeout) {
    this.dataSource = dataSource;
    this.database = database;
    this.timeout = timeout;
  }

  @Override
  public Health health() {
    Future<Boolean> check = check();
    try {
      return check.get(timeout.toMillis(), TimeUnit.MILLISECONDS)
          ? Health.up().withDetail("database", database).build()
          : down("the connection did not validate");
    } catch (TimeoutException e) {
      return down("no answer within " + timeout.toSeconds() + "s");
    } catch (ExecutionException e) {
      return down(String.valueOf(e.getCause().getMessage()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return down("interrupted");
    }
  }

  private synchronized Future<Boolean> check() {
    if (inFlight == null || inFlight.isDone()) {
      int seconds = (int) Math.max(1, timeout.toSeconds());
      inFlight = executor.submit(() -> {
        try (Connection c = dataSource.getConnection()) {
          return c.isValid(seconds);
        }
      });
    }
    return inFlight;
  }

  private Health down(String why) {
    return Health.down().withDetail("database", database).withDetail("error", "database " + database + ": " + why)
        .build();
  }

  @Override
  public void destroy() {
    executor.shutdownNow();
  }

  /** A JDBC URL without its query part, which may carry a password. */
  static String name(String jdbcUrl) {
    if (jdbcUrl == null) {
      return "(no URL)";
    }
    int q = jdbcUrl.indexOf('?');
    return q < 0 ? jdbcUrl : jdbcUrl.substring(0, q);
  }
}
