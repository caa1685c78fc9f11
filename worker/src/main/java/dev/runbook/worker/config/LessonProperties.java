package dev.runbook.worker.config;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code runbook.environments.<env>.lessons}: how lessons are published there. Without it the
 * environment refuses lesson updates. {@code steps} are the feature-flag percentages of a major
 * version with their watch windows and gates; {@code rules} read lesson metrics
 * ({@code lesson-error-rate-percent}, {@code lesson-completion-rate-percent}, {@code
 * lesson-negative-feedback-percent}, or {@code custom} PromQL); {@code update-watch} is the watch
 * after a patch, minor or first release; {@code flag-removal-after} the delay between 100% and
 * removing the flag; {@code database} the platform's lesson store (default: the worker's own).
 */
public record LessonProperties(
    List<StepProperties> steps,
    List<RuleProperties> rules,
    @DefaultValue("10m") Duration updateWatch,
    @DefaultValue("24h") Duration flagRemovalAfter,
    LessonDatabaseProperties database) {}
