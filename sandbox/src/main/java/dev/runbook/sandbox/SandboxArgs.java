package dev.runbook.sandbox;

import dev.runbook.sandbox.lessons.LearnerOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Parses the sandbox command line into {@link SandboxOptions}. Hand-written because a dozen flags do
 * not justify a CLI library in a process that launchers start often.
 */
final class SandboxArgs {

  static final String USAGE = String.join("\n",
      "Usage: java -jar sandbox-exec.jar [--port N] [--router-port N] [--bind IP] [--catalog FILE] [--no-load] [--seed N]",
      "         [--admin-delay-ms N] [--platform-db-url JDBC_URL [--platform-db-user U] [--platform-db-password P]",
      "         [--platform-db-schema S] [--learner-sessions-per-second N]] [--extra-services N]",
      "         [--environments dev,staging,production]",
      "",
      "  --port N          admin API port (default 7300, 0 = any free port)",
      "  --router-port N   weighted router port (default 7301, 0 = any free port)",
      "  --bind IP         address the admin API and router listen on (default 127.0.0.1;",
      "                    0.0.0.0 only inside a container, whose network is the boundary)",
      "  --catalog FILE    release catalog YAML (default: the catalog shipped in the jar)",
      "  --no-load         do not send background traffic",
      "  --seed N          seed all simulated chance, for reproducible runs",
      "  --admin-delay-ms N  every changing admin call waits N ms first (a slow platform API)",
      "  --platform-db-url JDBC_URL  serve lessons from the platform lesson store to simulated",
      "                    learners, e.g. jdbc:postgresql://127.0.0.1:54329/postgres (default: off)",
      "  --platform-db-user U      database user (default postgres)",
      "  --platform-db-password P  database password (default empty)",
      "  --platform-db-schema S    schema of the lesson store (default platform)",
      "  --learner-sessions-per-second N  learner sessions per second (default 100, 0 = none)",
      "  --extra-services N  add N quiet services svc-0001... (learning-api's releases, no load)",
      "  -h, --help        show this help",
      "",
      "Prints 'sandbox ready admin=URL router=URL' on stdout once it serves; stop it with",
      "POST /api/shutdown or SIGTERM.");

  private SandboxArgs() {}

  static boolean wantsHelp(String[] args) {
    return List.of(args).contains("--help") || List.of(args).contains("-h");
  }

  static SandboxOptions parse(String[] args) throws UsageException {
    SandboxOptions options = SandboxOptions.defaults();
    LearnerOptions learners = options.learners();
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      String inline = null;
      int eq = arg.indexOf('=');
      if (arg.startsWith("--") && eq > 0) {
        inline = arg.substring(eq + 1);
        arg = arg.substring(0, eq);
      }
      switch (arg) {
        case "--port" -> options = options.withPorts(
            port(arg, inline != null ? inline : value(args, ++i, arg)), options.routerPort());
        case "--router-port" -> options = options.withPorts(
            options.adminPort(), port(arg, inline != null ? inline : value(args, ++i, arg)));
        case "--catalog" -> {
          Path file = Path.of(inline != null ? inline : value(args, ++i, arg));
          if (!Files.isRegularFile(file)) {
            throw new UsageException("--catalog " + file + ": no such file");
          }
          options = options.withCatalog(file);
        }
        case "--bind" -> {
          String address = inline != null ? inline : value(args, ++i, arg);
          try {
            options = options.withBindAddress(address);
          } catch (IllegalArgumentException e) {
            throw new UsageException("--bind: " + e.getMessage());
          }
        }
        case "--no-load" -> options = options.withLoad(false);
        case "--seed" -> options = options.withSeed(
            number(arg, inline != null ? inline : value(args, ++i, arg)));
        case "--admin-delay-ms" -> options = options.withAdminDelay(
            number(arg, inline != null ? inline : value(args, ++i, arg)));
        case "--extra-services" -> {
          long count = number(arg, inline != null ? inline : value(args, ++i, arg));
          if (count < 0 || count > 9_999) {
            throw new UsageException("--extra-services must be from 0 to 9999, got " + count);
          }
          options = options.withExtraServices((int) count);
        }
        case "--platform-db-url" -> {
          String url = inline != null ? inline : value(args, ++i, arg);
          learners = learner(arg, l -> l.withDbUrl(url), learners);
        }
        case "--platform-db-user" -> {
          String user = inline != null ? inline : value(args, ++i, arg);
          learners = learner(arg, l -> l.withDbUser(user), learners);
        }
        case "--platform-db-password" -> {
          String password = inline != null ? inline : rawValue(args, ++i, arg);
          learners = learner(arg, l -> l.withDbPassword(password), learners);
        }
        case "--platform-db-schema" -> {
          String schema = inline != null ? inline : value(args, ++i, arg);
          learners = learner(arg, l -> l.withDbSchema(schema), learners);
        }
        case "--learner-sessions-per-second" -> {
          // Clamped into int range so the record's range check reports any out-of-range value.
          int rate = (int) Math.max(Integer.MIN_VALUE,
              Math.min(Integer.MAX_VALUE, number(arg, inline != null ? inline : value(args, ++i, arg))));
          learners = learner(arg, l -> l.withSessionsPerSecond(rate), learners);
        }
        default -> throw new UsageException("unknown argument '" + args[i] + "'");
      }
    }
    if (options.adminPort() != 0 && options.adminPort() == options.routerPort()) {
      throw new UsageException("--port and --router-port must differ, both are " + options.adminPort());
    }
    return options.withLearners(learners);
  }

  /** Applies one learner flag; the options record's refusal becomes a usage message naming the flag. */
  private static LearnerOptions learner(String flag, UnaryOperator<LearnerOptions> change, LearnerOptions current)
      throws UsageException {
    try {
      return change.apply(current);
    } catch (IllegalArgumentException e) {
      throw new UsageException(flag + ": " + e.getMessage());
    }
  }

  private static String value(String[] args, int index, String flag) throws UsageException {
    if (index >= args.length || args[index].startsWith("--")) {
      throw new UsageException(flag + " needs a value");
    }
    return args[index];
  }

  /** A value that may legitimately look like a flag or be empty (a password). */
  private static String rawValue(String[] args, int index, String flag) throws UsageException {
    if (index >= args.length) {
      throw new UsageException(flag + " needs a value");
    }
    return args[index];
  }

  private static int port(String flag, String raw) throws UsageException {
    long value = number(flag, raw);
    if (value < 0 || value > 65_535) {
      throw new UsageException(flag + " must be a port from 0 to 65535, got " + raw);
    }
    return (int) value;
  }

  private static long number(String flag, String raw) throws UsageException {
    try {
      return Long.parseLong(raw.trim());
    } catch (NumberFormatException e) {
      throw new UsageException(flag + " must be a whole number, got '" + raw + "'");
    }
  }
}
