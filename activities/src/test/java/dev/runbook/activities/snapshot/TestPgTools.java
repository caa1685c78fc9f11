package dev.runbook.activities.snapshot;

import dev.runbook.testkit.DebianPackages;
import java.nio.file.Path;

/**
 * The client tools the snapshot tests run: the machine's when they can read the server, else
 * Debian's postgresql-client-15 unpacked into target/debian (as the deploy-file tests provision
 * docker-compose). Anything missing fails the test with what to install; nothing is skipped.
 */
public final class TestPgTools {
  private TestPgTools() {}

  public static PgClientTools forServer(int serverMajor) {
    try {
      return PgClientTools.locate(PgClientTools.Search.machine(null), serverMajor);
    } catch (PgClientTools.Missing notOnMachine) {
      return PgClientTools.locate(new PgClientTools.Search(unpackedDebianClient(), "", null), serverMajor);
    }
  }

  /** Debian 12's client tools and their libpq, unpacked (never installed) under target/debian. */
  public static Path unpackedDebianClient() {
    Path root = new DebianPackages(Path.of("target/debian")).unpack("postgresql-client-15", "libpq5"::equals);
    return root.resolve("usr/lib/postgresql/15/bin");
  }
}
