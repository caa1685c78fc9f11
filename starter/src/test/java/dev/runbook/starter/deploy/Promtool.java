package dev.runbook.starter.deploy;

import dev.runbook.testkit.Command;
import dev.runbook.testkit.DebianPackages;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Debian's prometheus package (Prometheus and promtool, static Go binaries) unpacked into the
 * build folder by {@link DebianPackages}: nothing else of the package's dependencies is needed to
 * check files or to serve the HTTP API.
 */
public final class Promtool {
  private final Path root;

  private Promtool(Path root) {
    this.root = root;
  }

  /** Unpacks the package under {@code <buildDir>/debian/prometheus/root} (reused once there). */
  public static Promtool provision(Path buildDir) {
    return new Promtool(new DebianPackages(buildDir.resolve("debian")).unpack("prometheus", name -> false));
  }

  /** The unpacked Prometheus server binary. */
  public Path prometheus() {
    return root.resolve("usr/bin/prometheus");
  }

  /** {@code promtool ARGS} in {@code cwd}: its exit code and output. */
  Command.Result run(Path cwd, String... args) {
    List<String> argv = new ArrayList<>(List.of(root.resolve("usr/bin/promtool").toString()));
    argv.addAll(List.of(args));
    return Command.of(cwd, argv).run(Duration.ofMinutes(1));
  }
}
