package dev.runbook.starter.demo;

import dev.runbook.starter.run.LessonSource;
import dev.runbook.workflows.api.Outcome;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * The lesson part of the demo: the three lessons published as learners first saw them (the 1.x
 * version of stock_basics_001 from the repository's archive, and 1.0.0 of the other two, shipped
 * as fixtures in this jar), then today's content from lessons/content as a patch, a minor and a
 * major update. Every file is read and checked when the script is loaded, before any stack starts.
 */
public final class LessonScript {
  /** Where the fixtures sit on the classpath (starter/src/main/resources/demo/lessons). */
  static final String FIXTURES = "demo/lessons/";

  private final List<DemoStep> firstReleases;
  private final List<DemoStep> updates;

  private LessonScript(List<DemoStep> firstReleases, List<DemoStep> updates) {
    this.firstReleases = firstReleases;
    this.updates = updates;
  }

  /** Reads the lessons from the repository at {@code home} and the fixtures; an invalid one is bad input (64). */
  public static LessonScript load(Path home) {
    Path content = home.resolve("lessons/content");
    return new LessonScript(
        List.of(
            step(LessonSource.read(content.resolve("archive/1/01_understanding_stock_prices.yaml")), "first release"),
            step(fixture("02_bid_ask_spread.yaml"), "first release"),
            step(fixture("03_market_makers.yaml"), "first release")),
        List.of(
            step(LessonSource.read(content.resolve("03_market_makers.yaml")), "patch"),
            step(LessonSource.read(content.resolve("02_bid_ask_spread.yaml")), "minor"),
            step(LessonSource.read(content.resolve("01_understanding_stock_prices.yaml")), "major")));
  }

  /** The lessons as learners first saw them: published before the code deploys so learners start them meanwhile. */
  List<DemoStep> firstReleases() {
    return firstReleases;
  }

  /** A patch (no notification), a minor ("Updated" badge) and a major (flag 10% → 50% → 100%), in that order. */
  List<DemoStep> updates() {
    return updates;
  }

  /** A lesson-update step that should succeed; {@code kind} is what its version bump is, for the demo's lines. */
  private static DemoStep step(LessonSource source, String kind) {
    var spec = source.runSpec(Demo.ENVIRONMENT, Demo.REQUESTER, null);
    return new DemoStep(spec.service() + " " + spec.version() + " (" + kind + ")", spec, Outcome.SUCCEEDED);
  }

  /** A fixture from this jar. */
  static LessonSource fixture(String name) {
    String resource = FIXTURES + name;
    try (InputStream in = LessonScript.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("the demo fixture " + resource + " is missing from the runbook jar");
      }
      return new LessonSource(resource, new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the demo fixture " + resource, e);
    }
  }
}
