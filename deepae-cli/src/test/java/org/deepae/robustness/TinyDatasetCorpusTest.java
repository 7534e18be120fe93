package org.deepae.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Datasets of a handful of rows through the whole of {@code train} (training, model, threshold, figures, report):
 * they either work end to end or are refused before any training with one line naming the dataset and the counts.
 */
@Tag("slow")
class TinyDatasetCorpusTest {
    @TempDir
    Path dir;

    private Path dataset(int train, int test) throws IOException {
        Path data = dir.resolve("data-" + train + "-" + test);
        Hostile.write(data.resolve("train-images-idx3-ubyte"), Hostile.images(train, 4, 4));
        Hostile.write(data.resolve("train-labels-idx1-ubyte"), Hostile.labels(train));
        Hostile.write(data.resolve("t10k-images-idx3-ubyte"), Hostile.images(test, 4, 4));
        Hostile.write(data.resolve("t10k-labels-idx1-ubyte"), Hostile.labels(test));
        return data;
    }

    private Cli train(Path data, String... layers) {
        Path run = dir.resolve("run");
        String[] base = {
            "train",
            "--dataset",
            data.toString(),
            "--epochs",
            "1",
            "--batch-size",
            "6",
            "--threads",
            "1",
            "--out",
            run.toString()
        };
        String[] args = java.util.Arrays.copyOf(base, base.length + layers.length);
        System.arraycopy(layers, 0, args, base.length, layers.length);
        return Cli.run(args);
    }

    @Test
    void oneTrainingRowIsRefusedBeforeTraining() throws IOException {
        Path data = dataset(1, 6);
        train(data, "--layers", "8,2")
                .failsCleanlyAfterProgress(1, "train", data.toString(), "needs at least 2 training rows, got 1");
        assertThat(dir.resolve("run")).doesNotExist();
    }

    @Test
    void aValidationSplitThatLeavesOneTrainingRowIsRefusedBeforeTraining() throws IOException {
        Path data = dataset(3, 2);
        train(data, "--layers", "8,2", "--validation-split", "0.5")
                .failsCleanlyAfterProgress(
                        1,
                        "train",
                        "--validation-split 0.5 holds out 2 of the 3 training rows, leaving 1; "
                                + "at least 2 must be left");
        assertThat(dir.resolve("run")).doesNotExist();
    }

    @Test
    void theAnalysisCommandsWorkOnTheSmallestDataTrainingTakes() throws IOException {
        Path data = dataset(2, 1);
        train(data, "--layers", "8,2").succeeds();
        String model = dir.resolve("run/model").toString();
        Cli.run("compare", "--model", model).succeeds();
        Cli.run("report", "--model", model, "--out", dir.resolve("again.html").toString())
                .succeeds();
        Cli.run("pca", "--dataset", data.toString(), "--components", "1,2").succeeds();
        Cli.run("latent", "--model", model, "--out", dir.resolve("latent.png").toString())
                .succeeds();
    }

    @Test
    void noTestRowsAreRefusedBeforeTraining() throws IOException {
        // the IDX reader refuses an empty image file, so this passed before too: a guard
        Path data = dataset(6, 0);
        train(data, "--layers", "8,2")
                .failsCleanlyAfterProgress(
                        1,
                        "train",
                        data.resolve("t10k-images-idx3-ubyte").toString(),
                        "expected a positive image count, found 0");
        assertThat(dir.resolve("run")).doesNotExist();
    }

    @Test
    void aCodeWiderThanTheImagesTrainsAndTheReportComparesWithPcaOfAllComponents() throws IOException {
        // it trained, wrote the model, then failed in the report's PCA baseline
        Path data = dataset(6, 3);
        train(data, "--layers", "32,20").succeeds();
        assertThat(Files.readString(dir.resolve("run/report.html")))
                .contains("PCA with 16 components (all of the input")
                .contains("the code is wider)");
    }

    @Test
    void twoTrainingRowsAndOneTestRowTrainEndToEnd() throws IOException {
        Path data = dataset(2, 1);
        for (String layers : new String[] {"8,2", "8,1", "8,3"}) {
            train(data, "--layers", layers, "--overwrite").succeeds();
            assertThat(dir.resolve("run/report.html")).isNotEmptyFile();
            assertThat(dir.resolve("run/reconstructions.png")).isNotEmptyFile();
            assertThat(dir.resolve("run/model/model.json")).isNotEmptyFile();
        }
    }
}
