package dev.runbook.sandbox.http;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import dev.runbook.sandbox.support.NamedThreadFactory;
import java.io.IOException;
import java.net.BindException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A JDK {@link HttpServer} bound to 127.0.0.1 (or a given address) with a thread pool of its own.
 *
 * <p>Why loopback by default: the sandbox pretends to be a platform and has no authentication, so it
 * must not be reachable from the network. Only a container, whose own network is the boundary,
 * binds a wider address ({@code --bind 0.0.0.0} in docker-compose.yml). Why a pool per server: a
 * release that answers in 3 s must not occupy the threads of the router or of the admin API that
 * the runbook uses to roll it back.
 */
public final class LoopbackServer implements AutoCloseable {

  /** Numeric loopback address, so URLs never depend on how "localhost" resolves. */
  public static final String HOST = "127.0.0.1";

  private final HttpServer server;
  private final ExecutorService executor;
  private final String urlHost;
  private final AtomicBoolean closed = new AtomicBoolean();

  private LoopbackServer(HttpServer server, ExecutorService executor, String urlHost) {
    this.server = server;
    this.executor = executor;
    this.urlHost = urlHost;
  }

  /**
   * Binds {@code port} (0 = any free port) on 127.0.0.1 and starts serving every path with {@code handler}.
   *
   * @throws IOException with a message naming the address when the port cannot be bound
   */
  public static LoopbackServer start(String name, int port, int threads, HttpHandler handler)
      throws IOException {
    return start(name, HOST, port, threads, handler);
  }

  /**
   * Like {@link #start(String, int, int, HttpHandler)} on {@code bindAddress}, an IP literal.
   *
   * @throws IOException with a message naming the address when the port cannot be bound
   */
  public static LoopbackServer start(String name, String bindAddress, int port, int threads, HttpHandler handler)
      throws IOException {
    InetAddress host = InetAddress.getByName(bindAddress);
    HttpServer server;
    try {
      server = HttpServer.create(new InetSocketAddress(host, port), 256);
    } catch (BindException e) {
      throw new IOException("cannot listen on " + bindAddress + ":" + port + " for the " + name
          + ": " + e.getMessage() + " (is another sandbox running?)", e);
    }
    ExecutorService executor = Executors.newFixedThreadPool(threads, new NamedThreadFactory(name));
    server.setExecutor(executor);
    server.createContext("/", handler);
    server.start();
    return new LoopbackServer(server, executor, urlHost(host));
  }

  /** A wildcard address is reached through loopback from this host (the load generator does). */
  private static String urlHost(InetAddress host) {
    if (host.isAnyLocalAddress()) {
      return HOST;
    }
    return host instanceof Inet6Address ? "[" + host.getHostAddress() + "]" : host.getHostAddress();
  }

  /** The address the socket is bound to, as the JDK reports it. */
  public InetSocketAddress boundAddress() {
    return server.getAddress();
  }

  public int port() {
    return server.getAddress().getPort();
  }

  /** Base URL without a trailing slash, e.g. {@code http://127.0.0.1:41234}. */
  public String url() {
    return "http://" + urlHost + ":" + port();
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
