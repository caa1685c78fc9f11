package dev.runbook.worker.config;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code runbook.environments.<env>.incident-response}: the escalation policy of incidents there
 * (seed 002). {@code levels} are paged in order, each {@code escalate-after} the previous;
 * {@code repeats} more passes of the chain; {@code ack-timeout} re-arms escalation for an
 * acknowledged incident not resolved in time; the post-incident report is due {@code report-due}
 * after resolve (seed 000: 24h), with a reminder every {@code report-remind-every}. An incident
 * copies the policy at open: editing it never changes an open incident. An environment without
 * the section refuses incidents.
 */
public record IncidentResponseProperties(
    List<Level> levels,
    @DefaultValue("0") int repeats,
    @DefaultValue("30m") Duration ackTimeout,
    @DefaultValue("24h") Duration reportDue,
    @DefaultValue("6h") Duration reportRemindEvery) {

  /** One level: its name, who is paged, and how long they have before the next level is. */
  public record Level(String name, List<String> who, Duration escalateAfter) {}
}
