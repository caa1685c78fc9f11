package dev.runbook.sandbox.http;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import dev.runbook.sandbox.support.NamedThreadFactory;
import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A JDK {@link HttpServer} bound to 127.0.0.1 with a thread pool of its own.
 *
 * <p>Why loopback only: the sandbox pretends to be a platform and has no authentication, so it must
 * not be reachable from the network. Why a pool per server: a release that answers in 3 s must not
 * occupy the threads of the router or of the admin API that the runbook uses to roll it back.
 */
public final class LoopbackServer implements AutoCloseable {

  /** Numeric loopback address, so URLs never depend on how "localhost" resolves. */
  public static final String HOST = "127.0.0.1";

  private final HttpServer server;
  private final ExecutorService executor;
  private final AtomicBoolean closed = new AtomicBoolean();

  private LoopbackServer(HttpServer server, ExecutorService executor) {
    this.server = server;
    this.executor = executor;
  }

  /**
   * Binds {@code port} (0 = any free port) and starts serving every path with {@code handler}.
   *
   * @throws IOException with a message naming the address when the port cannot be bound
   */
  public static LoopbackServer start(String name, int port, int threads, HttpHandler handler)
      throws IOException {
    InetSocketAddress address = new InetSocketAddress(InetAddress.getByName(HOST), port);
    HttpServer server;
    try {
      server = HttpServer.create(address, 256);
    } catch (BindException e) {
      throw new IOException("cannot listen on " + HOST + ":" + port + " for the " + name
          + ": " + e.getMessage() + " (is another sandbox running?)", e);
    }
    ExecutorService executor = Executors.newFixedThreadPool(threads, new NamedThreadFactory(name));
    server.setExecutor(executor);
    server.createContext("/", handler);
    server.start();
    return new LoopbackServer(server, executor);
  }

  public int port() {
    return server.getAddress().getPort();
  }

  /** Base URL without a trailing slash, e.g. {@code http://127.0.0.1:41234}. */
  public String url() {
    return "http://" + HOST + ":" + port();
  }

  public boolean closed() {
    return closed.get();
  }

  /** Stops listening at once and interrupts handlers still running (a slow release mid-sleep). */
  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      server.stop(0);
      executor.shutdownNow();
    }
  }
}
