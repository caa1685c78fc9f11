package dev.runbook.workflows.contract;

/** How a reading is compared with a rule's threshold; true means "breaching". */
public enum Comparison {
  GREATER_THAN(">") {
    @Override
    public boolean breaches(double value, double threshold) {
      return value > threshold;
    }
  },
  LESS_THAN("<") {
    @Override
    public boolean breaches(double value, double threshold) {
      return value < threshold;
    }
  };

  private final String symbol;

  Comparison(String symbol) {
    this.symbol = symbol;
  }

  public abstract boolean breaches(double value, double threshold);

  public String symbol() {
    return symbol;
  }
}
