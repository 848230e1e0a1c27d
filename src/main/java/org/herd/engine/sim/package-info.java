/**
 * Rollouts in virtual time, for {@code herd simulate} and the scheduler's property tests: a {@link
 * org.herd.engine.sim.Fleet} (read from a fleet file by {@link org.herd.engine.sim.FleetReader})
 * goes through the real planner, the real {@link org.herd.engine.Admission} and the engine's step
 * sequence, with simulated step durations and health gates; the {@link
 * org.herd.engine.sim.SimulationReport} measures makespan, the critical-path lower bound and each
 * cluster's concurrency. docs/simulate.md describes the fleet file and the report.
 */
package org.herd.engine.sim;
