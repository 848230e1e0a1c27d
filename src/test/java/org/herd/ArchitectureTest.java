package org.herd;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Keeps the package layers of DESIGN.md (and docs/architecture.md) as they are drawn. */
class ArchitectureTest {

  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.herd");
  }

  @Test
  void packagesOnlyUseTheLayersBelowThem() {
    layeredArchitecture()
        .consideringOnlyDependenciesInLayers()
        .withOptionalLayers(true)
        .layer("text")
        .definedBy("org.herd.text..")
        .layer("nodeset")
        .definedBy("org.herd.nodeset..")
        .layer("inventory")
        .definedBy("org.herd.inventory..")
        .layer("transport")
        .definedBy("org.herd.transport..")
        .layer("fleet")
        .definedBy("org.herd.fleet..")
        .layer("debian")
        .definedBy("org.herd.debian..")
        .layer("facts")
        .definedBy("org.herd.facts..")
        .layer("recipe")
        .definedBy("org.herd.recipe..")
        .layer("plan")
        .definedBy("org.herd.plan..")
        .layer("engine")
        .definedBy("org.herd.engine..")
        .layer("journal")
        .definedBy("org.herd.journal..")
        .layer("lab")
        .definedBy("org.herd.lab..")
        .layer("web")
        .definedBy("org.herd.web..")
        .layer("cli")
        .definedBy("org.herd.cli..")
        .whereLayer("cli")
        .mayNotBeAccessedByAnyLayer()
        .whereLayer("text")
        .mayNotAccessAnyLayer()
        .whereLayer("web")
        .mayOnlyBeAccessedByLayers("cli")
        .whereLayer("lab")
        .mayOnlyBeAccessedByLayers("cli")
        .whereLayer("engine")
        .mayOnlyBeAccessedByLayers("web", "cli")
        .whereLayer("journal")
        .mayOnlyBeAccessedByLayers("engine", "web", "cli")
        .whereLayer("plan")
        .mayOnlyBeAccessedByLayers("engine", "web", "cli")
        .whereLayer("facts")
        .mayOnlyBeAccessedByLayers("plan", "engine", "web", "cli")
        .whereLayer("fleet")
        .mayOnlyBeAccessedByLayers("facts", "engine", "lab", "cli")
        .whereLayer("recipe")
        .mayOnlyBeAccessedByLayers("plan", "engine", "cli")
        .whereLayer("inventory")
        .mayOnlyBeAccessedByLayers("plan", "engine", "lab", "web", "cli")
        .whereLayer("transport")
        .mayOnlyBeAccessedByLayers("fleet", "facts", "engine", "lab", "cli")
        .whereLayer("debian")
        .mayOnlyBeAccessedByLayers("facts", "plan", "engine", "lab", "web", "cli")
        .whereLayer("nodeset")
        .mayOnlyBeAccessedByLayers(
            "inventory", "fleet", "facts", "plan", "engine", "lab", "web", "cli")
        .allowEmptyShould(true)
        .check(classes);
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
