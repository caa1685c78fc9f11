package dev.runbook.activities.notify;

import dev.runbook.workflows.contract.Notification;
import dev.runbook.workflows.contract.NotificationActivities;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.time.Duration;

/** Calls the notify activity with Temporal's retries, as a runbook workflow would. */
@WorkflowInterface
public interface NotifyWorkflow {

  @WorkflowMethod
  void send(Notification notification);

  class Impl implements NotifyWorkflow {
    private final NotificationActivities notifier = Workflow.newActivityStub(NotificationActivities.class,
        ActivityOptions.newBuilder()
            .setStartToCloseTimeout(Duration.ofSeconds(30))
            .setRetryOptions(RetryOptions.newBuilder().setInitialInterval(Duration.ofMillis(100)).setMaximumAttempts(5).build())
            .build());

    @Override
    public void send(Notification notification) {
      notifier.notify(notification);
    }
  }
}
