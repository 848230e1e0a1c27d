package org.herd.journal;

/**
 * A step attempt as it stood after one write of its run's steps: the run's change number of that
 * write and the attempt. A follower of a run keeps the highest number it saw and asks for what
 * changed after it ({@link Journal#stepChanges}).
 *
 * @param change the run's change number of the latest write of this attempt; positive
 * @param step the attempt as it is now
 */
public record StepChange(long change, StepRecord step) {}
