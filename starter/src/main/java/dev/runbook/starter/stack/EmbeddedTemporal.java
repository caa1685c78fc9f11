package dev.runbook.starter.stack;

import dev.runbook.workflows.api.SearchAttributeKeys;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.api.enums.v1.IndexedValueType;
import io.temporal.api.operatorservice.v1.AddSearchAttributesRequest;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.client.WorkflowOptions;
import io.temporal.common.SearchAttributeKey;
import io.temporal.serviceclient.OperatorServiceStubs;
import io.temporal.serviceclient.OperatorServiceStubsOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.temporal.internal.testservice.GRPCServerHelper;
import io.temporal.internal.testservice.TestServicesStarter;
import io.temporal.worker.WorkerFactory;
import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The Temporal test server bound to a TCP port of 127.0.0.1 in this JVM, in real time: time
 * skipping is locked (the {@code true} given to {@link TestServicesStarter}), so timers and watch
 * windows last as long as they say. State lives in memory only. The SDK's own
 * port-bound test server (TestServer) would listen on every interface, so the test server's
 * services are mounted on a gRPC server of our own bound to loopback.
 */
public final class EmbeddedTemporal implements AutoCloseable {
  public static final String NAMESPACE = "default";

  private final int port;
  private final TestServicesStarter services;
  private final Server server;
  private WorkflowServiceStubs stubs;
  private WorkflowClient client;

  private EmbeddedTemporal(int port, TestServicesStarter services, Server server) {
    this.port = port;
    this.services = services;
    this.server = server;
  }

  public static EmbeddedTemporal start(int port) {
    TestServicesStarter services = new TestServicesStarter(true, 0);
    try {
      NettyServerBuilder builder =
          NettyServerBuilder.forAddress(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
      // the services plus the gRPC health service clients check on connect, as the SDK's own server does
      GRPCServerHelper.registerServicesAndHealthChecks(services.getServices(), builder);
      return new EmbeddedTemporal(port, services, builder.build().start());
    } catch (IOException | RuntimeException e) {
      services.close();
      for (Throwable t = e; t != null; t = t.getCause()) {
        if (t instanceof BindException) {
          throw new LocalStackException(
              "port " + port + " is taken, so Temporal cannot listen there: is another `runbook dev` running?"
                  + " (stop it with Ctrl-C, or find it with: ss -ltnp 'sport = :" + port + "')", e);
        }
      }
      throw new LocalStackException("cannot start the embedded Temporal server on port " + port + ": " + e.getMessage(), e);
    }
  }

  public String address() {
    return "127.0.0.1:" + port;
  }

  public synchronized WorkflowClient client() {
    if (client == null) {
      stubs = WorkflowServiceStubs.newConnectedServiceStubs(
          WorkflowServiceStubsOptions.newBuilder().setTarget(address()).build(), Duration.ofSeconds(10));
      client = WorkflowClient.newInstance(stubs, WorkflowClientOptions.newBuilder().setNamespace(NAMESPACE).build());
    }
    return client;
  }

  /** Registers every custom search attribute as Keyword (already registered ones are fine). */
  public void registerSearchAttributes() {
    OperatorServiceStubs operator = OperatorServiceStubs.newServiceStubs(
        OperatorServiceStubsOptions.newBuilder().setTarget(address()).validateAndBuildWithDefaults());
    try {
      AddSearchAttributesRequest.Builder request = AddSearchAttributesRequest.newBuilder().setNamespace(NAMESPACE);
      for (SearchAttributeKey<String> key : SearchAttributeKeys.ALL) {
        request.putSearchAttributes(key.getName(), IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD);
      }
      operator.blockingStub().addSearchAttributes(request.build());
    } catch (StatusRuntimeException e) {
      if (e.getStatus().getCode() != Status.Code.ALREADY_EXISTS) {
        throw new LocalStackException("cannot register the search attributes: " + e.getStatus(), e);
      }
    } finally {
      operator.shutdownNow();
    }
  }

  /** Runs {@link SearchAttributeProbe} once: proves a workflow can upsert RunbookOutcome. */
  public void verifyUpsert() {
    WorkerFactory factory = WorkerFactory.newInstance(client());
    factory.newWorker(SearchAttributeProbe.TASK_QUEUE).registerWorkflowImplementationTypes(SearchAttributeProbeImpl.class);
    factory.start();
    try {
      SearchAttributeProbe probe = client().newWorkflowStub(
          SearchAttributeProbe.class,
          WorkflowOptions.newBuilder()
              .setWorkflowId("runbook-stack-probe")
              .setTaskQueue(SearchAttributeProbe.TASK_QUEUE)
              .setWorkflowRunTimeout(Duration.ofSeconds(30))
              .build());
      String seen = probe.probe("SUCCEEDED");
      if (!"SUCCEEDED".equals(seen)) {
        throw new LocalStackException("search attribute upsert did not stick: the probe saw " + seen);
      }
      String indexed = client().newUntypedWorkflowStub("runbook-stack-probe").describe()
          .getTypedSearchAttributes().get(SearchAttributeKeys.OUTCOME);
      if (!"SUCCEEDED".equals(indexed)) {
        throw new LocalStackException("search attribute upsert is not visible to describe: " + indexed);
      }
    } catch (LocalStackException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new LocalStackException("the search attribute probe failed: " + e.getMessage(), e);
    } finally {
      factory.shutdownNow();
      factory.awaitTermination(5, TimeUnit.SECONDS);
    }
  }

  @Override
  public synchronized void close() {
    if (stubs != null) {
      stubs.shutdownNow();
      stubs = null;
      client = null;
    }
    server.shutdownNow();
    try {
      server.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    services.close();
  }
}
