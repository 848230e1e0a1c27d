package org.herd.debian;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AptOutcomeTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "0 upgraded, 0 newly installed, 0 to remove and 3 not upgraded.                | false",
        "Reading package lists...\\n1 upgraded, 0 newly installed, 0 to remove and 0 not upgraded.\\n"
            + "Unpacking nginx | true",
        "0 upgraded, 2 newly installed, 0 to remove and 0 not upgraded.                | true",
        "0 upgraded, 0 newly installed, 1 downgraded, 0 to remove and 0 not upgraded. | true",
        "0 upgraded, 0 newly installed, 0 downgraded, 0 to remove and 0 not upgraded. | false",
        "0 upgraded, 0 newly installed, 1 to remove and 0 not upgraded.                | true",
        "0 actualizados, 0 nuevos se instalarán, 0 para eliminar y 0 no actualizados.  | true",
        "Setting up nginx (1.22.1-9+deb12u1) ...                                       | true",
      })
  void anInstallChangedUnlessItsSummaryCountsNothing(String output, boolean changed) {
    assertThat(AptOutcome.installChanged(output.replace("\\n", "\n"))).isEqualTo(changed);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "Get:1 http://lab/debian bookworm/main amd64 nginx amd64 1.22.1-9+deb12u1 [40 kB]"
            + "\\nFetched 40 kB in 0s (1 MB/s)\\nDownload complete and in download only mode | true",
        "Need to get 0 B/40 kB of archives.\\nDownload complete and in download only mode | false",
      })
  void aDownloadFetchedWhenAptGotAPackage(String output, boolean fetched) {
    assertThat(AptOutcome.downloadFetched(output.replace("\\n", "\n"))).isEqualTo(fetched);
  }
}
