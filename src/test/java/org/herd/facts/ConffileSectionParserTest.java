package org.herd.facts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.herd.debian.ConffileHashes;
import org.herd.debian.PackageName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The selection probe's conffile section, line by line, and the question that asks for it. */
class ConffileSectionParserTest {

  private static final String A = "a".repeat(32);
  private static final String B = "b".repeat(32);
  private static final String C = "c".repeat(32);

  private static PackageName pkg(String name) {
    return PackageName.parse(name);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          # line                                                              | installed | candidate | local | remove | path
          file nginx AAA BBB CCC - /etc/nginx/nginx.conf                      | AAA       | BBB       | CCC   | false  | /etc/nginx/nginx.conf
          file nginx - BBB - - /etc/nginx/conf.d/new.conf                     | -         | BBB       | -     | false  | /etc/nginx/conf.d/new.conf
          file nginx AAA - AAA - /etc/nginx/old.conf                          | AAA       | -         | AAA   | false  | /etc/nginx/old.conf
          file nginx AAA - CCC remove-on-upgrade /etc/nginx/gone.conf         | AAA       | -         | CCC   | true   | /etc/nginx/gone.conf
          file nginx AAA BBB AAA - /etc/nginx/with space.conf                 | AAA       | BBB       | AAA   | false  | /etc/nginx/with space.conf
          """)
  void aFileLineHasThreeSumsAFlagAndAPath(
      String line, String installed, String candidate, String local, boolean remove, String path) {
    ConffileFacts facts = ConffileSectionParser.parse(List.of(expand(line)));

    assertThat(facts.unexamined()).isEmpty();
    assertThat(facts.files())
        .containsExactly(
            new ConffileHashes(
                pkg("nginx"), path, sum(installed), sum(candidate), sum(local), remove));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          # line                                                   | reason
          unexamined nginx apt-get download nginx=1.2 failed: E: x | apt-get download nginx=1.2 failed: E: x
          file nginx AAA BBB                                       | unreadable probe line: file nginx AAA BBB
          file nginx AAA XYZ CCC - /etc/nginx/nginx.conf           | unreadable probe line: conffile /etc/nginx/nginx.conf: 'XYZ' is not an MD5
          file nginx AAA BBB CCC - etc/relative                    | unreadable probe line: conffile path 'etc/relative': expected an absolute path
          """)
  void whatCannotBeReadLeavesThePackageUnexamined(String line, String reason) {
    ConffileFacts facts =
        ConffileSectionParser.parse(
            List.of("file nginx " + A + " " + A + " " + A + " - /etc/nginx/ok.conf", expand(line)));

    assertThat(facts.unexamined()).isEqualTo(Map.of(pkg("nginx"), expand(reason)));
    assertThat(facts.files()).as("a package is examined whole or not at all").isEmpty();
  }

  @Test
  void optionsAndUnknownLinesAreRead() {
    ConffileFacts facts =
        ConffileSectionParser.parse(
            List.of(
                "option force-confnew",
                "option --force-confdef",
                "a line of a newer herd",
                "",
                "file apt " + A + " " + A + " " + A + " - /etc/apt/apt.conf.d/01autoremove"));

    assertThat(facts.hostOptions()).containsExactly("force-confnew", "--force-confdef");
    assertThat(facts.files()).hasSize(1);
    assertThat(facts.problem()).isNull();
  }

  @Test
  void theSectionIsReadOnlyWhenAskedAndACutOneIsUnknown() {
    String head = "@@units@@\n@@simulate@@\n@@end 0@@\n";
    String section = "@@conffiles@@\nfile nginx " + A + " " + B + " " + C + " - /etc/n.conf\n";

    SelectionFacts complete =
        SelectionProbe.parse(head + section + "@@conffiles-end@@\n", false, true, null);
    SelectionFacts cut = SelectionProbe.parse(head + section, false, true, null);
    SelectionFacts notAsked = SelectionProbe.parse(head, false, false, null);

    assertThat(complete.conffiles().files()).hasSize(1);
    assertThat(cut.problem()).as("the units and the simulation survive").isNull();
    assertThat(cut.conffiles().problem()).startsWith("the conffile comparison did not finish");
    assertThat(notAsked.conffiles()).isNull();
  }

  @Test
  void theQuestionPassesThePackagesToCompareFirst() {
    String line =
        SelectionProbe.command(
                new SelectionProbe.Question(
                    List.of(pkg("nginx")),
                    List.of(),
                    List.of("nginx=1.22.1-9+deb12u1", "libc6:i386=2.36-9+deb12u9")))
            .line();

    assertThat(line)
        .endsWith(
            " herd-selection --conffiles nginx=1.22.1-9+deb12u1,libc6:i386=2.36-9+deb12u9 nginx");
  }

  private static String expand(String text) {
    return text.replace("AAA", A).replace("BBB", B).replace("CCC", C);
  }

  private static String sum(String text) {
    return text.equals("-") ? null : expand(text);
  }
}
