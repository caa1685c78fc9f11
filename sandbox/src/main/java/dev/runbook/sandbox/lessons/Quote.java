package dev.runbook.sandbox.lessons;

import dev.runbook.lessons.model.MarketField;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * One symbol's quote, as a live example shows it. Prices have two decimals, sizes and volume are
 * whole numbers, the change is a percentage with two decimals and a % sign: plain text a learner
 * reads, not a wire format.
 */
public record Quote(String symbol, BigDecimal price, BigDecimal bid, BigDecimal ask, long bidSize, long askSize,
    long volume, BigDecimal open, BigDecimal high, BigDecimal low, BigDecimal previousClose) {

  /** The value of {@code field}, formatted for a lesson text. */
  public String format(MarketField field) {
    return switch (field) {
      case PRICE -> money(price);
      case BID -> money(bid);
      case ASK -> money(ask);
      case BID_SIZE -> Long.toString(bidSize);
      case ASK_SIZE -> Long.toString(askSize);
      case SPREAD -> money(ask.subtract(bid));
      case VOLUME -> Long.toString(volume);
      case OPEN -> money(open);
      case HIGH -> money(high);
      case LOW -> money(low);
      case PREVIOUS_CLOSE -> money(previousClose);
      case CHANGE_PERCENT -> price.subtract(previousClose).multiply(BigDecimal.valueOf(100))
          .divide(previousClose, 2, RoundingMode.HALF_UP).toPlainString() + "%";
    };
  }

  private static String money(BigDecimal value) {
    return value.setScale(2, RoundingMode.HALF_UP).toPlainString();
  }
}
