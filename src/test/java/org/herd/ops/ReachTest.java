package org.herd.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.herd.inventory.Inventory;
import org.herd.inventory.InventoryFormat;
import org.herd.inventory.InventoryLoader;
import org.herd.inventory.InventoryRef;
import org.herd.transport.Become;
import org.herd.transport.Endpoint;
import org.herd.transport.TransportKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Endpoints and transports from the inventory's connection settings and the operator's options. */
class ReachTest {

  @TempDir Path here;

  private Inventory inventory() throws IOException {
    Files.writeString(here.resolve("ssh_config"), "Host *\n");
    return InventoryLoader.load(
        new InventoryRef(InventoryFormat.HERD, here.resolve("herd.yaml"), "herd.yaml"),
        """
        hosts:
          web1:
          db1:
            address: 192.0.2.11
            port: 2222
            user: deploy
            become: sudo
            ssh_config: ssh_config
          legacy1:
            transport: openssh
        """);
  }

  @Test
  void theInventoryFillsInOnlyWhatDiffersFromSshConfigsDefaults() throws IOException {
    Reach reach =
        Reach.of(
            Optional.of(inventory()),
            List.of("web1", "db1", "legacy1", "unknown"),
            ConnectSettings.INVENTORY,
            here);
    assertThat(reach.endpoints().keySet()).containsExactly("web1", "db1", "legacy1", "unknown");
    assertThat(reach.endpoints().get("web1")).isEqualTo(Endpoint.of("web1"));
    Endpoint db = reach.endpoints().get("db1");
    assertThat(db.hostname()).isEqualTo("192.0.2.11");
    assertThat(db.port()).isEqualTo(2222);
    assertThat(db.user()).isEqualTo("deploy");
    assertThat(db.become()).isEqualTo(Become.SUDO);
    assertThat(db.sshConfig()).isEqualTo(here.resolve("ssh_config"));
    assertThat(reach.endpoints().get("unknown")).isEqualTo(Endpoint.of("unknown"));
    assertThat(reach.kinds())
        .containsEntry("web1", TransportKind.SSH)
        .containsEntry("legacy1", TransportKind.OPENSSH)
        .containsEntry("unknown", TransportKind.SSH);
  }

  @Test
  void theOperatorsOptionsWinOverTheInventory() throws IOException {
    Reach reach =
        Reach.of(
            Optional.of(inventory()),
            List.of("db1", "legacy1"),
            new ConnectSettings(
                Optional.of(TransportKind.LOCAL),
                true,
                Optional.of(here.resolve("cfg")),
                List.of()),
            here);
    assertThat(reach.kinds())
        .containsOnly(
            java.util.Map.entry("db1", TransportKind.LOCAL),
            java.util.Map.entry("legacy1", TransportKind.LOCAL));
    assertThat(reach.endpoints().get("legacy1").become()).isEqualTo(Become.SUDO);
    // An ssh_config named on the command line replaces the inventory's.
    assertThat(reach.endpoints().get("db1").sshConfig()).isNull();
  }

  @Test
  void anSshConfigInTheHomeIsFoundThereAndAMissingOneOrADirectoryIsRefused() throws IOException {
    Files.createDirectories(here.resolve(".ssh"));
    Files.writeString(here.resolve(".ssh/fleet"), "Host *\n");
    Inventory inventory =
        InventoryLoader.load(
            new InventoryRef(InventoryFormat.HERD, here.resolve("herd.yaml"), "herd.yaml"),
            "hosts:\n  a: {ssh_config: ~/.ssh/fleet}\n  b: {ssh_config: gone}\n"
                + "  c: {ssh_config: ~/.ssh}\n");

    assertThat(
            Reach.of(Optional.of(inventory), List.of("a"), ConnectSettings.INVENTORY, here)
                .endpoints()
                .get("a")
                .sshConfig())
        .isEqualTo(here.resolve(".ssh/fleet"));
    assertThatThrownBy(
            () -> Reach.of(Optional.of(inventory), List.of("b"), ConnectSettings.INVENTORY, here))
        .isInstanceOf(InvalidRequest.class)
        .hasMessage("inventory: host b: ssh_config " + here.resolve("gone") + ": no such file");
    assertThatThrownBy(
            () -> Reach.of(Optional.of(inventory), List.of("c"), ConnectSettings.INVENTORY, here))
        .isInstanceOf(InvalidRequest.class)
        .hasMessage("inventory: host c: ssh_config ~/.ssh: a directory, not a file");
  }

  @Test
  void withoutAnInventoryEveryHostIsItsNameOverSsh() {
    Reach reach = Reach.of(Optional.empty(), List.of("a", "b"), ConnectSettings.INVENTORY, here);
    assertThat(reach.endpoints().values()).containsExactly(Endpoint.of("a"), Endpoint.of("b"));
    assertThat(reach.kinds().values()).containsOnly(TransportKind.SSH);
  }

  @Test
  void putsTheOperatorsSshOptionsBeforeTheInventorysAndGivesTheIdentityFile() throws IOException {
    Files.writeString(here.resolve("id_web"), "key");
    Inventory inventory =
        InventoryLoader.load(
            new InventoryRef(InventoryFormat.HERD, here.resolve("herd.yaml"), "herd.yaml"),
            "hosts:\n  a: {ssh_options: [Port=2200], identity_file: id_web}\n");
    ConnectSettings operator =
        new ConnectSettings(
            Optional.empty(), false, Optional.empty(), List.of("User=op", "Port=2222"));

    Endpoint a =
        Reach.of(Optional.of(inventory), List.of("a", "b"), operator, here).endpoints().get("a");

    assertThat(a.sshOptions()).containsExactly("User=op", "Port=2222", "Port=2200");
    assertThat(a.identityFile()).isEqualTo(here.resolve("id_web"));
  }

  @Test
  void refusesWhatTheHostsTransportCannotHonour() throws IOException {
    Inventory inventory =
        InventoryLoader.load(
            new InventoryRef(InventoryFormat.HERD, here.resolve("herd.yaml"), "herd.yaml"),
            """
            hosts:
              a: {ssh_options: [CertificateFile=/k/cert.pub]}
              b: {ssh_options: [CertificateFile=/k/cert.pub], transport: openssh}
              c: {identity_file: gone}
            """);
    ConnectSettings forwarding =
        new ConnectSettings(Optional.empty(), false, Optional.empty(), List.of("ForwardAgent=yes"));

    assertThatThrownBy(
            () -> Reach.of(Optional.of(inventory), List.of("a"), ConnectSettings.INVENTORY, here))
        .isInstanceOf(InvalidRequest.class)
        .hasMessage(
            "inventory: host a: ssh_options CertificateFile=/k/cert.pub: option CertificateFile"
                + " is not supported by the ssh transport; use --transport openssh");
    assertThat(
            Reach.of(Optional.of(inventory), List.of("b"), ConnectSettings.INVENTORY, here)
                .endpoints()
                .get("b")
                .sshOptions())
        .containsExactly("CertificateFile=/k/cert.pub");
    assertThatThrownBy(() -> Reach.of(Optional.empty(), List.of("x"), forwarding, here))
        .hasMessage(
            "-o ForwardAgent=yes: option ForwardAgent yes is not supported by the ssh transport;"
                + " use --transport openssh");
    assertThatThrownBy(
            () -> Reach.of(Optional.of(inventory), List.of("c"), ConnectSettings.INVENTORY, here))
        .hasMessage("inventory: host c: identity_file " + here.resolve("gone") + ": no such file");
  }
}
