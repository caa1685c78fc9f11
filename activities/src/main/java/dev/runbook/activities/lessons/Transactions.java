package dev.runbook.activities.lessons;

import javax.sql.DataSource;

/** The lesson store's transactions: SQL errors become lesson activity failures ({@link LessonFailures#sql}). */
final class Transactions {
  private Transactions() {}

  static <T> T run(DataSource dataSource, String what, dev.runbook.activities.sql.Transactions.Work<T> work) {
    return dev.runbook.activities.sql.Transactions.run(dataSource, work, e -> LessonFailures.sql(what, e));
  }
}
