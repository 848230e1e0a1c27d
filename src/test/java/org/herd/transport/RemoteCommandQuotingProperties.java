package org.herd.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Every word survives {@link RemoteCommand#quote} through a real POSIX shell: {@code printf %s
 * QUOTED} prints exactly the word, and a quoted argv reaches the program as the same argv.
 */
class RemoteCommandQuotingProperties {

  @Property(tries = 300)
  void aQuotedWordIsPrintedExactly(@ForAll("words") String word) throws Exception {
    byte[] printed = sh("printf %s " + RemoteCommand.quote(word) + "\n");

    assertThat(printed).isEqualTo(word.getBytes(StandardCharsets.UTF_8));
  }

  @Property(tries = 100)
  void aQuotedArgvArrivesAsTheSameArgv(
      @ForAll("words") String first, @ForAll("words") String second) throws Exception {
    RemoteCommand command = RemoteCommand.of("printf", "<%s>", first, second);

    byte[] printed = sh(command.line() + "\n");

    assertThat(new String(printed, StandardCharsets.UTF_8))
        .isEqualTo("<" + first + "><" + second + ">");
  }

  @Provide
  Arbitrary<String> words() {
    Arbitrary<Character> nasty =
        Arbitraries.of(
            '\'', '"', '\\', '$', '`', '\n', '\t', ' ', '*', '?', '[', ']', '{', '}', '~', '#', '!',
            ';', '&', '|', '<', '>', '(', ')', '=', '%', '-', 'é', 'ß', '中', '\u00a0');
    Arbitrary<Character> any =
        Arbitraries.chars().range('\u0001', '\uffff').filter(c -> !Character.isSurrogate(c));
    return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(3, nasty), net.jqwik.api.Tuple.of(1, any))
        .list()
        .ofMaxSize(20)
        .map(RemoteCommandQuotingProperties::join);
  }

  private static String join(List<Character> chars) {
    StringBuilder text = new StringBuilder();
    chars.forEach(text::append);
    return text.toString();
  }

  /** Runs a script with {@code /bin/sh}, fed on stdin so no locale touches its bytes. */
  private static byte[] sh(String script) throws IOException, InterruptedException {
    Process process = new ProcessBuilder("/bin/sh", "-s").start();
    try (OutputStream stdin = process.getOutputStream()) {
      stdin.write(script.getBytes(StandardCharsets.UTF_8));
    }
    byte[] out = process.getInputStream().readAllBytes();
    process.waitFor();
    return out;
  }
}
