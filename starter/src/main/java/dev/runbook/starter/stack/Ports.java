package dev.runbook.starter.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Loopback ports. */
final class Ports {
  private Ports() {}

  /** A port free right now (the OS picks it); a small race with other processes is accepted. */
  static int free() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free port", e);
    }
  }

  /** {@code port}, or a free one when 0. */
  static int orFree(int port) {
    return port == 0 ? free() : port;
  }
}
