package dev.runbook.worker.api;

import dev.runbook.activities.registry.ApprovalRow;
import dev.runbook.activities.registry.RegistryReader;
import dev.runbook.activities.registry.RunRow;
import dev.runbook.activities.registry.SlotRow;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Read-only HTTP view of the release registry for `runbook list`: the Temporal test server has no
 * list API, and the registry also knows what Temporal does not (slots, approvals audit). When the
 * registry's database is down or hangs, it answers 503 naming it within {@link #DEFAULT_WAIT}, so
 * the CLI can say the worker is up and its database is not.
 */
@RestController
class RunsController {
  static final Duration DEFAULT_WAIT = Duration.ofSeconds(4);
  /** What a 503 names as down; the CLI prints it. */
  static final String REGISTRY_DATABASE = "release registry database";

  private final RegistryReader registry;
  private final Duration wait;
  // a few reads at a time: a hung database must cost a bounded number of threads, not one per request
  private final ThreadPoolExecutor reads = new ThreadPoolExecutor(2, 2, 30, TimeUnit.SECONDS,
      new ArrayBlockingQueue<>(8), r -> {
        Thread t = new Thread(r, "registry-read");
        t.setDaemon(true);
        return t;
      });

  @Autowired
  RunsController(RegistryReader registry) {
    this(registry, DEFAULT_WAIT);
  }

  RunsController(RegistryReader registry, Duration wait) {
    this.registry = registry;
    this.wait = wait;
    reads.allowCoreThreadTimeOut(true);
  }

  @GetMapping("/api/runs")
  List<RunRow> runs(@RequestParam(defaultValue = "20") int limit,
      @RequestParam(required = false) String service,
      @RequestParam(required = false) String environment) {
    return bounded(() -> registry.recentRuns(Math.max(1, Math.min(limit, 500)), service, environment));
  }

  @GetMapping("/api/slots")
  List<SlotRow> slots(@RequestParam(required = false) String service,
      @RequestParam(required = false) String environment) {
    return bounded(() -> registry.slots(service, environment));
  }

  @GetMapping("/api/runs/{workflowId}/approvals")
  List<ApprovalRow> approvals(@PathVariable String workflowId) {
    return bounded(() -> registry.approvals(workflowId));
  }

  /** 503 with {"down": "release registry database", "error": "..."}. */
  @ExceptionHandler(RegistryDown.class)
  ResponseEntity<Map<String, String>> down(RegistryDown e) {
    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
        .body(Map.of("down", REGISTRY_DATABASE, "error", e.getMessage()));
  }

  private <T> T bounded(Supplier<T> read) {
    Future<T> answer;
    try {
      answer = reads.submit(read::get);
    } catch (RejectedExecutionException e) {
      throw new RegistryDown("the " + REGISTRY_DATABASE + " is not answering: earlier reads are still waiting for it");
    }
    try {
      return answer.get(wait.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      answer.cancel(true);
      throw new RegistryDown("the " + REGISTRY_DATABASE + " did not answer within " + wait.toMillis() + " ms");
    } catch (ExecutionException e) {
      // RegistryReader wraps every SQLException; anything else is a bug and stays a 500
      if (e.getCause() instanceof IllegalStateException ise && ise.getCause() instanceof java.sql.SQLException) {
        throw new RegistryDown("the " + REGISTRY_DATABASE + " is down: " + ise.getMessage());
      }
      throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RegistryDown("interrupted while waiting for the " + REGISTRY_DATABASE);
    }
  }

  /** The registry's database failed or did not answer in time. */
  static final class RegistryDown extends RuntimeException {
    RegistryDown(String message) {
      super(message, null, false, false);
    }
  }
}
