package dev.runbook.lessons.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.runbook.lessons.model.Lesson;
import dev.runbook.lessons.model.LiveReference;
import dev.runbook.lessons.model.MarketField;
import dev.runbook.lessons.validation.LessonValidator;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LessonRendererTest {
  private static final Lesson LESSON =
      LessonValidator.validate(Path.of("src/test/resources/valid/reading_a_quote.yaml")).requireValid();

  @Test
  void rendersTheLessonAsALearnerSeesItWithPlaceholders() {
    assertThat(LessonRenderer.render(LESSON)).isEqualTo("""
        Reading a Quote
        ===============
        Version 1.1.0 - fundamentals

        Introduction
        ------------
        A quote shows what buyers offer and what sellers ask.

        Live example
        ------------
        Right now Apple is bid at [AAPL.bid]
        and offered at [AAPL.ask].

        Quiz
        ----
        1. Who posts the bid? (10 XP)
           1) A buyer
           2) A seller

        2. Who posts the ask? (5 XP)
           1) A buyer
           2) A seller

        Up to 15 XP
        """);
  }

  @Test
  void fillsLiveValuesFromMarketData() {
    Map<LiveReference, String> quotes = Map.of(
        new LiveReference("AAPL", MarketField.BID), "$189.10",
        new LiveReference("AAPL", MarketField.ASK), "$189.12");

    String text = LessonRenderer.render(LESSON, ref -> Optional.ofNullable(quotes.get(ref)));

    assertThat(text).contains("Right now Apple is bid at $189.10\nand offered at $189.12.\n");
  }

  @Test
  void missingMarketDataFailsTheRenderNamingWhatIsMissing() {
    assertThatThrownBy(() -> LessonRenderer.render(LESSON,
        ref -> ref.field() == MarketField.BID ? Optional.of("1") : Optional.empty()))
        .isInstanceOf(MissingMarketDataException.class)
        .hasMessage("lesson reading_a_quote 1.1.0 references market data that is missing: [AAPL.ask]");
  }
}
