package dev.runbook.workflows.incident;

import dev.runbook.workflows.contract.EscalationLevel;
import dev.runbook.workflows.contract.EscalationPolicy;
import java.util.ArrayList;
import java.util.List;

/**
 * An escalation policy that arrives in an {@link dev.runbook.workflows.api.IncidentRequest} (UI
 * JSON, an old opener) is not trusted: whoever writes the request would otherwise choose who may
 * acknowledge, and a one-level policy of their own could silence the pager. At open it must equal
 * the policy configured for the service and environment, or the incident is refused; what the
 * incident pages by is always the configured one.
 */
final class SuppliedEscalation {
  private SuppliedEscalation() {}

  /** How {@code supplied} differs from {@code configured}, one entry per field; empty when equal. */
  static List<String> differences(EscalationPolicy supplied, EscalationPolicy configured) {
    List<String> d = new ArrayList<>();
    if (supplied.equals(configured)) {
      return d;
    }
    List<EscalationLevel> s = supplied.levels();
    List<EscalationLevel> c = configured.levels();
    if (s.size() != c.size()) {
      d.add("levels: " + s.size() + " supplied, " + c.size() + " configured");
    }
    for (int i = 0; i < Math.min(s.size(), c.size()); i++) {
      EscalationLevel a = s.get(i);
      EscalationLevel b = c.get(i);
      if (!a.equals(b)) {
        d.add("levels[" + i + "]: supplied " + describe(a) + ", configured " + describe(b));
      }
    }
    field(d, "repeats", supplied.repeats(), configured.repeats());
    field(d, "ackTimeoutSeconds", supplied.ackTimeoutSeconds(), configured.ackTimeoutSeconds());
    field(d, "reportDueSeconds", supplied.reportDueSeconds(), configured.reportDueSeconds());
    field(d, "reportRemindEverySeconds", supplied.reportRemindEverySeconds(), configured.reportRemindEverySeconds());
    return d;
  }

  private static void field(List<String> d, String name, long supplied, long configured) {
    if (supplied != configured) {
      d.add(name + ": supplied " + supplied + ", configured " + configured);
    }
  }

  private static String describe(EscalationLevel l) {
    return l.name() + " " + l.who() + " after " + l.escalateAfterSeconds() + "s";
  }
}
