package dev.runbook.worker.config;

import dev.runbook.workflows.contract.ApprovalTimeoutAction;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Gate policy of an environment: {@code manual: false} passes healthy gates automatically;
 * {@code approvers} may promote and abort ({@code "*"} = anyone, local stacks only); {@code
 * requester-may-approve: false} is the four-eyes rule for production.
 */
public record ApprovalProperties(
    @DefaultValue("true") boolean manual,
    List<String> approvers,
    @DefaultValue("false") boolean requesterMayApprove,
    @DefaultValue("1h") Duration timeout,
    @DefaultValue("hold-and-remind") ApprovalTimeoutAction onTimeout,
    @DefaultValue("30m") Duration remindEvery) {}
