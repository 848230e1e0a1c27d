package org.herd.recipe;

import java.util.Optional;

/**
 * One health check of a recipe: what to look at, on which members, and how patiently.
 *
 * @param name what the check means to an operator ("etcd member healthy")
 * @param probe what it looks at
 * @param where which members it runs on
 * @param timing interval, stable-for and deadline
 * @param when the cluster variable that must be set for the check to apply (for optional probes of
 *     the generic recipe), or empty when it always applies
 */
public record Check(
    String name, Probe probe, CheckScope where, CheckTiming timing, Optional<String> when) {}
