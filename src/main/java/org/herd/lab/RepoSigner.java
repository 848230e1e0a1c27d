package org.herd.lab;

import static org.herd.lab.ProcessRunner.cmd;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The lab's OpenPGP key, in a private GnuPG home inside the lab directory: it signs the
 * repository's {@code InRelease} and {@code Release.gpg}, and its public half is what the hosts
 * trust through {@code Signed-By} — the same signature checks as against a real archive.
 *
 * <p>gpg starts a gpg-agent for the private home; it is stopped after every use so that no lab
 * process outlives the command that needed it.
 */
public final class RepoSigner {

  private final Path home;
  private final String lab;
  private final ProcessRunner runner;

  /** A signer whose GnuPG home is {@code home}. */
  public RepoSigner(Path home, String lab, ProcessRunner runner) {
    this.home = home;
    this.lab = lab;
    this.runner = runner;
  }

  /** Creates the key unless it exists, and returns its ASCII-armoured public key. */
  public String ensureKey() {
    try {
      Path exported = home.resolve("herd-lab.asc");
      if (Files.isRegularFile(exported)) {
        return Files.readString(exported);
      }
      Files.createDirectories(home);
      Files.setPosixFilePermissions(home, DebBuilder.permissions(0700));
      try {
        runner.check(
            gpg(
                "--passphrase",
                "",
                "--quick-generate-key",
                "herd lab " + lab + " <lab@herd.invalid>",
                "ed25519",
                "sign",
                "never"));
        String armoured = runner.check(gpg("--armor", "--export")).stdout();
        Files.writeString(exported, armoured);
        return armoured;
      } finally {
        stopAgent();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("lab signing key: " + e.getMessage(), e);
    }
  }

  /** Writes {@code InRelease} and {@code Release.gpg} next to {@code release}. */
  public void sign(Path release) {
    Path dir = release.getParent();
    try {
      runner.check(
          gpg(
              "--digest-algo",
              "SHA512",
              "--clearsign",
              "-o",
              dir.resolve("InRelease").toString(),
              release.toString()));
      runner.check(
          gpg(
              "--digest-algo",
              "SHA512",
              "--detach-sign",
              "--armor",
              "-o",
              dir.resolve("Release.gpg").toString(),
              release.toString()));
    } finally {
      stopAgent();
    }
  }

  /** Stops the gpg-agent of the lab's GnuPG home, if one runs. */
  public void stopAgent() {
    if (Files.isDirectory(home)) {
      runner.run(cmd("gpgconf", "--homedir", home.toString(), "--kill", "all"));
    }
  }

  private List<String> gpg(String... args) {
    List<String> command =
        new ArrayList<>(
            List.of(
                "gpg",
                "--homedir",
                home.toString(),
                "--batch",
                "--yes",
                "--no-tty",
                "--pinentry-mode",
                "loopback"));
    command.addAll(List.of(args));
    return command;
  }
}
