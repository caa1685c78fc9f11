package dev.runbook.starter.deploy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A tool from Debian's packages unpacked into the build folder, never installed on the machine:
 * the package and the dependencies {@code wanted} picks ({@code apt-cache depends --recurse}) are
 * fetched with {@code apt-get download} and unpacked with {@code dpkg -x}. The machine's package
 * lists are used when they know the packages; otherwise the lists are fetched into the build
 * folder ({@code apt-get update} with Dir::State::Lists and Dir::Cache there). A tool already
 * unpacked is reused. Anything missing fails the test with what to install, never a skip.
 */
public final class DebianPackages {
  private static final Duration APT_TIMEOUT = Duration.ofMinutes(3);
  private static final Pattern PACKAGE_NAME = Pattern.compile("[a-z0-9][a-z0-9+.-]+");

  private final Path dir;

  /** @param dir where package lists, downloads and unpacked tools go, e.g. target/debian */
  public DebianPackages(Path dir) {
    this.dir = dir.toAbsolutePath().normalize();
  }

  /**
   * Unpacks {@code pkg} and the dependencies {@code wanted} accepts into {@code <dir>/<pkg>/root}
   * and returns that root.
   */
  public Path unpack(String pkg, Predicate<String> wanted) {
    Path home = dir.resolve(pkg);
    Path root = home.resolve("root");
    Path done = home.resolve("unpacked.txt");
    if (Files.isRegularFile(done)) {
      return root;
    }
    requireTool("apt-get");
    requireTool("apt-cache");
    requireTool("dpkg");
    List<String> packages;
    Path debs = home.resolve("debs");
    try {
      deleteTree(home);
      Files.createDirectories(debs);
      List<String> privateLists = List.of();
      Command.Result fetched;
      packages = closure(pkg, wanted, privateLists);
      fetched = packages.isEmpty() ? null : download(packages, debs, privateLists);
      if (fetched == null || !fetched.ok()) { // the machine's lists are missing or stale: fetch our own
        privateLists = privateLists();
        packages = closure(pkg, wanted, privateLists);
        if (packages.isEmpty()) {
          throw new AssertionError("Debian's package lists do not know the package " + pkg);
        }
        fetched = download(packages, debs, privateLists);
        if (!fetched.ok()) {
          throw new AssertionError("cannot download " + packages + ": " + fetched.describe(List.of("apt-get download")));
        }
      }
      Files.createDirectories(root);
      try (Stream<Path> files = Files.list(debs)) {
        for (Path deb : files.filter(f -> f.toString().endsWith(".deb")).sorted().toList()) {
          Command.Result unpacked = Command.of(home, "dpkg", "-x", deb.toString(), root.toString()).run(APT_TIMEOUT);
          if (!unpacked.ok()) {
            throw new AssertionError(unpacked.describe(List.of("dpkg", "-x", deb.toString())));
          }
        }
      }
      Files.writeString(done, String.join("\n", packages) + "\n", StandardCharsets.UTF_8);
      return root;
    } catch (IOException e) {
      throw new AssertionError("cannot unpack " + pkg + " into " + home + ": " + e.getMessage(), e);
    }
  }

  /** {@code pkg} and its recursive dependencies that {@code wanted} accepts; empty when apt does not know it. */
  private List<String> closure(String pkg, Predicate<String> wanted, List<String> lists) {
    List<String> argv = new ArrayList<>(List.of("apt-cache"));
    argv.addAll(lists);
    argv.addAll(List.of("depends", "--recurse", "--no-recommends", "--no-suggests", "--no-conflicts",
        "--no-breaks", "--no-replaces", "--no-enhances", pkg));
    Command.Result result = Command.of(dir, argv).run(APT_TIMEOUT);
    if (!result.ok()) {
      return List.of();
    }
    TreeSet<String> names = new TreeSet<>();
    for (String line : result.out().split("\n")) {
      String name = line.strip();
      if (!line.startsWith(" ") && PACKAGE_NAME.matcher(name).matches() && (name.equals(pkg) || wanted.test(name))) {
        names.add(name);
      }
    }
    return names.contains(pkg) ? List.copyOf(names) : List.of();
  }

  private Command.Result download(List<String> packages, Path debs, List<String> lists) {
    List<String> argv = new ArrayList<>(List.of("apt-get", "-q"));
    argv.addAll(lists);
    argv.addAll(rootSandbox());
    argv.add("download");
    argv.addAll(packages);
    return Command.of(debs, argv).run(APT_TIMEOUT);
  }

  /** Package lists of our own under the build folder, fetched once; returns the apt options naming them. */
  private List<String> privateLists() throws IOException {
    Path lists = dir.resolve("apt/lists");
    Path cache = dir.resolve("apt/cache");
    List<String> options = List.of("-o", "Dir::State::Lists=" + lists, "-o", "Dir::Cache=" + cache);
    if (Files.isDirectory(lists) && hasPackagesFile(lists)) {
      return options;
    }
    Files.createDirectories(lists.resolve("partial"));
    Files.createDirectories(cache.resolve("archives/partial"));
    List<String> argv = new ArrayList<>(List.of("apt-get", "-q"));
    argv.addAll(options);
    argv.addAll(rootSandbox());
    argv.add("update");
    Command.Result update = Command.of(dir, argv).run(APT_TIMEOUT);
    if (!update.ok() || !hasPackagesFile(lists)) {
      throw new AssertionError("cannot fetch Debian's package lists into " + lists + ": " + update.describe(argv));
    }
    return options;
  }

  private static boolean hasPackagesFile(Path lists) throws IOException {
    try (Stream<Path> files = Files.list(lists)) {
      return files.anyMatch(f -> f.getFileName().toString().contains("_Packages"));
    }
  }

  /** As root, apt hands downloads to its unprivileged _apt user, who cannot write the build folder. */
  private static List<String> rootSandbox() {
    return "root".equals(System.getProperty("user.name")) ? List.of("-o", "APT::Sandbox::User=root") : List.of();
  }

  private static void requireTool(String tool) {
    boolean found = Stream.of(System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":"))
        .anyMatch(d -> Files.isExecutable(Path.of(d, tool)));
    if (!found) {
      throw new AssertionError(tool + " is not on PATH: the deploy-file tests unpack Debian packages with apt-get"
          + " and dpkg (a Debian or Ubuntu machine; see README \"Set up\")");
    }
  }

  private static void deleteTree(Path path) throws IOException {
    if (!Files.exists(path)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(path)) {
      for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
