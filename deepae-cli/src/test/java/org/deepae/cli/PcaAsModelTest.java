package org.deepae.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.deepae.analysis.PcaModel;
import org.deepae.data.Dataset;
import org.deepae.data.DatasetCatalog;
import org.deepae.data.NpyReader;
import org.deepae.data.Rows;
import org.deepae.model.Autoencoder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A PCA saved by {@code deepae pca --save} used like a model by the other commands and the Java API. */
@Tag("slow")
class PcaAsModelTest {

    @TempDir
    static Path shared;

    private static Path pca;
    private static Dataset sample;

    @TempDir
    Path dir;

    @BeforeAll
    static void fitAndSave() throws Exception {
        pca = shared.resolve("pca");
        CommandRun run =
                CommandRun.of("pca", "--dataset", "mnist-sample", "--components", "2,16", "--save", pca.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        sample = new DatasetCatalog(shared.resolve("cache")).load("mnist-sample");
    }

    @Test
    void encodesWithTheLargestSavedComponentCount() throws Exception {
        Path codes = dir.resolve("codes.npy");
        CommandRun run = CommandRun.of(
                "encode", "--model", pca.toString(), "--input", "mnist-sample", "--out", codes.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        Rows read = NpyReader.read(codes);
        assertThat(read.width()).isEqualTo(16);
        PcaModel fitted = PcaModel.load(pca);
        assertThat(read.values()).containsExactly(fitted.encode(sample.test().values(), 2000, 16));
    }

    @Test
    @SuppressWarnings("try") // closes the model inside its block, to check that a closed model refuses work
    void worksThroughTheJavaApiAndDecodesWhatItEncodes() throws Exception {
        float[] rows = sample.test().head(5).values();
        try (Autoencoder model = Autoencoder.load(pca)) {
            assertThat(model.spec().codeSize()).isEqualTo(16);
            assertThat(model.spec().describe()).isEqualTo("784-16-784");
            float[] decoded = model.decode(model.encode(rows, 5), 5);
            float[] reconstructed = model.reconstruct(rows, 5);
            for (int i = 0; i < decoded.length; i++) {
                assertThat(decoded[i]).isCloseTo(reconstructed[i], org.assertj.core.data.Offset.offset(1e-5f));
            }
            model.close();
            assertThatThrownBy(() -> model.encode(rows, 5)).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void evaluatesReconstructsAndRefusesExport() throws Exception {
        CommandRun evaluate = CommandRun.of("evaluate", "--model", pca.toString(), "--json");
        assertThat(evaluate.exitCode()).as(evaluate.err()).isZero();
        double mse = new ObjectMapper()
                .readTree(evaluate.out())
                .path("mean_squared_error")
                .asDouble();
        assertThat(mse)
                .isCloseTo(
                        PcaModel.load(pca).meanSquaredError(sample.test().values(), 2000, 16),
                        org.assertj.core.data.Offset.offset(1e-7));

        CommandRun reconstruct = CommandRun.of(
                "reconstruct",
                "--model",
                pca.toString(),
                "--input",
                "mnist-sample",
                "--out",
                dir.resolve("grid.png").toString());
        assertThat(reconstruct.exitCode()).as(reconstruct.err()).isZero();

        CommandRun export = CommandRun.of(
                "export", "--model", pca.toString(), "--out", dir.resolve("s").toString());
        assertThat(export.exitCode()).isEqualTo(2);
        assertThat(export.err()).contains("is a PCA");
    }
}
