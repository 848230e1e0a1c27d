package org.herd.engine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.BiFunction;

/**
 * {@link HostProbes} for unit tests: a function of the host and the rendered command (or {@code tcp
 * ADDRESS} / {@code http URL}) gives the answer; every call is recorded as {@code HOST: LINE}.
 */
final class ScriptedProbes implements HostProbes {

  private final BiFunction<String, String, ProbeAnswer> answers;
  final List<String> calls = Collections.synchronizedList(new ArrayList<>());

  ScriptedProbes(BiFunction<String, String, ProbeAnswer> answers) {
    this.answers = answers;
  }

  static ProbeAnswer ok(String stdout) {
    return new ProbeAnswer.Ran(0, stdout, "");
  }

  static ProbeAnswer exit(int code, String output) {
    return new ProbeAnswer.Ran(code, output, "");
  }

  @Override
  public ProbeAnswer command(String host, String command, Duration timeout) {
    calls.add(host + ": " + command);
    return answers.apply(host, command);
  }

  @Override
  public ProbeAnswer tcp(String address, Duration timeout) {
    calls.add("herd: tcp " + address);
    return answers.apply("herd", "tcp " + address);
  }

  @Override
  public ProbeAnswer http(String url, Duration timeout) {
    calls.add("herd: http " + url);
    return answers.apply("herd", "http " + url);
  }
}
