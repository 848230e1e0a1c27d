package org.herd.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.herd.lab.ClusterKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

/**
 * {@code herd demo}'s options are checked as a whole before it does anything ({@link
 * DemoCommand#spec()}, the first thing it calls): the lab's own limits too, which the lab used to
 * check only when brought up, after the demo had installed its packages. Only the check is run
 * here: a demo that passed it would start a lab.
 */
class DemoCommandTest {

  private static DemoCommand parsed(String... args) {
    String[] line = new String[args.length + 1];
    line[0] = "demo";
    System.arraycopy(args, 0, line, 1, args.length);
    CommandLine root = HerdCommand.commandLine(new HerdCommand(), line);
    root.parseArgs(line);
    return root.getSubcommands().get("demo").getCommand();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "--hosts 300        | --hosts 300: a lab has 1 to",
        "--hosts 2          | --hosts 2: a cluster that survives one member out needs 3",
        "--cluster redis    | cluster kind 'redis'",
        "--cluster rabbitmq | --cluster rabbitmq: the demo knows galera and etcd",
        "--name Demo        | lab name 'Demo'",
        "--release sid      | release 'sid'",
        "--by ansible       | --by ansible: expected herd, operator or clush",
        "--cluster-var 1x=y | --cluster-var 1x: a variable name",
      })
  void aMistakeIsRefusedBeforeTheDemoDoesAnything(String args, String message) {
    DemoCommand demo = parsed(args.split(" "));

    assertThatThrownBy(demo::spec).hasMessageStartingWith(message);
  }

  @Test
  void theDefaultsAreADemoOfThreeGaleraMembers() {
    DemoSpec spec = parsed().spec();

    assertThat(spec.kind()).isEqualTo(ClusterKind.GALERA);
    assertThat(spec.hosts()).isEqualTo(3);
    assertThat(spec.name()).isEqualTo("demo");
  }
}
