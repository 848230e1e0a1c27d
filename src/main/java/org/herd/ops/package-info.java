/**
 * The application layer: what herd does for an operator, whoever asks — the CLI today, herd serve
 * next. A {@link org.herd.ops.Workspace} loads what one command reads once (the inventory, the
 * recipes, how hosts are reached, the clock); use cases run on it: {@link org.herd.ops.Runs}
 * starts, resumes, aborts and executes journaled runs. Use cases take and return values; they parse
 * no command line and print nothing. A mistake in what they are asked is an {@link
 * org.herd.ops.InvalidRequest}, raised before any run is recorded or any host touched.
 */
package org.herd.ops;
