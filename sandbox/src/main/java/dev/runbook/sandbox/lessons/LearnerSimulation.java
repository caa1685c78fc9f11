package dev.runbook.sandbox.lessons;

import dev.runbook.sandbox.metrics.LessonMetricsRegistry;
import dev.runbook.sandbox.support.NamedThreadFactory;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Simulated learners: every {@value #TICK_MILLIS} ms, as many sessions as the rate has accrued, one
 * after the other on one thread (two sessions of one learner must never interleave their
 * read-modify-write of the same document).
 *
 * <p>The store may not exist yet when the sandbox starts (the worker migrates it later), or may go
 * away (a database restart): then it checks once a second, logs once that it is waiting, and never
 * stops. The lessons, versions and flags are re-read at most every {@value #CATALOG_MAX_AGE_MILLIS} ms
 * and after every resume, so a withdraw or a flag change is served within a tenth of a second.
 */
public final class LearnerSimulation implements AutoCloseable {

  static final long TICK_MILLIS = 100;
  static final long STORE_POLL_MILLIS = 1000;
  static final long CATALOG_MAX_AGE_MILLIS = 100;

  private static final Logger log = LoggerFactory.getLogger(LearnerSimulation.class);

  private final PlatformDb db;
  private final LessonStore store;
  private final SessionRunner runner;
  private final LearnerPicker picker;
  private final ProgressStore progress;
  private final int rate;
  private final ScheduledExecutorService ticker =
      Executors.newSingleThreadScheduledExecutor(new NamedThreadFactory("learners"));
  private final Object sessionLock = new Object();
  private final QuietLog failures = new QuietLog(log, 10_000, System::currentTimeMillis);
  private volatile boolean paused;
  private volatile boolean maintenance;
  private volatile boolean closed;
  private volatile boolean ready;
  // Session thread only.
  private Connection connection;
  private volatile LessonCatalog catalog = LessonCatalog.EMPTY;
  private long nextStoreCheck;
  private boolean waitingLogged;
  private long lastTick;
  private double credit;

  public LearnerSimulation(PlatformDb db, LearnerOptions options, LearnerBehaviour behaviour, MarketData market,
      Chance chance, LessonMetricsRegistry metrics) {
    this.db = db;
    this.store = new LessonStore(db);
    this.progress = new ProgressStore(db);
    this.picker = new LearnerPicker(behaviour);
    this.rate = options.sessionsPerSecond();
    this.runner = new SessionRunner(progress, new LessonContentCache(store), new LearnerSession(behaviour, market),
        picker, chance, metrics);
  }

  /** Starts the loop; returns at once. */
  public void start() {
    ticker.scheduleWithFixedDelay(this::tick, 0, TICK_MILLIS, TimeUnit.MILLISECONDS);
    log.info("learners: {} sessions per second from the lesson store in schema {}", rate, db.schema());
  }

  /** Stops starting sessions; when it returns no session is running, so nothing is mid-write. */
  public void pause() {
    paused = true;
    synchronized (sessionLock) {
      // Waits for the session in flight; the next one sees the flag.
    }
  }

  /** Starts sessions again, on a freshly read catalog. */
  public void resume() {
    synchronized (sessionLock) {
      catalog = LessonCatalog.EMPTY;
      paused = false;
    }
  }

  /**
   * Holds sessions while the platform is in maintenance, on a flag of its own (a pause and a
   * maintenance never undo each other); on return no session is mid-write. Leaving it re-reads the
   * catalog: a restore may have changed the store underneath.
   */
  public void maintenance(boolean on) {
    maintenance = on;
    synchronized (sessionLock) {
      if (!on) {
        catalog = LessonCatalog.EMPTY;
      }
    }
  }

  public LearnerStatus status() {
    return new LearnerStatus(paused, ready, rate, runner.sessions(), picker.learners(), runner.skipped());
  }

  private void tick() {
    try {
      long now = System.currentTimeMillis();
      long elapsed = lastTick == 0 ? TICK_MILLIS : now - lastTick;
      lastTick = now;
      if (closed || !storeReady(now)) {
        return;
      }
      if (paused || maintenance) {
        credit = 0;
        return;
      }
      // At most one second of backlog: a slow database lowers the rate instead of causing bursts.
      credit = Math.min(credit + rate * elapsed / 1000.0, Math.max(1, rate));
      while (credit >= 1 && !paused && !maintenance && !closed) {
        credit -= 1;
        if (!runOne()) {
          credit = 0;
          return;
        }
      }
    } catch (RuntimeException e) {
      failures.warn("learner session failed; continuing", e);
    }
  }

  /** One session under the lock; false when the tick should stop (nothing to serve, paused, store gone). */
  private boolean runOne() {
    synchronized (sessionLock) {
      if (paused || maintenance || closed) {
        return false;
      }
      try {
        Connection c = connection();
        if (System.currentTimeMillis() - catalog.readAtMillis() >= CATALOG_MAX_AGE_MILLIS) {
          catalog = store.read(c, System.currentTimeMillis());
        }
        return runner.runOne(c, catalog) != SessionRunner.Result.NOTHING_TO_SERVE;
      } catch (SQLException e) {
        failures.warn("learner session failed against the lesson store (" + e.getMessage()
            + "); checking the store again", null);
        disconnect();
        ready = false;
        nextStoreCheck = System.currentTimeMillis() + STORE_POLL_MILLIS;
        return false;
      }
    }
  }

  private boolean storeReady(long now) {
    if (ready || now < nextStoreCheck) {
      return ready;
    }
    nextStoreCheck = now + STORE_POLL_MILLIS;
    String reason;
    try {
      Connection c = connection();
      if (db.isMigrated(c)) {
        picker.startAfter(progress.highestLearnerNumber(c));
        ready = true;
        waitingLogged = false;
        catalog = LessonCatalog.EMPTY;
        log.info("platform lesson store ready in schema {}; {} learners already stored", db.schema(), picker.learners());
        return true;
      }
      reason = "its tables do not exist yet";
    } catch (SQLException e) {
      disconnect();
      reason = e.getMessage();
    }
    if (!waitingLogged) {
      waitingLogged = true;
      log.info("waiting for the platform lesson store (schema {}): {}", db.schema(), reason);
    }
    return false;
  }

  private Connection connection() throws SQLException {
    if (connection == null || connection.isClosed()) {
      connection = db.connect();
    }
    return connection;
  }

  private void disconnect() {
    if (connection != null) {
      try {
        connection.close();
      } catch (SQLException e) {
        log.debug("closing the lesson store connection failed", e);
      }
      connection = null;
    }
  }

  @Override
  public void close() {
    closed = true;
    ticker.shutdown();
    try {
      if (!ticker.awaitTermination(5, TimeUnit.SECONDS)) {
        ticker.shutdownNow();
      }
    } catch (InterruptedException e) {
      ticker.shutdownNow();
      Thread.currentThread().interrupt();
    }
    disconnect();
    log.info("learners stopped after {} sessions", runner.sessions());
  }
}
