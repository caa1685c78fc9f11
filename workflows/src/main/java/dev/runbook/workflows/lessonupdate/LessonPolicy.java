package dev.runbook.workflows.lessonupdate;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.runbook.workflows.contract.EnvironmentPolicy;

/**
 * How lessons are published in one environment, resolved once per run (so it lands in history).
 *
 * @param rollout the staged rollout of a major version: its {@code steps} are the flag percentages
 *     with their watch windows and gates (seed 000: 10% for 1h, 50% for 2h, 100%), its {@code rules}
 *     the lesson rules (error rate > 2% notify, > 5% roll back, completion rate below the old
 *     version's by more than the margin → roll back), its approval the environment's approvers;
 *     {@code service} is the lesson id and {@code platform} the lesson store's name
 * @param updateWatchSeconds watch after a patch, minor or first release (seed 000: monitor 10m)
 * @param flagRemovalAfterSeconds delay between 100% and removing the flag (seed 000: 24h)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LessonPolicy(EnvironmentPolicy rollout, long updateWatchSeconds, long flagRemovalAfterSeconds) {}
