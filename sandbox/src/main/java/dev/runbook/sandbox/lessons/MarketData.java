package dev.runbook.sandbox.lessons;

import dev.runbook.lessons.model.LiveReference;
import dev.runbook.lessons.model.MarketField;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The platform's market-data feed, in memory: a fixed set of symbols with every {@link MarketField}.
 * Static on purpose: a lesson's render outcome then depends only on which symbols it references,
 * so a version that references a symbol not listed here fails for every learner (that is how a bad
 * lesson shows up in the numbers), and a good one never fails by chance.
 */
public final class MarketData {

  private final Map<String, Quote> quotes = new LinkedHashMap<>();

  private MarketData(List<Quote> list) {
    list.forEach(q -> quotes.put(q.symbol(), q));
  }

  /** The feed the sandbox serves: twelve well-known US symbols. */
  public static MarketData standard() {
    return new MarketData(List.of(
        quote("AAPL", "189.84", "189.83", "189.85", 300, 500, 48_213_577, "187.15", "190.32", "186.90", "187.44"),
        quote("MSFT", "415.26", "415.24", "415.28", 200, 300, 19_874_210, "412.00", "416.80", "411.35", "411.65"),
        quote("TSLA", "251.12", "251.08", "251.16", 400, 600, 97_532_118, "247.50", "253.99", "246.10", "248.48"),
        quote("PLUG", "3.47", "3.45", "3.49", 12_000, 9_500, 31_205_900, "3.52", "3.58", "3.41", "3.55"),
        quote("GOOGL", "171.63", "171.61", "171.65", 300, 200, 22_418_006, "170.10", "172.44", "169.87", "170.25"),
        quote("AMZN", "186.49", "186.47", "186.51", 500, 400, 38_946_352, "185.02", "187.70", "184.61", "184.95"),
        quote("NVDA", "131.38", "131.37", "131.39", 900, 1_100, 221_457_860, "128.90", "132.25", "128.31", "129.61"),
        quote("META", "563.09", "563.02", "563.16", 100, 200, 11_327_445, "558.40", "566.15", "556.92", "559.14"),
        quote("JPM", "222.71", "222.69", "222.74", 200, 300, 8_452_391, "221.30", "223.45", "220.88", "221.52"),
        quote("SPY", "588.26", "588.25", "588.27", 1_500, 1_800, 45_127_900, "585.90", "589.48", "585.12", "586.28"),
        quote("KO", "62.84", "62.83", "62.85", 2_000, 1_700, 12_904_318, "63.10", "63.22", "62.51", "63.06"),
        quote("BRK.B", "472.15", "472.05", "472.25", 100, 100, 3_154_207, "470.80", "473.90", "469.66", "470.41")));
  }

  private static Quote quote(String symbol, String price, String bid, String ask, long bidSize, long askSize,
      long volume, String open, String high, String low, String previousClose) {
    return new Quote(symbol, new BigDecimal(price), new BigDecimal(bid), new BigDecimal(ask), bidSize, askSize,
        volume, new BigDecimal(open), new BigDecimal(high), new BigDecimal(low), new BigDecimal(previousClose));
  }

  /** The value a live example shows for {@code ref}; empty for a symbol the feed does not carry. */
  public Optional<String> value(LiveReference ref) {
    return Optional.ofNullable(quotes.get(ref.symbol())).map(q -> q.format(ref.field()));
  }

  public List<String> symbols() {
    return List.copyOf(quotes.keySet());
  }

  /** What {@code GET /api/market} answers: the symbols, the fields and every formatted value. */
  public Map<String, Object> describe() {
    Map<String, Map<String, String>> values = new LinkedHashMap<>();
    quotes.forEach((symbol, q) -> {
      Map<String, String> fields = new LinkedHashMap<>();
      Arrays.stream(MarketField.values()).forEach(f -> fields.put(f.yamlName(), q.format(f)));
      values.put(symbol, fields);
    });
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("symbols", symbols());
    out.put("fields", Arrays.stream(MarketField.values()).map(MarketField::yamlName).toList());
    out.put("quotes", values);
    return out;
  }
}
