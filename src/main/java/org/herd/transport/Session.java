package org.herd.transport;

import java.nio.file.Path;

/**
 * One authenticated connection to one host, reused for many commands and copies.
 *
 * <p>Thread-safe: several commands may run at once on one session (each on its own channel). A
 * session is shared by everyone who opened its endpoint (see {@link Transport#open}); closing it
 * closes the connection for all of them, so only the owner of the transport normally does.
 *
 * <p>Failures of a command are reported through its {@link Execution#result()}; failures of the
 * connection itself (it dropped, or the host went away) are {@link TransportException}s.
 */
public interface Session extends AutoCloseable {

  /** The endpoint this session was opened for. */
  Endpoint endpoint();

  /**
   * Starts a command on the host and returns at once.
   *
   * @param command the command; never null
   * @param options timeout, output cap, listener, stdin and privilege mode
   * @return the running command
   * @throws TransportException when the connection is gone and a channel cannot be opened
   */
  Execution start(RemoteCommand command, ExecOptions options) throws TransportException;

  /**
   * Runs a command and waits for it.
   *
   * @return the result; a non-zero exit code is a result, not an exception
   * @throws TransportException when the command timed out, was cancelled, lost its connection or
   *     could not gain privileges; timeouts and disconnects carry the output received so far
   */
  default CommandResult run(RemoteCommand command, ExecOptions options)
      throws TransportException, InterruptedException {
    return start(command, options).await();
  }

  /**
   * Copies a local file or directory (recursively) to the host, like {@code scp -r}: when {@code
   * remotePath} is an existing directory the copy goes inside it under its own name, otherwise it
   * is created as {@code remotePath}. Symbolic links are copied as links. Ownership is never copied
   * (files belong to the login user, or root with {@link Become#SUDO}).
   *
   * @param local the file or directory to send
   * @param remotePath the destination on the host
   * @param preserve keep modification times and permission bits exactly ({@code -p}); otherwise the
   *     remote umask applies and times are the time of the copy
   * @throws TransportException when the copy fails (its reason names the remote error)
   */
  void upload(Path local, String remotePath, boolean preserve)
      throws TransportException, InterruptedException;

  /**
   * Copies a remote file or directory (recursively) to exactly {@code localTarget}, replacing what
   * is there. {@code herd copy --rcopy} passes {@code DEST/NAME.HOST}.
   *
   * @param remotePath the file or directory on the host
   * @param localTarget the path to create locally; its parent must exist
   * @param preserve keep modification times and permission bits exactly
   * @throws TransportException when the copy fails
   */
  void download(String remotePath, Path localTarget, boolean preserve)
      throws TransportException, InterruptedException;

  /** Whether the connection is still usable. */
  boolean isOpen();

  /** Closes the connection; running commands end with a {@link TransportException.Disconnected}. */
  @Override
  void close();
}
