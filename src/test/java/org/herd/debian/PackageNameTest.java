package org.herd.debian;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PackageNameTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "libc6",
        "g++",
        "libstdc++6",
        "python3.11",
        "0ad",
        "libc6:amd64",
        "libc6:i386",
        "foo:any",
        "x-"
      })
  void acceptsPolicyNames(String text) {
    assertThat(PackageName.isValid(text)).isTrue();
    assertThat(PackageName.parse(text)).hasToString(text);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "a",
        "-rf",
        "+foo",
        ".foo",
        "Foo",
        "foo bar",
        "foo;id",
        "foo$(id)",
        "foo'",
        "foo:",
        ":amd64",
        "foo:AMD64",
        "foo:amd64:x",
        "foo_bar",
        "foo/bar",
        "foo\n",
        "fóo"
      })
  void rejectsEverythingElse(String text) {
    assertThat(PackageName.isValid(text)).isFalse();
    assertThatThrownBy(() -> PackageName.parse(text)).isInstanceOf(InvalidSyntaxException.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"libc6:amd64"})
  void splitsTheArchitecture(String text) {
    PackageName name = PackageName.parse(text);
    assertThat(name.name()).isEqualTo("libc6");
    assertThat(name.architecture()).isEqualTo("amd64");
    assertThat(name.unqualified()).hasToString("libc6");
  }
}
