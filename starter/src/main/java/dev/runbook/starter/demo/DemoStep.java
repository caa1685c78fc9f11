package dev.runbook.starter.demo;

import dev.runbook.starter.run.RunSpec;
import dev.runbook.workflows.api.Outcome;

/**
 * One run of the demo's script and how it should end.
 *
 * @param label how the demo's lines name it: "v1.5.1", "stock_basics_003 1.0.1 (patch)"
 */
record DemoStep(String label, RunSpec spec, Outcome expected) {}
