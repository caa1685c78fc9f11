package dev.runbook.starter;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.net.ConnectException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthGrpc;

/**
 * A client connected to Temporal. Opening it makes the first call (a health check), so an
 * unreachable server is reported at once as exit 69 instead of a stack trace later.
 */
public final class TemporalConnection implements AutoCloseable {
  private final String address;
  private final WorkflowServiceStubs stubs;
  private final WorkflowClient client;

  private TemporalConnection(String address, WorkflowServiceStubs stubs, WorkflowClient client) {
    this.address = address;
    this.stubs = stubs;
    this.client = client;
  }

  public static TemporalConnection open(String address, String namespace, Duration timeout) {
    WorkflowServiceStubs stubs =
        WorkflowServiceStubs.newServiceStubs(WorkflowServiceStubsOptions.newBuilder().setTarget(address).build());
    try {
      checkHealth(stubs, timeout);
    } catch (RuntimeException e) {
      stubs.shutdownNow();
      if (e instanceof CliException) {
        throw e;
      }
      if (isUnreachable(e) || e instanceof StatusRuntimeException) {
        throw unreachable(address, e);
      }
      throw e;
    }
    WorkflowClient client =
        WorkflowClient.newInstance(
            stubs, WorkflowClientOptions.newBuilder().setNamespace(namespace).build());
    return new TemporalConnection(address, stubs, client);
  }

  /**
   * One gRPC health check on the raw channel, bounded by {@code timeout}: a refused connection
   * fails at once instead of going through the SDK's connect retries.
   */
  private static void checkHealth(WorkflowServiceStubs stubs, Duration timeout) {
    HealthCheckResponse response =
        HealthGrpc.newBlockingStub(stubs.getRawChannel())
            .withDeadlineAfter(timeout.toMillis(), TimeUnit.MILLISECONDS)
            .check(HealthCheckRequest.newBuilder().setService(WorkflowServiceStubs.HEALTH_CHECK_SERVICE_NAME).build());
    if (response.getStatus() != HealthCheckResponse.ServingStatus.SERVING) {
      throw new CliException(ExitCodes.UNAVAILABLE, "Temporal answers but is not serving: " + response.getStatus());
    }
  }

  public WorkflowClient client() {
    return client;
  }

  public WorkflowServiceStubs stubs() {
    return stubs;
  }

  public String address() {
    return address;
  }

  /** A connection failure, UNAVAILABLE or DEADLINE_EXCEEDED anywhere in the cause chain. */
  public static boolean isUnreachable(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t instanceof StatusRuntimeException s) {
        Status.Code code = s.getStatus().getCode();
        if (code == Status.Code.UNAVAILABLE || code == Status.Code.DEADLINE_EXCEEDED) {
          return true;
        }
      }
      if (t instanceof ConnectException) {
        return true;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return false;
  }

  public static CliException unreachable(String address, Throwable error) {
    return new CliException(
        ExitCodes.UNAVAILABLE,
        "cannot reach Temporal at " + address + ": " + reason(error) + " (is `runbook dev` running?)",
        error);
  }

  private static String reason(Throwable error) {
    Throwable root = error;
    String status = null;
    for (Throwable t = error; t != null && t.getCause() != t; t = t.getCause()) {
      if (t instanceof StatusRuntimeException s && status == null) {
        status = s.getStatus().getCode() + (s.getStatus().getDescription() == null ? "" : " " + s.getStatus().getDescription());
      }
      root = t;
    }
    String rootMessage = root.getMessage();
    if (root != error && rootMessage != null && !(root instanceof StatusRuntimeException)) {
      return (status == null ? "" : status + ": ") + rootMessage;
    }
    return status != null ? status : String.valueOf(error.getMessage());
  }

  @Override
  public void close() {
    stubs.shutdown();
    stubs.awaitTermination(2, TimeUnit.SECONDS);
  }
}
