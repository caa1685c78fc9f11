package dev.runbook.e2e;

import dev.runbook.workflows.contract.LockGrant;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.common.WorkflowExecutionHistory;
import io.temporal.common.converter.DefaultDataConverter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a run's Temporal history for the benches: when it held its target lock (granted acquire →
 * completed release) and when each of its platform activities was in flight (scheduled → closed),
 * so the sandbox's admin log can be attributed to the run that made each change.
 */
final class RunHistory {
  /** Activity types that change the platform; each shows in the sandbox's admin log. */
  static final Set<String> PLATFORM_CHANGES = Set.of("DeployRelease", "ShiftTraffic", "MarkLive", "RetireSlot");

  record Interval(long from, long to) {
    boolean contains(long t) {
      return from <= t && t <= to;
    }

    boolean overlaps(Interval o) {
      return from < o.to && o.from < to;
    }
  }

  /** One activity: type, when scheduled, when closed (Long.MAX_VALUE while open), the attempts it took. */
  record Activity(long scheduledId, String type, long scheduled, long closed, int attempt) {}

  private final List<HistoryEvent> events;
  private final List<Activity> activities = new ArrayList<>();

  RunHistory(WorkflowExecutionHistory history) {
    this.events = history.getEvents();
    Map<Long, HistoryEvent> scheduled = new HashMap<>();
    Map<Long, Integer> attempts = new HashMap<>();
    Map<Long, Long> closed = new HashMap<>();
    for (HistoryEvent e : events) {
      switch (e.getEventType()) {
        case EVENT_TYPE_ACTIVITY_TASK_SCHEDULED -> scheduled.put(e.getEventId(), e);
        case EVENT_TYPE_ACTIVITY_TASK_STARTED -> attempts.put(e.getActivityTaskStartedEventAttributes()
            .getScheduledEventId(), e.getActivityTaskStartedEventAttributes().getAttempt());
        case EVENT_TYPE_ACTIVITY_TASK_COMPLETED -> closed.put(
            e.getActivityTaskCompletedEventAttributes().getScheduledEventId(), millis(e));
        case EVENT_TYPE_ACTIVITY_TASK_FAILED -> closed.put(
            e.getActivityTaskFailedEventAttributes().getScheduledEventId(), millis(e));
        case EVENT_TYPE_ACTIVITY_TASK_TIMED_OUT -> closed.put(
            e.getActivityTaskTimedOutEventAttributes().getScheduledEventId(), millis(e));
        case EVENT_TYPE_ACTIVITY_TASK_CANCELED -> closed.put(
            e.getActivityTaskCanceledEventAttributes().getScheduledEventId(), millis(e));
        default -> { }
      }
    }
    scheduled.values().stream().sorted(java.util.Comparator.comparingLong(HistoryEvent::getEventId)).forEach(e ->
        activities.add(new Activity(e.getEventId(), e.getActivityTaskScheduledEventAttributes().getActivityType()
            .getName(), millis(e), closed.getOrDefault(e.getEventId(), Long.MAX_VALUE),
            attempts.getOrDefault(e.getEventId(), 0))));
  }

  List<Activity> activities() {
    return activities;
  }

  /** Acquire activities this run scheduled (one per request to the lock store). */
  long acquires() {
    return activities.stream().filter(a -> a.type().equals("Acquire")).count();
  }

  /** From the first granted acquire to the first completed release after it (or now, if still held). */
  Optional<Interval> lockHeld() {
    for (HistoryEvent e : events) {
      if (e.getEventType() == EventType.EVENT_TYPE_ACTIVITY_TASK_COMPLETED && typeOf(
          e.getActivityTaskCompletedEventAttributes().getScheduledEventId()).equals("Acquire")) {
        LockGrant grant = DefaultDataConverter.newDefaultInstance().fromPayloads(0,
            Optional.of(e.getActivityTaskCompletedEventAttributes().getResult()), LockGrant.class, LockGrant.class);
        if (grant.granted()) {
          long from = millis(e);
          long to = activities.stream().filter(a -> a.type().equals("Release") && a.scheduled() >= from)
              .mapToLong(Activity::closed).min().orElse(Long.MAX_VALUE);
          return Optional.of(new Interval(from, to));
        }
      }
    }
    return Optional.empty();
  }

  /** When this run's platform-changing activities were in flight. */
  List<Interval> platformChanges() {
    return activities.stream().filter(a -> PLATFORM_CHANGES.contains(a.type()))
        .map(a -> new Interval(a.scheduled(), a.closed())).toList();
  }

  private String typeOf(long scheduledId) {
    return activities.stream().filter(a -> a.scheduledId() == scheduledId).map(Activity::type).findFirst().orElse("");
  }

  static long millis(HistoryEvent e) {
    return e.getEventTime().getSeconds() * 1000 + e.getEventTime().getNanos() / 1_000_000;
  }
}
