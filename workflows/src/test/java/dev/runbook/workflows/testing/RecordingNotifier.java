package dev.runbook.workflows.testing;

import dev.runbook.workflows.contract.Notification;
import dev.runbook.workflows.contract.NotificationActivities;
import dev.runbook.workflows.contract.Severity;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps every notification (from the workflows and from the scripted watch) in order. */
public final class RecordingNotifier implements NotificationActivities {
  private final List<Notification> sent = new CopyOnWriteArrayList<>();
  private volatile String holdTitle;
  private volatile FakePlatform.Hold hold;

  @Override
  public void notify(Notification notification) {
    FakePlatform.Hold h = hold;
    if (h != null && notification.title().contains(holdTitle)) {
      hold = null;
      h.block();
    }
    sent.add(notification);
  }

  /** The next notification whose title contains {@code titleFragment} waits for the test. */
  public FakePlatform.Hold hold(String titleFragment) {
    FakePlatform.Hold h = new FakePlatform.Hold();
    holdTitle = titleFragment;
    hold = h;
    return h;
  }

  public List<Notification> sent() {
    return List.copyOf(sent);
  }

  public List<Notification> withTitleContaining(String text) {
    return sent.stream().filter(n -> n.title().contains(text)).toList();
  }

  public List<Notification> ofSeverity(Severity severity) {
    return sent.stream().filter(n -> n.severity() == severity).toList();
  }
}
