package dev.runbook.worker.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * A platform driven by command templates: for each action ({@code describe}, {@code deploy},
 * {@code smoke-test}, {@code shift-traffic}, {@code mark-live}, {@code retire}) an argv array with
 * placeholders such as {@code {service}}, {@code {colour}}, {@code {version}}, {@code {weight}}.
 * Never a shell string: each element stays one argument whatever a value contains.
 */
public record CommandPlatformProperties(
    Map<String, List<String>> commands, @DefaultValue("5m") Duration timeout) {}
