package dev.runbook.starter.deploy;

import dev.runbook.testkit.Command;
import dev.runbook.testkit.DebianPackages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Debian's docker-compose, unpacked into the build folder ({@link DebianPackages}). Its {@code
 * config} parses, validates against the compose schema, interpolates and prints the file as
 * compose would run it, without a Docker engine. Debian 12 ships compose 1.29 (Python 3: run
 * with the machine's /usr/bin/python3 and the unpacked libraries); a later Debian's Go binary
 * runs as it is.
 */
final class DockerCompose {
  private static final String PYTHON = "/usr/bin/python3";
  private final Path root;

  private DockerCompose(Path root) {
    this.root = root;
  }

  /** Unpacks docker-compose and the Python libraries it needs (the interpreter is the machine's). */
  static DockerCompose provision(Path buildDir) {
    Path root = new DebianPackages(buildDir.resolve("debian"))
        .unpack("docker-compose", name -> name.startsWith("python3-") && !name.equals("python3-minimal"));
    return new DockerCompose(root);
  }

  /** {@code docker-compose -f FILE config}: exit 0 and the resolved file, or the reason it is invalid. */
  Command.Result config(Path composeFile) {
    return run(composeFile.getParent(), List.of("-f", composeFile.toString(), "config"));
  }

  private Command.Result run(Path cwd, List<String> args) {
    Path tool = root.resolve("usr/bin/docker-compose");
    List<String> argv = new ArrayList<>();
    boolean python = isPythonScript(tool);
    if (python) {
      if (!Files.isExecutable(Path.of(PYTHON))) {
        throw new AssertionError("Debian's docker-compose is a Python 3 program and " + PYTHON
            + " is missing: install Debian's python3 (apt-get install python3)");
      }
      argv.addAll(List.of(PYTHON, "-s"));
    }
    argv.add(tool.toString());
    argv.addAll(args);
    String libraries = pythonPath();
    return Command.of(cwd, argv).withEnvironment(env -> {
      // nothing of the developer's Docker or compose settings may change what the file means
      env.keySet().removeIf(k -> k.startsWith("COMPOSE_") || k.startsWith("DOCKER_") || k.startsWith("PYTHON"));
      if (python) {
        env.put("PYTHONPATH", libraries);
      }
    }).run(Duration.ofMinutes(1));
  }

  /** The unpacked dist-packages first, then version directories such as usr/lib/python3.11 (distutils). */
  private String pythonPath() {
    Path lib = root.resolve("usr/lib");
    if (!Files.isDirectory(lib)) {
      return "";
    }
    try (Stream<Path> dirs = Files.list(lib)) {
      List<Path> paths = new ArrayList<>(List.of(lib.resolve("python3/dist-packages")));
      dirs.filter(d -> d.getFileName().toString().matches("python3\\.\\d+")).sorted().forEach(paths::add);
      return paths.stream().map(Path::toString).collect(Collectors.joining(":"));
    } catch (IOException e) {
      throw new AssertionError("cannot list " + lib, e);
    }
  }

  private static boolean isPythonScript(Path tool) {
    if (!Files.isRegularFile(tool)) {
      throw new AssertionError("the docker-compose package has no " + tool);
    }
    try (var in = Files.newInputStream(tool)) {
      String head = new String(in.readNBytes(64), java.nio.charset.StandardCharsets.ISO_8859_1);
      return head.startsWith("#!") && head.lines().findFirst().orElse("").contains("python");
    } catch (IOException e) {
      throw new AssertionError("cannot read " + tool, e);
    }
  }
}
