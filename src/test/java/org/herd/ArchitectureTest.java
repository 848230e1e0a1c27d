package org.herd;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.Architectures.LayeredArchitecture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Keeps the package layers exactly as docs/architecture.md's table draws them. */
class ArchitectureTest {

  /** A row of the table: `package` | what it owns | the layers it may use. */
  private static final Pattern TABLE_ROW = Pattern.compile("\\| `([a-z]+)` \\|.*\\| ([^|]+) \\|");

  private static final String EVERYTHING = "*";

  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.herd");
  }

  /**
   * Each row of docs/architecture.md's layer table: the package and the layers it may use ("—"
   * meaning {@code text} only, "nothing" meaning none, "everything" meaning every other layer).
   */
  private static Map<String, List<String>> documentedLayers() throws IOException {
    Map<String, List<String>> layers = new LinkedHashMap<>();
    for (String line : Files.readAllLines(Path.of("docs/architecture.md"))) {
      Matcher row = TABLE_ROW.matcher(line);
      if (row.matches()) {
        layers.put(row.group(1), mayUse(row.group(1), row.group(2).trim()));
      }
    }
    return layers;
  }

  private static List<String> mayUse(String layer, String cell) {
    if (cell.startsWith("nothing")) {
      return List.of();
    }
    if (cell.equals("everything")) {
      return List.of(EVERYTHING);
    }
    List<String> used = new ArrayList<>(List.of("text"));
    if (!cell.equals("—")) {
      for (String name : cell.split(",")) {
        used.add(name.trim());
      }
    }
    return used;
  }

  @Test
  void theLayerTableOfTheDocsIsWhatTheCodeDoes() throws IOException {
    Map<String, List<String>> table = documentedLayers();
    assertThat(table).containsKeys("text", "nodeset", "engine", "ops", "cli");
    LayeredArchitecture layers =
        layeredArchitecture().consideringOnlyDependenciesInLayers().withOptionalLayers(false);
    for (String layer : table.keySet()) {
      layers = layers.layer(layer).definedBy("org.herd." + layer + "..");
    }
    for (Map.Entry<String, List<String>> row : table.entrySet()) {
      List<String> used = row.getValue();
      if (used.isEmpty()) {
        layers = layers.whereLayer(row.getKey()).mayNotAccessAnyLayer();
      } else if (!used.contains(EVERYTHING)) {
        layers = layers.whereLayer(row.getKey()).mayOnlyAccessLayers(used.toArray(String[]::new));
      }
    }
    layers.whereLayer("cli").mayNotBeAccessedByAnyLayer().check(classes);
  }

  @Test
  void everyPackageHasItsRowInTheLayerTable() throws IOException {
    Map<String, List<String>> table = documentedLayers();
    Set<String> packages = new TreeSet<>();
    for (JavaClass type : classes) {
      String name = type.getPackageName();
      if (name.startsWith("org.herd.")) {
        packages.add(name.substring("org.herd.".length()).split("\\.")[0]);
      }
    }
    assertThat(table.keySet()).containsExactlyInAnyOrderElementsOf(packages);
  }

  @Test
  void onlyTheCliUsesPicocli() {
    noClasses()
        .that()
        .resideOutsideOfPackage("org.herd.cli..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("picocli..")
        .allowEmptyShould(true)
        .check(classes);
  }

  @Test
  void onlyTheWebLayerUsesTheHttpServerAndMetricsLibraries() {
    noClasses()
        .that()
        .resideOutsideOfPackage("org.herd.web..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("io.javalin..", "org.eclipse.jetty..", "io.micrometer..")
        .allowEmptyShould(true)
        .check(classes);
  }

  @Test
  void pureLayersTouchNoNetworkNorProcesses() {
    noClasses()
        .that()
        .resideInAnyPackage(
            "org.herd.text..", "org.herd.nodeset..", "org.herd.debian..", "org.herd.plan..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.apache.sshd..", "java.net..", "org.herd.transport..")
        .orShould()
        .dependOnClassesThat()
        .haveFullyQualifiedName("java.lang.ProcessBuilder")
        .allowEmptyShould(true)
        .check(classes);
  }

  @Test
  void onlyMainExitsTheJvm() {
    noClasses()
        .that()
        .doNotHaveFullyQualifiedName("org.herd.cli.Main")
        .should()
        .callMethod(System.class, "exit", int.class)
        .allowEmptyShould(true)
        .check(classes);
  }
}
