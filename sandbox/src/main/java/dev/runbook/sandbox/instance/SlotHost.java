package dev.runbook.sandbox.instance;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import dev.runbook.sandbox.http.LoopbackServer;
import dev.runbook.sandbox.support.NamedThreadFactory;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One loopback HTTP server and one set of threads for every slot of the sandbox: each slot is a
 * path prefix ({@code /slots/learning-api/green/3}), mounted when it starts and removed when it
 * stops. A slot's planned latency is a scheduled answer, not a sleeping thread, so a slow release
 * costs no thread per request and the whole sandbox runs in a bounded number of threads whatever
 * the number of services (a server and a pool per slot took 33 threads a slot).
 */
public final class SlotHost implements AutoCloseable {
  /** Threads that read requests and write answers; none of them waits. */
  static final int HANDLER_THREADS = 8;
  /** Threads that fire delayed answers. */
  static final int ANSWER_THREADS = 2;

  private final HttpServer server;
  private final ThreadPoolExecutor handlers;
  private final ScheduledThreadPoolExecutor answers;

  private SlotHost(HttpServer server, ThreadPoolExecutor handlers, ScheduledThreadPoolExecutor answers) {
    this.server = server;
    this.handlers = handlers;
    this.answers = answers;
  }

  /** Binds an ephemeral port on 127.0.0.1 and starts serving (nothing mounted yet). */
  public static SlotHost start() throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getByName(LoopbackServer.HOST), 0), 1024);
    ThreadPoolExecutor handlers = new ThreadPoolExecutor(HANDLER_THREADS, HANDLER_THREADS, 30, TimeUnit.SECONDS,
        new LinkedBlockingQueue<>(), new NamedThreadFactory("slot-http"));
    handlers.allowCoreThreadTimeOut(true);
    ScheduledThreadPoolExecutor answers = new ScheduledThreadPoolExecutor(ANSWER_THREADS,
        new NamedThreadFactory("slot-answer"));
    answers.setRemoveOnCancelPolicy(true);
    server.setExecutor(handlers);
    server.start();
    return new SlotHost(server, handlers, answers);
  }

  /** Serves {@code handler} under {@code path}; returns the slot's base URL. */
  String mount(String path, HttpHandler handler) {
    server.createContext(path + "/", handler);
    return "http://" + LoopbackServer.HOST + ":" + server.getAddress().getPort() + path;
  }

  void unmount(String path) {
    try {
      server.removeContext(path + "/");
    } catch (IllegalArgumentException alreadyGone) {
      // idempotent
    }
  }

  ScheduledExecutorService answers() {
    return answers;
  }

  @Override
  public void close() {
    server.stop(0);
    answers.shutdownNow();
    handlers.shutdownNow();
  }
}
