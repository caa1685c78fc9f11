package dev.runbook.sandbox.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatalogLoaderTest {

  private final CatalogLoader loader = new CatalogLoader();

  @Test
  void shippedCatalogHasTheReleasesTheRunbooksRelyOn() {
    Catalog catalog = loader.loadDefault();

    assertThat(catalog.services()).containsKeys("learning-api", "web", "bot");
    ServiceSpec api = catalog.service("learning-api").orElseThrow();
    assertThat(api.live()).isEqualTo("v1.5.0");
    assertThat(api.rps()).isEqualTo(40);
    assertThat(api.versions()).startsWith("v1.5.0", "v1.5.1")
        .contains("v1.6.0", "v1.6.1", "v1.6.2", "v1.6.3");
    assertThat(api.release("v1.6.0").orElseThrow().errorRate()).isEqualTo(0.20);
    assertThat(api.release("v1.6.1").orElseThrow().p95Ms()).isEqualTo(3000);
    ReleaseSpec down = api.release("v1.6.2").orElseThrow();
    assertThat(down.healthy()).isFalse();
    assertThat(down.errorRate()).isZero();
    assertThat(down.p50Ms()).isEqualTo(CatalogLoader.DEFAULT_P50_MS);
    assertThat(api.release("v1.6.3").orElseThrow().complaintRate()).isPositive();
    assertThat(catalog.service("web").orElseThrow().releases()).hasSizeGreaterThanOrEqualTo(2);
    assertThat(catalog.service("bot").orElseThrow().releases()).hasSizeGreaterThanOrEqualTo(2);
  }

  @Test
  void defaultsApplyAndAMissingPercentileIsDerivedFromTheOther() {
    Catalog catalog = loader.parse("""
        services:
          svc:
            live: v1
            releases:
              v1:
              v2: { p50Ms: 200 }
              v3: { p95Ms: 30 }
        """, "test");

    ServiceSpec svc = catalog.service("svc").orElseThrow();
    assertThat(svc.rps()).isEqualTo(CatalogLoader.DEFAULT_RPS);
    assertThat(svc.release("v1").orElseThrow())
        .isEqualTo(new ReleaseSpec("v1", true, 0, CatalogLoader.DEFAULT_P50_MS, CatalogLoader.DEFAULT_P95_MS, 0));
    assertThat(svc.release("v2").orElseThrow().p95Ms()).isEqualTo(600);
    assertThat(svc.release("v3").orElseThrow().p50Ms()).isEqualTo(10);
  }

  @Test
  void reportsEveryProblemWithItsPath() {
    assertThatThrownBy(() -> loader.parse("""
        services:
          learning-api:
            live: v9
            rpss: 3
            instances: 0
            releases:
              v1: { errorRate: 1.5, p50Ms: -1, p95Ms: 10, colour: blue }
              v2: { p50Ms: 100, p95Ms: 50, complaintRate: -0.1, healthy: maybe }
              v3: { errorRate: "lots" }
        """, "test.yaml"))
        .isInstanceOfSatisfying(CatalogException.class, e -> assertThat(e.problems()).containsExactlyInAnyOrder(
            "services.learning-api.rpss is not a known key (known: instances, live, releases, rps)",
            "services.learning-api.instances must be a whole number from 1 to 20, got 0",
            "services.learning-api.releases.v1.colour is not a known key"
                + " (known: complaintRate, errorRate, healthy, p50Ms, p95Ms)",
            "services.learning-api.releases.v1.errorRate must be between 0 and 1, got 1.5",
            "services.learning-api.releases.v1.p50Ms must be 0 or more, got -1.0",
            "services.learning-api.releases.v2.healthy must be true or false, got 'maybe'",
            "services.learning-api.releases.v2.complaintRate must be between 0 and 1, got -0.1",
            "services.learning-api.releases.v2.p95Ms (50.0) must not be below p50Ms (100.0)",
            "services.learning-api.releases.v3.errorRate must be a number, got 'lots'",
            "services.learning-api.live is 'v9' but the releases are [v1, v2, v3]"))
        .hasMessageStartingWith("release catalog test.yaml is invalid:");
  }

  @Test
  void rejectsStructuralMistakes() {
    assertThatThrownBy(() -> loader.parse("servicez: {}", "t"))
        .hasMessageContaining("servicez is not a known key")
        .hasMessageContaining("services is missing");
    assertThatThrownBy(() -> loader.parse("services: {}", "t"))
        .hasMessageContaining("at least one service is required");
    assertThatThrownBy(() -> loader.parse("services:\n  Bad_Name:\n    live: v1\n    releases: { v1: {} }\n", "t"))
        .hasMessageContaining("services.Bad_Name: service names use lowercase letters, digits and dashes");
    assertThatThrownBy(() -> loader.parse("services:\n  a:\n    releases: { v1: {} }\n", "t"))
        .hasMessageContaining("services.a.live is required");
    assertThatThrownBy(() -> loader.parse("services:\n  a:\n    live: v1\n    rps: -2\n    releases: { v1: 3 }\n", "t"))
        .hasMessageContaining("services.a.rps must be 0 or more")
        .hasMessageContaining("services.a.releases.v1 must be a mapping, got '3'");
    assertThatThrownBy(() -> loader.parse("services: [a, b", "t"))
        .hasMessageContaining("not valid YAML");
  }

  @Test
  void refusesYamlTagsThatWouldConstructObjects() {
    assertThatThrownBy(() -> loader.parse("services: !!java.util.Date {}", "t"))
        .isInstanceOf(CatalogException.class);
  }

  @Test
  void loadsAFileAndNamesAMissingOne(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("catalog.yaml");
    Files.writeString(file, "services:\n  a:\n    live: v1\n    releases: { v1: { healthy: false } }\n");

    assertThat(loader.load(file).service("a").orElseThrow().release("v1").orElseThrow().healthy()).isFalse();
    assertThatThrownBy(() -> loader.load(dir.resolve("nope.yaml")))
        .hasMessageContaining("nope.yaml is invalid")
        .hasMessageContaining("file does not exist");
  }
}
