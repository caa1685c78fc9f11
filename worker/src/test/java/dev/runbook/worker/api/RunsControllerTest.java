package dev.runbook.worker.api;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.runbook.activities.registry.RegistryReader;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

/** `/api/runs` when the release registry's database is down or hangs: 503 naming it, never a hung request. */
class RunsControllerTest {
  private final CountDownLatch release = new CountDownLatch(1);

  @AfterEach
  void releaseHungReads() {
    release.countDown();
  }

  private static MockMvc mvc(DataSource dataSource, Duration wait) {
    return MockMvcBuilders.standaloneSetup(new RunsController(new RegistryReader(dataSource), wait)).build();
  }

  @Test
  void anUnreachableDatabaseIs503NamingTheRegistry() throws Exception {
    PGSimpleDataSource unreachable = new PGSimpleDataSource();
    unreachable.setURL("jdbc:postgresql://127.0.0.1:1/runbook"); // nothing listens on port 1
    unreachable.setConnectTimeout(2);
    mvc(unreachable, Duration.ofSeconds(30)).perform(get("/api/runs"))
        .andExpect(status().isServiceUnavailable())
        .andExpect(jsonPath("$.down").value("release registry database"))
        .andExpect(jsonPath("$.error").value(Matchers.startsWith("the release registry database is down: ")));
  }

  @Test
  void aHangingDatabaseIs503AfterTheWait() throws Exception {
    mvc(new HangingDataSource(release), Duration.ofMillis(300)).perform(get("/api/runs"))
        .andExpect(status().isServiceUnavailable())
        .andExpect(jsonPath("$.error").value("the release registry database did not answer within 300 ms"));
  }

  /** getConnection blocks until the test ends, like a database host that drops packets. */
  private record HangingDataSource(CountDownLatch release) implements DataSource {
    @Override
    public Connection getConnection() throws SQLException {
      try {
        release.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      throw new SQLException("released");
    }

    @Override
    public Connection getConnection(String user, String password) throws SQLException {
      return getConnection();
    }

    @Override
    public PrintWriter getLogWriter() {
      return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {}

    @Override
    public void setLoginTimeout(int seconds) {}

    @Override
    public int getLoginTimeout() {
      return 0;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
      throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
      throw new SQLException("not a wrapper");
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
      return false;
    }
  }
}
