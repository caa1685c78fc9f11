package dev.runbook.worker;

import dev.runbook.activities.lessons.PlatformSchema;
import dev.runbook.sandbox.Sandbox;
import dev.runbook.sandbox.SandboxOptions;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.springframework.test.context.DynamicPropertyRegistry;

/** The real peers a worker test runs against: embedded Postgres, the sandbox, plain HTTP GETs. */
final class LocalPeers {
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private LocalPeers() {}

  /** Postgres with the platform schema deployed, as the platform's own deploy does before a worker runs. */
  static EmbeddedPostgres startPostgres() {
    try {
      EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
      PlatformSchema.migrate(postgres.getPostgresDatabase());
      return postgres;
    } catch (IOException e) {
      throw new IllegalStateException("embedded Postgres did not start", e);
    }
  }

  /** The sandbox with its catalog and {@code quietServices} quiet ones (svc-0001..., no load). */
  static Sandbox startSandbox(int quietServices) {
    try {
      return Sandbox.start(SandboxOptions.ephemeral().withExtraServices(quietServices));
    } catch (IOException e) {
      throw new IllegalStateException("sandbox did not start", e);
    }
  }

  /** Points the worker under test at these peers (its datasource and sandbox). */
  static void register(DynamicPropertyRegistry registry, EmbeddedPostgres postgres, Sandbox sandbox) {
    registry.add("spring.datasource.url", () -> postgres.getJdbcUrl("postgres", "postgres"));
    registry.add("spring.datasource.username", () -> "postgres");
    registry.add("spring.datasource.password", () -> "");
    registry.add("runbook.sandbox-url", sandbox::adminUrl);
  }

  /** The body of {@code GET url}. */
  static String get(String url) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString()).body();
  }
}
