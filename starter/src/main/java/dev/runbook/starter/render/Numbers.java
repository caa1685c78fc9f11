package dev.runbook.starter.render;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Short, stable number formatting for observations: 0.0123 → "0.012", 2.0 → "2". */
public final class Numbers {
  private Numbers() {}

  public static String format(Double value) {
    if (value == null) {
      return "n/a";
    }
    if (value.isNaN() || value.isInfinite()) {
      return String.valueOf(value);
    }
    BigDecimal d = BigDecimal.valueOf(value);
    int scale = Math.abs(value) >= 100 ? 0 : 3;
    BigDecimal rounded = d.setScale(scale, RoundingMode.HALF_UP).stripTrailingZeros();
    return rounded.scale() < 0 ? rounded.setScale(0).toPlainString() : rounded.toPlainString();
  }
}
