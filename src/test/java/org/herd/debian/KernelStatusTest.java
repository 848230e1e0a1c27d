package org.herd.debian;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.herd.debian.KernelStatus.Verdict;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KernelStatusTest {

  private static List<InstalledPackage> packages(String spec) {
    if (spec == null || spec.isBlank()) {
      return List.of();
    }
    return Arrays.stream(spec.split(";"))
        .map(String::strip)
        .map(
            s -> {
              String[] f = s.split(" ");
              return new InstalledPackage(
                  PackageName.parse(f[0]),
                  "amd64",
                  DebianVersion.parse(f[1]),
                  DpkgState.parse(f.length > 2 ? f[2] : "ii"));
            })
        .toList();
  }

  @ParameterizedTest(name = "{0} / {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        // running | uname -v | installed linux-image packages | verdict | newest
        "6.1.0-18-amd64 | #1 SMP PREEMPT_DYNAMIC Debian 6.1.76-1 (2024-02-01) | linux-image-6.1.0-18-amd64 6.1.76-1 | CURRENT | 6.1.0-18-amd64",
        "6.1.0-18-amd64 | #1 SMP PREEMPT_DYNAMIC Debian 6.1.76-1 (2024-02-01) | linux-image-6.1.0-18-amd64 6.1.76-1; linux-image-6.1.0-21-amd64 6.1.90-1 | NEWER_KERNEL | 6.1.0-21-amd64",
        "6.1.0-18-amd64 | #1 SMP PREEMPT_DYNAMIC Debian 6.1.76-1 (2024-02-01) | linux-image-6.1.0-18-amd64 6.1.76-2 | ABI_COMPATIBLE_UPGRADE | 6.1.0-18-amd64",
        "6.1.0-18-amd64 | #1 SMP PREEMPT_DYNAMIC Debian 6.1.76-1 (2024-02-01) | linux-image-6.1.0-18-amd64 6.1.76-1; linux-image-6.1.0-21-cloud-amd64 6.1.90-1 | CURRENT | 6.1.0-18-amd64",
        "6.1.0-18-amd64 | #1 SMP PREEMPT_DYNAMIC Debian 6.1.76-1 (2024-02-01) | linux-image-6.1.0-18-amd64 6.1.76-1; linux-image-6.1.0-21-amd64 6.1.90-1 rc | CURRENT | 6.1.0-18-amd64",
        "6.1.0-18-amd64 | #1 SMP PREEMPT_DYNAMIC Debian 6.1.76-1 (2024-02-01) | linux-image-6.1.0-18-amd64-unsigned 6.1.76-1; linux-image-6.1.0-21-amd64-dbg 6.1.90-1 | CURRENT | 6.1.0-18-amd64",
        "6.8.0-31-generic | #31-Ubuntu SMP PREEMPT_DYNAMIC Sat Apr 20 00:40:06 UTC 2024 | linux-image-6.8.0-31-generic 6.8.0-31.31; linux-image-6.8.0-35-generic 6.8.0-35.35 | NEWER_KERNEL | 6.8.0-35-generic",
        "6.18.44-fc-v782 | #1 SMP PREEMPT_DYNAMIC @0 | | UNKNOWN | ",
        "6.1.0-18-amd64 | #1 SMP | | UNKNOWN | ",
      })
  void comparesTheRunningKernelWithTheInstalledOnes(
      String running, String uname, String installed, Verdict verdict, String newest) {
    KernelStatus status = KernelStatus.evaluate(running, uname, packages(installed));

    assertThat(status.verdict()).isEqualTo(verdict);
    assertThat(status.newest()).isEqualTo(newest);
    assertThat(status.verdict().needsReboot())
        .isEqualTo(verdict == Verdict.NEWER_KERNEL || verdict == Verdict.ABI_COMPATIBLE_UPGRADE);
  }
}
