package org.herd.journal;

/**
 * The journal cannot be opened, migrated or written: a database that is unreachable, a file that
 * cannot be created, a schema made by a newer herd, a lock wait that ran out.
 *
 * <p>The message is one line for the user ({@code journal <where>: <why>}); the cause carries the
 * driver's details for {@code --debug}. Programming errors (a step finished that never started, a
 * run that does not exist) are {@link IllegalStateException} or {@link IllegalArgumentException}
 * instead.
 */
public final class JournalException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** A failure with its cause. */
  public JournalException(String message, Throwable cause) {
    super(message, cause);
  }

  /** A failure detected by herd itself. */
  public JournalException(String message) {
    super(message);
  }
}
