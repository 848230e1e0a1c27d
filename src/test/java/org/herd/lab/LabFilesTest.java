package org.herd.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class LabFilesTest {

  private static final Path DIR = Path.of("/var/lib/herd/lab/lab");
  private static final List<LabHost> HOSTS =
      List.of(new LabHost("lab-1", 1, "10.213.0.11"), new LabHost("lab-2", 2, "10.213.0.12"));

  @Test
  void sshConfigNamesEveryHostAndUsesOnlyTheLabKeyAndKnownHosts() {
    String config = LabFiles.sshConfig("lab", HOSTS, DIR);
    assertThat(config)
        .contains("Host lab-1\n  HostName 10.213.0.11\n")
        .contains("Host lab-2\n  HostName 10.213.0.12\n")
        .contains("Host lab-* 10.213.0.*\n  User root\n")
        .contains("  IdentityFile /var/lib/herd/lab/lab/id_ed25519\n  IdentitiesOnly yes\n")
        .contains("  UserKnownHostsFile /var/lib/herd/lab/lab/known_hosts\n")
        .contains("  StrictHostKeyChecking yes\n");
  }

  @Test
  void inventoryHasTheHostsAndTheLabGroup() {
    assertThat(LabFiles.inventory("lab", HOSTS, DIR))
        .contains(
            "hosts:\n  lab-1:\n    address: 10.213.0.11\n  lab-2:\n    address: 10.213.0.12\n")
        .endsWith("groups:\n  lab:\n    - lab-[1-2]\n");
  }

  @Test
  void nodeSetOfOneHostHasNoBrackets() {
    assertThat(LabFiles.nodeSet("web", 1)).isEqualTo("web-1");
    assertThat(LabFiles.nodeSet("web", 12)).isEqualTo("web-[1-12]");
  }

  @Test
  void aptSourceTrustsTheLabKeyOnlyNeverTrustedYes() {
    String sources = LabFiles.aptSources(Release.BOOKWORM, "10.213.0.1", 8213);
    assertThat(sources)
        .contains("URIs: http://10.213.0.1:8213/\n")
        .contains("Suites: bookworm bookworm-security\n")
        .contains("Signed-By: /etc/apt/keyrings/herd-lab.asc\n")
        .doesNotContainIgnoringCase("trusted");
  }

  @Test
  void etcHostsNamesEveryLabHost() {
    assertThat(LabFiles.etcHosts(HOSTS))
        .startsWith("127.0.0.1\tlocalhost\n")
        .contains("10.213.0.11\tlab-1\n10.213.0.12\tlab-2\n");
  }

  @Test
  void knownHostsListsNameAndAddressWithoutTheKeyComment() {
    assertThat(
            SshKeys.knownHosts(
                HOSTS, List.of("ssh-ed25519 AAAA1 root@lab-1", "ssh-ed25519 AAAA2 root@lab-2")))
        .isEqualTo("lab-1,10.213.0.11 ssh-ed25519 AAAA1\nlab-2,10.213.0.12 ssh-ed25519 AAAA2\n");
  }
}
