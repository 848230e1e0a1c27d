package org.herd.debian;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.herd.debian.StaleCode.FileIdentity;
import org.herd.debian.SystemdUnit.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** needrestart's method on captured /proc files (see captures/README.md, devvm/proc). */
class RestartDetectionTest {

  /** The file now at each mapped path of the captures: what stat reported on the VM. */
  private static Optional<RestartReason> verdict(String mapsCapture, FileIdentity libbindNow) {
    return Captures.read(mapsCapture)
        .lines()
        .map(MapsLine::parse)
        .filter(l -> l != null && l.isExecutableFile())
        .map(
            l ->
                StaleCode.check(
                    l,
                    l.path().equals("/opt/herd-stale/libbind.so.1")
                        ? libbindNow
                        : new FileIdentity(65024, l.inode())))
        .flatMap(Optional::stream)
        .findFirst();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "devvm/proc/maps-1.txt, DELETED_MAPPING",
    "devvm/proc/maps-2.txt, DELETED_MAPPING",
    "devvm/proc/maps-3.txt, DELETED_MAPPING",
    "devvm/proc/maps-4.txt, REPLACED_MAPPING",
  })
  void findsEveryCapturedStaleProcess(String capture, RestartReason expected) {
    String[] stat = Captures.read("devvm/proc/stat-4.txt").split(" ");
    FileIdentity now = new FileIdentity(Long.parseLong(stat[0]), Long.parseLong(stat[1]));

    assertThat(verdict(capture, now)).contains(expected);
  }

  @Test
  void anUnchangedFileIsNotAFinding() {
    // maps-4 with the library as it was when the process mapped it (inode 1482759).
    assertThat(verdict("devvm/proc/maps-4.txt", new FileIdentity(65024, 1482759))).isEmpty();
  }

  @Test
  void readsExecutableLinksLikeNeedrestart() {
    assertThat(StaleCode.isDeletedExecutable(Captures.read("devvm/proc/exe-3.txt").strip()))
        .isTrue();
    assertThat(StaleCode.isDeletedExecutable(Captures.read("devvm/proc/exe-1.txt").strip()))
        .isFalse();
    assertThat(StaleCode.isDeletedExecutable("/memfd:sealed-91173221a7ea (deleted)")).isFalse();
    assertThat(StaleCode.isDeletedExecutable("/usr/bin/sudo (deleted)")).isFalse();
    assertThat(StaleCode.isDeletedExecutable("/usr/sbin/sshd (deleted)")).isTrue();
    assertThat(StaleCode.isDeletedExecutable(null)).isFalse();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "7f9a1f964000-7f9a1f977000 r-xp 00003000 fe:00 1482755   /opt/herd-stale/libreplaced.so.1 (deleted) | true | true",
        "7fa69c961000-7fa69ca34000 r-xp 0000a000 00:01 1024      /memfd:sealed-91173221a7ea (deleted) | true | false",
        "7f00-7f01 r-xp 00000000 00:05 12      /dev/zero (deleted) | true | false",
        "7f00-7f01 r-xp 00000000 fe:00 12      /tmp/jansi-2.4.2-libjansi.so (deleted) | true | false",
        "7f00-7f01 r-xp 00000000 fe:00 12      /run/x.so (deleted) | true | false",
        "7f00-7f01 r--p 00000000 fe:00 12      /usr/lib/libfoo.so (deleted) | false | false",
        "7f00-7f01 r-xp 00000000 00:00 0      [vdso] | false | false",
        "7f00-7f01 rw-p 00000000 00:00 0 | false | false",
      })
  void appliesNeedrestartsBlacklist(String line, boolean executableFile, boolean finding) {
    MapsLine parsed = MapsLine.parse(line);
    assertThat(parsed.isExecutableFile()).isEqualTo(executableFile);
    assertThat(StaleCode.check(parsed, null).isPresent()).isEqualTo(finding);
  }

  @Test
  void comparesDevicesInBothEncodingsAndSkipsDevicelessFileSystems() {
    MapsLine line = MapsLine.parse("7f00-7f01 r-xp 00000000 fe:00 42 /usr/lib/x.so");
    assertThat(StaleCode.check(line, new FileIdentity(65024, 42))).isEmpty();
    assertThat(StaleCode.check(line, new FileIdentity(65024, 43)))
        .contains(RestartReason.REPLACED_MAPPING);
    assertThat(StaleCode.check(line, new FileIdentity(2049, 42)))
        .contains(RestartReason.REPLACED_MAPPING);
    // btrfs and overlay: maps shows an anonymous device (00:xx); only the inode counts.
    MapsLine btrfs = MapsLine.parse("7f00-7f01 r-xp 00000000 00:1f 42 /usr/lib/x.so");
    assertThat(StaleCode.check(btrfs, new FileIdentity(2049, 42))).isEmpty();
    // a big minor number (device 259:65536): glibc splits it over two bit fields.
    FileIdentity nvme = new FileIdentity((259L << 8) | ((65536L & ~0xffL) << 12), 7);
    assertThat(nvme.major()).isEqualTo(259);
    assertThat(nvme.minor()).isEqualTo(65536);
    assertThat(StaleCode.check(MapsLine.parse("7f00-7f01 r-xp 0 103:10000 7 /usr/bin/x"), nvme))
        .isEmpty();
  }

  @Test
  void readsMapsLinesAndRejectsOthers() {
    MapsLine line =
        MapsLine.parse(
            "55c880b03000-55c880b08000 r-xp 00002000 fe:00 260875                     /usr/bin/sleep");
    assertThat(line)
        .isEqualTo(
            new MapsLine(
                "55c880b03000-55c880b08000", "r-xp", "fe:00", 260875, "/usr/bin/sleep", false));
    assertThat(MapsLine.parse("/path with spaces")).isNull();
    assertThat(MapsLine.parse("")).isNull();
    assertThat(MapsLine.parse("7f00-7f01 r-xp 0 fe:00 1 /opt/my app/lib x.so (deleted)"))
        .satisfies(
            l -> {
              assertThat(l.path()).isEqualTo("/opt/my app/lib x.so");
              assertThat(l.deleted()).isTrue();
            });
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "/system.slice/ssh.service | ssh.service | SERVICE",
        "/system.slice/system-postgresql.slice/postgresql@15-main.service | postgresql@15-main.service | SERVICE",
        "/system.slice/rabbitmq-server.service/beam | rabbitmq-server.service | SERVICE",
        "/user.slice/user-1000.slice/session-3.scope | session-3.scope | SESSION",
        "/user.slice/user-1000.slice/user@1000.service/app.slice/dbus.service | dbus.service | USER_SERVICE",
        "/user.slice/user-1000.slice/user@1000.service/init.scope | user@1000.service | SERVICE",
        "/system.slice/docker-0123abcd.scope | docker-0123abcd.scope | SCOPE",
        "/machine.slice/systemd-nspawn@lab1.service/payload/system.slice/ssh.service | systemd-nspawn@lab1.service | CONTAINER",
        "/init.scope | init.scope | SCOPE",
        "/ | | NONE",
      })
  void namesTheUnitFromTheCgroupPath(String path, String unit, Kind kind) {
    assertThat(SystemdUnit.fromPath(path)).isEqualTo(new SystemdUnit(unit, kind, path));
  }

  @Test
  void readsCgroupFilesOfBothHierarchies() {
    assertThat(
            SystemdUnit.fromCgroupFile(Captures.read("devvm/proc/cgroup-1.txt").lines().toList())
                .kind())
        .isEqualTo(Kind.NONE);
    assertThat(SystemdUnit.fromCgroupFile(List.of("0::/system.slice/cron.service")).name())
        .isEqualTo("cron.service");
    assertThat(
            SystemdUnit.fromCgroupFile(
                    List.of(
                        "12:pids:/system.slice/cron.service",
                        "1:name=systemd:/system.slice/cron.service",
                        "0::/"))
                .name())
        .isEqualTo("cron.service");
  }

  @Test
  void readsNeedrestartBatchOutput() {
    Parsed<NeedrestartReport> real =
        NeedrestartReport.parse(Captures.read("devvm/needrestart-b.txt"));
    // The example of needrestart's README.batch.md.
    Parsed<NeedrestartReport> documented =
        NeedrestartReport.parse(
            "NEEDRESTART-VER: 2.1\nNEEDRESTART-KCUR: 3.19.3-tl1+\nNEEDRESTART-KEXP: 3.19.3-tl1+\n"
                + "NEEDRESTART-KSTA: 1\nNEEDRESTART-SVC: systemd-journald.service\n"
                + "NEEDRESTART-SVC: systemd-machined.service\nNEEDRESTART-CONT: LXC web1\n"
                + "NEEDRESTART-SESS: alice @ session #3\nsomething else\n");

    assertThat(real.warnings()).isEmpty();
    assertThat(real.value().version()).isEqualTo("3.6");
    assertThat(real.value().kernelRunning()).isEqualTo("6.18.44-fc-v782");
    assertThat(real.value().kernelStatus()).isZero();
    assertThat(real.value().microcodeStatus()).isEqualTo(1);
    assertThat(real.value().services()).isEmpty();
    assertThat(documented.value().services())
        .containsExactly("systemd-journald.service", "systemd-machined.service");
    assertThat(documented.value().containers()).containsExactly("LXC web1");
    assertThat(documented.value().sessions()).containsExactly("alice @ session #3");
    assertThat(documented.value().kernelNeedsReboot()).isFalse();
    assertThat(documented.warnings())
        .containsExactly("unexpected needrestart line: something else");
  }

  @Test
  void readsProcLocks() {
    Parsed<List<FileLock>> parsed =
        FileLock.parse(
            "2: POSIX  ADVISORY  WRITE 14531 fe:00:398611 0 EOF\n"
                + "7: POSIX  ADVISORY  WRITE 14531 fe:00:2150882 0 EOF\n"
                + "7: -> POSIX  ADVISORY  WRITE 15000 fe:00:2150882 0 EOF\n"
                + "1: FLOCK  ADVISORY  WRITE 23856 fe:00:2154505 0 EOF\n"
                + "3: OFDLCK ADVISORY  READ  -1 00:06:9 0 EOF\n"
                + "junk\n");

    assertThat(parsed.value())
        .containsExactly(
            new FileLock("POSIX", 14531, "fe:00", 398611, false),
            new FileLock("POSIX", 14531, "fe:00", 2150882, false),
            new FileLock("POSIX", 15000, "fe:00", 2150882, true),
            new FileLock("FLOCK", 23856, "fe:00", 2154505, false),
            new FileLock("OFDLCK", -1, "00:06", 9, false));
    assertThat(parsed.warnings()).hasSize(1);
    assertThat(parsed.value().get(1).isOn(new FileIdentity(65024, 2150882))).isTrue();
    assertThat(parsed.value().get(1).isOn(new FileIdentity(65024, 2150883))).isFalse();
  }
}
