package org.herd.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InventoryLocatorTest {

  private static final Path CWD = Path.of("/work/site");

  @ParameterizedTest(name = "option={0} env={1} files={2}")
  @CsvSource(
      delimiter = '|',
      nullValues = "-",
      value = {
        // --inventory, $HERD_INVENTORY, existing files, expected format:path (name)
        "prod.yaml            | other.yaml | herd.yaml,/etc/herd/herd.yaml | HERD:/work/site/prod.yaml (prod.yaml)",
        "ansible:hosts.ini    | -          | -                             | ANSIBLE:/work/site/hosts.ini (hosts.ini)",
        "clush:/etc/g/s.yaml  | -          | -                             | CLUSH:/etc/g/s.yaml (/etc/g/s.yaml)",
        "herd:a:b.yaml        | -          | -                             | HERD:/work/site/a:b.yaml (a:b.yaml)",
        "c:/x.yaml            | -          | -                             | HERD:/work/site/c:/x.yaml (c:/x.yaml)",
        "-                    | ansible:/srv/inv | herd.yaml               | ANSIBLE:/srv/inv (/srv/inv)",
        "-                    | -          | herd.yaml,/etc/herd/herd.yaml | HERD:/work/site/herd.yaml (herd.yaml)",
        "-                    | -          | /etc/herd/herd.yaml           | HERD:/etc/herd/herd.yaml (/etc/herd/herd.yaml)",
      })
  void searchesInOrder(String option, String env, String files, String expected) {
    Set<Path> existing =
        files == null
            ? Set.of()
            : Set.of(files.split(",")).stream()
                .map(CWD::resolve)
                .collect(java.util.stream.Collectors.toSet());
    InventoryLocator locator =
        new InventoryLocator(
            env == null ? Map.of() : Map.of(InventoryLocator.ENV, env), CWD, existing::contains);
    InventoryRef ref = locator.locate(option);
    assertThat(ref.format() + ":" + ref.path() + " (" + ref.name() + ")").isEqualTo(expected);
  }

  @org.junit.jupiter.api.Test
  void saysWhereItLookedWhenThereIsNone() {
    InventoryLocator locator = new InventoryLocator(Map.of(), CWD, p -> false);
    assertThatThrownBy(() -> locator.locate(null))
        .isInstanceOfSatisfying(
            InventoryException.class,
            e ->
                assertThat(e.problems().get(0))
                    .hasToString(
                        "inventory: none found: give --inventory FILE, set HERD_INVENTORY, or"
                            + " create ./herd.yaml or /etc/herd/herd.yaml (see"
                            + " docs/inventory.md)"));
  }
}
