package org.herd.ops;

import org.herd.journal.RunSpec;
import org.herd.journal.RunSummary;
import org.herd.plan.Plan;

/**
 * A run as the journal has it.
 *
 * @param summary its state, who started it, when
 * @param spec its command line, hosts and plan as recorded
 * @param plan the plan it executes
 */
public record RecordedRun(RunSummary summary, RunSpec spec, Plan plan) {}
