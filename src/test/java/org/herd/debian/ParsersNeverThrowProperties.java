package org.herd.debian;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Odd input never makes a parser throw: it ends up in the warnings. */
class ParsersNeverThrowProperties {

  @Property(tries = 500)
  void noParserThrows(@ForAll("noise") String text) {
    assertThat(AptSimulationParser.parse(text)).isNotNull();
    assertThat(DpkgAuditParser.parse(text)).isNotNull();
    assertThat(DpkgQueryParser.parse(text)).isNotNull();
    assertThat(AptListParser.parseLocal(text)).isNotNull();
    assertThat(PackageListParser.parse(text)).isNotNull();
    assertThat(OsRelease.parse(text)).isNotNull();
    assertThat(NeedrestartReport.parse(text)).isNotNull();
    assertThat(AptPreferencesParser.parse("f", text)).isNotNull();
    assertThat(AptConf.parse(text)).isNotNull();
    assertThat(ServicePolicyRule.parse("f", text)).isNotNull();
    assertThat(ConffileLeftover.parse(text)).isNotNull();
    assertThat(FileLock.parse(text)).isNotNull();
    assertThat(PolicyRcd.classify(true, text, text)).isNotNull();
    assertThat(SystemdUnit.fromCgroupFile(List.of(text.split("\n")))).isNotNull();
    assertThat(DebianVersion.tryParse(text)).isNotNull();
    assertThat(PackageName.isValid(text) || !PackageName.isValid(text)).isTrue();
    text.lines().forEach(l -> MapsLine.parse(l));
    text.lines().forEach(AptRelease::parse);
  }

  /** Lines made of the characters these formats are built from, and some they are not. */
  @Provide
  Arbitrary<String> noise() {
    Arbitrary<String> token =
        Arbitraries.oneOf(
            Arbitraries.of(
                "Inst ",
                "Remv ",
                "Conf ",
                "Purg ",
                "[",
                "]",
                "(",
                ")",
                "{",
                "}",
                ";",
                "\"",
                ":",
                "::",
                "/",
                " (deleted)",
                "E: ",
                "W: ",
                "NEEDRESTART-KSTA: ",
                "Package: ",
                "Pin-Priority: ",
                "#clear ",
                "/*",
                "//",
                "The following packages ",
                "kept back:",
                "0::/",
                ".service",
                "POSIX ",
                "->",
                "fe:00:",
                "~",
                "-",
                "+",
                "1:",
                "=",
                "\t",
                "\n",
                " ",
                "  ",
                "ii ",
                "iF ",
                ".dpkg-old",
                "@@"),
            Arbitraries.strings().ofMaxLength(6),
            Arbitraries.strings().numeric().ofMaxLength(25));
    return token.list().ofMaxSize(60).map(l -> String.join("", l));
  }
}
