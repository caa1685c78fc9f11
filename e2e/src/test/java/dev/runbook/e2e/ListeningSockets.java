package dev.runbook.e2e;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The TCP sockets a process (and its children) listens on, read from the kernel: socket inodes
 * from /proc/PID/fd, local addresses from /proc/net/tcp and /proc/net/tcp6. Whatever a library
 * binds behind our back shows up here, not only the ports we asked for.
 */
final class ListeningSockets {
  private static final String LISTEN = "0A";

  private ListeningSockets() {}

  /** A listening socket of {@code process}. */
  record Listener(String process, long pid, InetSocketAddress address) {}

  /**
   * Every listening socket held by {@code pids} (role to pid) or their descendants, each credited
   * to its nearest role (the CLI JVM is the worker's and the sandbox's parent).
   */
  static List<Listener> of(Map<String, Long> pids) throws IOException {
    Map<Long, String> roles = new HashMap<>();
    pids.forEach((role, pid) -> roles.put(pid, role));
    Map<Long, String> owners = new java.util.TreeMap<>();
    for (long pid : pids.values()) {
      owners.put(pid, roles.get(pid));
      ProcessHandle.of(pid).ifPresent(p -> p.descendants().forEach(d -> owners.put(d.pid(), nearestRole(d, roles))));
    }
    Map<Long, InetSocketAddress> listening = listening();
    List<Listener> out = new ArrayList<>();
    Set<Long> seen = new HashSet<>();
    owners.forEach((pid, role) -> {
      for (long inode : socketInodes(pid)) {
        InetSocketAddress address = listening.get(inode);
        if (address != null && seen.add(inode)) {
          out.add(new Listener(role, pid, address));
        }
      }
    });
    return out;
  }

  private static String nearestRole(ProcessHandle process, Map<Long, String> roles) {
    for (ProcessHandle p = process; p != null; p = p.parent().orElse(null)) {
      String role = roles.get(p.pid());
      if (role != null) {
        return role;
      }
    }
    throw new AssertionError("pid " + process.pid() + " has no role among " + roles);
  }

  /** Socket inodes open in {@code pid}; none when it is gone or its fds cannot be read. */
  private static Set<Long> socketInodes(long pid) {
    Set<Long> inodes = new HashSet<>();
    try (Stream<Path> fds = Files.list(Path.of("/proc", String.valueOf(pid), "fd"))) {
      for (Path fd : fds.toList()) {
        try {
          String target = Files.readSymbolicLink(fd).toString();
          if (target.startsWith("socket:[")) {
            inodes.add(Long.parseLong(target.substring(8, target.length() - 1)));
          }
        } catch (IOException closedMeanwhile) {
          // the fd was closed between list and read
        }
      }
    } catch (IOException gone) {
      return inodes;
    }
    return inodes;
  }

  /** Inode to local address of every listening TCP socket on this machine. */
  private static Map<Long, InetSocketAddress> listening() throws IOException {
    Map<Long, InetSocketAddress> out = new HashMap<>();
    for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
      Path file = Path.of(table);
      if (!Files.exists(file)) {
        continue;
      }
      List<String> lines = Files.readAllLines(file);
      for (String line : lines.subList(1, lines.size())) {
        String[] f = line.trim().split("\\s+");
        if (LISTEN.equals(f[3])) {
          out.put(Long.parseLong(f[9]), address(f[1]));
        }
      }
    }
    return out;
  }

  /** "0100007F:1C41" (IPv4, or 32 hex digits of IPv6), each 32-bit word in little-endian order. */
  static InetSocketAddress address(String hex) throws IOException {
    int colon = hex.indexOf(':');
    String ip = hex.substring(0, colon);
    byte[] bytes = new byte[ip.length() / 2];
    for (int word = 0; word < bytes.length / 4; word++) {
      for (int b = 0; b < 4; b++) {
        int at = (word * 4 + (3 - b)) * 2;
        bytes[word * 4 + b] = (byte) Integer.parseInt(ip.substring(at, at + 2), 16);
      }
    }
    return new InetSocketAddress(InetAddress.getByAddress(bytes), Integer.parseInt(hex.substring(colon + 1), 16));
  }
}
