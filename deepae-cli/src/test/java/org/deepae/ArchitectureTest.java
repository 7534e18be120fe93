package org.deepae;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.Architectures.LayeredArchitecture;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The layers and modules of docs/architecture.md. Every module's classes are on this module's test classpath, so the
 * rules see the whole product: each layer uses only the layers below it, TensorFlow is used only in org.deepae.tf, and
 * each module keeps to its own libraries.
 */
@Tag("slow")
class ArchitectureTest {

    /** The layers, lowest first, with the module that holds each. */
    private static final List<String> LAYERS = List.of(
            "io",
            "data",
            "model",
            "tf",
            "train",
            "store",
            "analysis", // deepae-core
            "viz",
            "run", // deepae-viz
            "bench", // deepae-bench
            "cli"); // deepae-cli

    private static final String[] CORE = {
        "org.deepae.io..",
        "org.deepae.data..",
        "org.deepae.model..",
        "org.deepae.tf..",
        "org.deepae.train..",
        "org.deepae.store..",
        "org.deepae.analysis.."
    };

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                // deepae-testing's fixtures are main classes of a test-scoped module, not part of the product
                .withImportOption(location -> !location.contains("/org/deepae/testing/"))
                .importPackages("org.deepae");
    }

    @Test
    void everyLayerUsesOnlyTheLayersBelowIt() {
        LayeredArchitecture layers = layeredArchitecture().consideringOnlyDependenciesInLayers();
        for (String layer : LAYERS) {
            layers = layers.layer(layer).definedBy("org.deepae." + layer + "..");
        }
        for (int i = 0; i < LAYERS.size(); i++) {
            List<String> above = LAYERS.subList(i + 1, LAYERS.size());
            layers = above.isEmpty()
                    ? layers.whereLayer(LAYERS.get(i)).mayNotBeAccessedByAnyLayer()
                    : layers.whereLayer(LAYERS.get(i)).mayOnlyBeAccessedByLayers(above.toArray(String[]::new));
        }
        layers.check(classes);
    }

    @Test
    void onlyTheTfPackageUsesTensorFlow() {
        noClasses()
                .that()
                .resideOutsideOfPackage("org.deepae.tf..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.tensorflow..")
                .check(classes);
    }

    @Test
    void theLibraryUsesNoChartsNoCommandLineNoLogBinding() {
        noClasses()
                .that()
                .resideInAnyPackage(CORE)
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.knowm.xchart..", "picocli..", "me.tongfei..", "org.slf4j.simple..")
                .check(classes);
    }

    @Test
    void onlyTheCommandLineUsesPicocliAndProgressBars() {
        noClasses()
                .that()
                .resideOutsideOfPackage("org.deepae.cli..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("picocli..", "me.tongfei..")
                .check(classes);
    }

    @Test
    void theLibraryNeverPrints() {
        noClasses()
                .that()
                .resideOutsideOfPackage("org.deepae.cli..")
                .should()
                .accessField(System.class, "out")
                .check(classes);
    }

    @Test
    void theLayersAreTheModulesPackages() {
        // a guard for the lists above: a new package needs a layer (and a line in docs/architecture.md)
        List<String> packages = classes.stream()
                .map(c -> c.getPackageName().split("\\."))
                .filter(p -> p.length > 2)
                .map(p -> p[2])
                .distinct()
                .sorted()
                .toList();
        assertThat(packages).isNotEmpty();
        assertThat(LAYERS).containsAll(packages);
    }
}
