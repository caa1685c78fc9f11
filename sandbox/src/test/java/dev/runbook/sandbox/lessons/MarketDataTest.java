package dev.runbook.sandbox.lessons;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runbook.lessons.model.LiveReference;
import dev.runbook.lessons.model.MarketField;
import dev.runbook.lessons.validation.ContentReport;
import dev.runbook.lessons.validation.LessonValidator;
import dev.runbook.lessons.validation.ValidationReport;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class MarketDataTest {

  private final MarketData market = MarketData.standard();

  @Test
  void carriesEveryFieldOfTwelveSymbolsAsPlainText() {
    assertThat(market.symbols()).containsExactly("AAPL", "MSFT", "TSLA", "PLUG", "GOOGL", "AMZN", "NVDA", "META",
        "JPM", "SPY", "KO", "BRK.B");
    for (String symbol : market.symbols()) {
      Arrays.stream(MarketField.values()).forEach(f ->
          assertThat(market.value(new LiveReference(symbol, f))).as(symbol + "." + f.yamlName()).isPresent());
    }
    assertThat(market.value(LiveReference.parse("AAPL.price").orElseThrow())).hasValue("189.84");
    assertThat(market.value(LiveReference.parse("MSFT.spread").orElseThrow())).hasValue("0.04");
    assertThat(market.value(LiveReference.parse("AAPL.change_percent").orElseThrow())).hasValue("1.28%");
    assertThat(market.value(LiveReference.parse("KO.change_percent").orElseThrow())).hasValue("-0.35%");
    assertThat(market.value(LiveReference.parse("TSLA.bid_size").orElseThrow())).hasValue("400");
    assertThat(market.value(LiveReference.parse("XYZQ.price").orElseThrow())).isEmpty();
  }

  @Test
  void everyShippedLessonRendersWithIt() {
    ContentReport content = LessonValidator.validateContent(Path.of("../lessons/content"));
    assertThat(content.reports()).hasSizeGreaterThanOrEqualTo(4);
    for (ValidationReport report : content.reports()) {
      LoadedLesson loaded = new LoadedLesson(report.requireValid(), null);
      assertThat(loaded.renderProblem(market)).as(report.file()).isEmpty();
    }
  }
}
