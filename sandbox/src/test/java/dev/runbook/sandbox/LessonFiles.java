package dev.runbook.sandbox;

/** The lesson versions the tests publish: the shipped files, and one broken on purpose. */
final class LessonFiles {

  static final String STOCK_PRICES = "stock_basics_001";
  static final String SPREAD = "stock_basics_002";
  static final String MARKET_MAKERS = "stock_basics_003";

  private LessonFiles() {}

  /** stock_basics_001 1.1.0, the archived last 1.x version. */
  static String stockPricesV1() {
    return PlatformStoreFixture.lessonFile("archive/1/01_understanding_stock_prices.yaml");
  }

  /** stock_basics_001 2.0.0, the current file. */
  static String stockPricesV2() {
    return PlatformStoreFixture.lessonFile("01_understanding_stock_prices.yaml");
  }

  /** stock_basics_002 1.1.0. */
  static String spread() {
    return PlatformStoreFixture.lessonFile("02_bid_ask_spread.yaml");
  }

  /** stock_basics_003 1.0.1. */
  static String marketMakers() {
    return PlatformStoreFixture.lessonFile("03_market_makers.yaml");
  }

  /**
   * stock_basics_003 2.0.0: a valid lesson (it passes validation, so only the platform can catch it)
   * whose live example shows XYZQ's price, a symbol the market-data feed does not carry.
   */
  static String marketMakersUnknownSymbolV2() {
    String yaml = marketMakers()
        .replace("version: \"1.0.1\"\ntitle", "version: \"2.0.0\"\ntitle")
        .replace("  - version: \"1.0.1\"\n", "  - version: \"2.0.0\"\n")
        .replace("{symbol: TSLA, field: bid}", "{symbol: XYZQ, field: price}")
        .replace("{{TSLA.bid}}", "{{XYZQ.price}}");
    if (!yaml.contains("{{XYZQ.price}}") || !yaml.contains("version: \"2.0.0\"\ntitle")) {
      throw new IllegalStateException("03_market_makers.yaml changed; adapt the broken fixture");
    }
    return yaml;
  }
}
