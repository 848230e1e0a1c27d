package org.herd.ops;

import org.herd.engine.Canary;
import org.herd.engine.ExecutionOptions;
import org.herd.engine.Serial;

/**
 * How the operator asked a run to go.
 *
 * @param options parallelism, failure policy, hosts skipped or retried, reboot policy
 * @param serial the batches of hosts in no cluster
 * @param canary whether each cluster's first member goes alone first
 * @param finalizeAsked whether the clusters' one-way finalize steps run
 */
public record RunSettings(
    ExecutionOptions options, Serial serial, Canary canary, boolean finalizeAsked) {}
