package org.deepae;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Keeps the layers of STYLE.md: TensorFlow only in org.deepae.tf, the command line on top of everything. */
class ArchitectureTest {

  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("org.deepae");
  }

  @Test
  void onlyTheTfPackageUsesTensorFlow() {
    noClasses().that().resideOutsideOfPackage("org.deepae.tf..")
        .should().dependOnClassesThat().resideInAPackage("org.tensorflow..")
        .check(classes);
  }

  @Test
  void nothingDependsOnTheCommandLine() {
    noClasses().that().resideOutsideOfPackage("org.deepae.cli..")
        .should().dependOnClassesThat().resideInAPackage("org.deepae.cli..")
        .check(classes);
  }

  @Test
  void modelAndDataDependOnNoOtherLayer() {
    noClasses().that().resideInAnyPackage("org.deepae.model..", "org.deepae.data..")
        .should().dependOnClassesThat().resideInAnyPackage("org.deepae.tf..", "org.deepae.train..",
            "org.deepae.store..", "org.deepae.viz..", "org.deepae.analysis..", "org.deepae.run..")
        .check(classes);
  }

  @Test
  void runsSitOnTopOfTheLibraryAndBelowTheCommandLine() {
    noClasses().that().resideInAnyPackage("org.deepae.data..", "org.deepae.model..", "org.deepae.tf..",
            "org.deepae.train..", "org.deepae.store..", "org.deepae.analysis..", "org.deepae.viz..")
        .should().dependOnClassesThat().resideInAPackage("org.deepae.run..")
        .check(classes);
  }

  @Test
  void dataIsTheBottomLayer() {
    noClasses().that().resideInAPackage("org.deepae.data..")
        .should().dependOnClassesThat().resideInAPackage("org.deepae.model..")
        .check(classes);
  }

  @Test
  void theLibraryNeverPrints() {
    noClasses().that().resideOutsideOfPackage("org.deepae.cli..")
        .should().accessField(System.class, "out")
        .check(classes);
  }
}
