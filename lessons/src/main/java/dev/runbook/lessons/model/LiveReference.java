package dev.runbook.lessons.model;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A market-data value a live example shows, written {@code {symbol: AAPL, field: bid}} under a
 * section's {@code data} and {@code {{AAPL.bid}}} inside its text. Its canonical form is
 * {@code AAPL.bid}.
 *
 * <p>A symbol is an exchange ticker: 1 to 5 capital letters, optionally followed by a dot and a
 * one- or two-letter share class ({@code BRK.B}).
 */
public record LiveReference(String symbol, MarketField field) {
  public static final Pattern SYMBOL = Pattern.compile("[A-Z]{1,5}(?:\\.[A-Z]{1,2})?");
  /** A placeholder in section text: {@code {{...}}} with anything but braces inside. */
  public static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([^{}]*)}}");
  private static final Pattern CANONICAL = Pattern.compile("(.+)\\.([a-z_]+)");

  public LiveReference {
    Objects.requireNonNull(field, "field");
    if (symbol == null || !SYMBOL.matcher(symbol).matches()) {
      throw new IllegalArgumentException(symbolProblem(symbol));
    }
  }

  /** Parses the canonical form {@code AAPL.bid}; empty when it is not one. */
  public static Optional<LiveReference> parse(String text) {
    Matcher m = CANONICAL.matcher(text.trim());
    if (!m.matches() || !SYMBOL.matcher(m.group(1)).matches()) {
      return Optional.empty();
    }
    return MarketField.fromYaml(m.group(2)).map(f -> new LiveReference(m.group(1), f));
  }

  public static boolean isSymbol(String text) {
    return text != null && SYMBOL.matcher(text).matches();
  }

  public static String symbolProblem(String symbol) {
    return "symbol '" + symbol + "' is not a ticker: expected 1-5 capital letters with an optional"
        + " class suffix, such as AAPL or BRK.B";
  }

  /** How the reference is written inside section text. */
  public String placeholder() {
    return "{{" + this + "}}";
  }

  @Override
  public String toString() {
    return symbol + "." + field.yamlName();
  }
}
