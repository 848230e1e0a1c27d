package org.herd.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MountTableTest {

  @Test
  void findsMountsUnderADirectoryDeepestFirst(@TempDir Path tmp) throws Exception {
    Path mountinfo = tmp.resolve("mountinfo");
    Files.writeString(
        mountinfo,
        """
        22 1 254:0 / / rw,relatime shared:1 - ext4 /dev/vda rw
        90 22 0:50 / /var/lib/herd/lab/lab/hosts/lab-1/root rw - overlay overlay rw
        91 90 0:51 / /var/lib/herd/lab/lab/hosts/lab-1/root/proc rw - proc proc rw
        92 22 0:52 / /var/lib/herd/lab/lab2/hosts/lab2-1/root rw - overlay overlay rw
        93 22 0:53 / /var/lib/herd/lab/lab/with\\040space rw - tmpfs tmpfs rw
        """);
    MountTable table = new MountTable(mountinfo, ProcessRunner.standard());
    assertThat(table.under(Path.of("/var/lib/herd/lab/lab")))
        .containsExactly(
            Path.of("/var/lib/herd/lab/lab/hosts/lab-1/root/proc"),
            Path.of("/var/lib/herd/lab/lab/hosts/lab-1/root"),
            Path.of("/var/lib/herd/lab/lab/with space"));
    assertThat(table.isMountPoint(Path.of("/var/lib/herd/lab/lab2/hosts/lab2-1/root"))).isTrue();
    assertThat(table.isMountPoint(Path.of("/var/lib/herd/lab/lab2"))).isFalse();
  }

  @Test
  void unescapesOctalSequencesOnly() {
    assertThat(MountTable.unescape("a\\040b\\011c\\\\d\\9")).isEqualTo("a b\tc\\\\d\\9");
  }
}
