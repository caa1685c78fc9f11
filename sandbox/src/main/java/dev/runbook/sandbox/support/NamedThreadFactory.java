package dev.runbook.sandbox.support;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Daemon threads with a readable name ({@code sandbox-router-3}).
 *
 * <p>Daemon, because the sandbox is also embedded in test JVMs and must never keep one alive; named,
 * because a thread dump of a stuck runbook test should say which sandbox part owns a thread.
 */
public final class NamedThreadFactory implements ThreadFactory {

  private final String prefix;
  private final AtomicInteger next = new AtomicInteger(1);

  public NamedThreadFactory(String prefix) {
    this.prefix = prefix;
  }

  @Override
  public Thread newThread(Runnable task) {
    Thread thread = new Thread(task, prefix + "-" + next.getAndIncrement());
    thread.setDaemon(true);
    return thread;
  }
}
