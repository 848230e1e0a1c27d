package org.herd.debian;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What dpkg does with a conffile on upgrade, by its three sums and the {@code --force-conf*}
 * options: dpkg's own decision table ({@code deferred_configure_conffile} and {@code show_prompt}
 * in dpkg's configure.c). Sums are written A, B, C (three different files); {@code -} is none.
 */
class ConffileHashesTest {

  private static final String PATH = "/etc/foo.conf";

  private static String sum(String letter) {
    return letter.equals("-") ? null : letter.repeat(32).toLowerCase();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          # case                                    | installed | candidate | local | remove | options                          | action        | left behind
          shipped file unchanged                    | A         | A         | A     | false  | --force-confdef --force-confold  | UNCHANGED     | -
          shipped unchanged, modified here          | A         | A         | C     | false  | --force-confdef --force-confold  | UNCHANGED     | -
          local is already the new version         | A         | B         | B     | false  | --force-confdef --force-confold  | UNCHANGED     | -
          changes, not modified here                | A         | B         | A     | false  | --force-confdef --force-confold  | INSTALL_NEW   | -
          changes, not modified, no option          | A         | B         | A     | false  |                                  | INSTALL_NEW   | -
          modified here and changes, confold        | A         | B         | C     | false  | --force-confold                  | KEEP_LOCAL    | /etc/foo.conf.dpkg-dist
          modified here and changes, confdef+old    | A         | B         | C     | false  | --force-confdef --force-confold  | KEEP_LOCAL    | /etc/foo.conf.dpkg-dist
          modified here and changes, confnew        | A         | B         | C     | false  | --force-confnew                  | REPLACE_LOCAL | /etc/foo.conf.dpkg-old
          confdef wins over confnew                 | A         | B         | C     | false  | --force-confdef --force-confnew  | KEEP_LOCAL    | /etc/foo.conf.dpkg-dist
          confnew wins over confold without confdef | A         | B         | C     | false  | --force-confold --force-confnew  | REPLACE_LOCAL | /etc/foo.conf.dpkg-old
          modified here and changes, no option      | A         | B         | C     | false  |                                  | PROMPT        | -
          modified here and changes, confdef only   | A         | B         | C     | false  | --force-confdef                  | KEEP_LOCAL    | /etc/foo.conf.dpkg-dist
          deleted here and changes, confold         | A         | B         | -     | false  | --force-confdef --force-confold  | KEEP_LOCAL    | /etc/foo.conf.dpkg-dist
          deleted here and changes, confnew         | A         | B         | -     | false  | --force-confnew                  | REPLACE_LOCAL | -
          deleted here and changes, confmiss        | A         | B         | -     | false  | --force-confold --force-confmiss | INSTALL_NEW   | -
          deleted here, shipped unchanged           | A         | A         | -     | false  | --force-confdef --force-confold  | UNCHANGED     | -
          new conffile                              | -         | B         | -     | false  | --force-confdef --force-confold  | NEW           | -
          new conffile, a local file is there       | -         | B         | C     | false  | --force-confdef --force-confold  | KEEP_LOCAL    | /etc/foo.conf.dpkg-dist
          new conffile, the same file is there      | -         | B         | B     | false  | --force-confdef --force-confold  | UNCHANGED     | -
          no longer shipped                         | A         | -         | A     | false  | --force-confdef --force-confold  | OBSOLETE      | -
          no longer shipped, modified here          | A         | -         | C     | false  | --force-confdef --force-confold  | OBSOLETE      | -
          remove-on-upgrade                         | A         | -         | A     | true   | --force-confdef --force-confold  | REMOVED       | -
          remove-on-upgrade, modified here          | A         | -         | C     | true   | --force-confdef --force-confold  | REMOVED       | /etc/foo.conf.dpkg-bak
          remove-on-upgrade, already gone           | A         | -         | -     | true   | --force-confdef --force-confold  | REMOVED       | -
          """)
  void dpkgDecidesByTheThreeSums(
      String name,
      String installed,
      String candidate,
      String local,
      boolean remove,
      String options,
      ConffileAction action,
      String leftBehind) {
    ConffileHashes hashes =
        new ConffileHashes(
            PackageName.parse("foo"), PATH, sum(installed), sum(candidate), sum(local), remove);
    ConffilePolicy policy =
        ConffilePolicy.of(options == null ? List.of() : List.of(options.split(" ")));

    ConffileOutcome outcome = hashes.outcome(policy);

    assertThat(outcome)
        .isEqualTo(new ConffileOutcome(action, leftBehind.equals("-") ? null : leftBehind));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          # options, as given                          | the policy, in dpkg's spelling
          --force-confdef --force-confold                | --force-confdef --force-confold
          force-confold                                  | --force-confold
          --force-confnew,confdef                        | --force-confdef --force-confnew
          --FORCE-CONFMISS --force-overwrite --dry-run   | --force-confmiss
          --force-confold --force-confold                | --force-confold
          """)
  void optionsAreReadAsDpkgReadsThem(String given, String expected) {
    assertThat(String.join(" ", ConffilePolicy.of(List.of(given.split(" "))).options()))
        .isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"etc/relative.conf, A", "/etc/foo.conf, not-an-md5"})
  void badFactsAreRefused(String path, String installed) {
    assertThatThrownBy(
            () ->
                new ConffileHashes(
                    PackageName.parse("foo"),
                    path,
                    installed.equals("A") ? sum("A") : installed,
                    null,
                    null,
                    false))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
