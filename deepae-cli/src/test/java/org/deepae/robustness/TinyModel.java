package org.deepae.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;

/** A tiny dataset of 4x4 images and a model trained on it through the command line, made once per test class. */
final class TinyModel {
    static final int SIDE = 4;
    static final int WIDTH = SIDE * SIDE;

    private TinyModel() {}

    /** Writes the four standard IDX files (12 training, 6 test images of 4x4, the images gzip) into {@code dir}. */
    static Path dataset(Path dir) throws IOException {
        Hostile.write(dir.resolve("train-images-idx3-ubyte.gz"), Hostile.gzip(Hostile.images(12, SIDE, SIDE)));
        Hostile.write(dir.resolve("train-labels-idx1-ubyte"), Hostile.labels(12));
        Hostile.write(dir.resolve("t10k-images-idx3-ubyte.gz"), Hostile.gzip(Hostile.images(6, SIDE, SIDE)));
        Hostile.write(dir.resolve("t10k-labels-idx1-ubyte"), Hostile.labels(6));
        return dir;
    }

    /** The arguments that train on {@code data} into {@code run}, quickly. */
    static String[] trainArgs(Path data, Path run) {
        return new String[] {
            "train",
            "--dataset",
            data.toString(),
            "--epochs",
            "1",
            "--layers",
            "8,2",
            "--batch-size",
            "6",
            "--threads",
            "1",
            "--out",
            run.toString()
        };
    }

    /** Trains on a fresh tiny dataset under {@code dir}, with {@code extra} options; returns the model directory. */
    static Path train(Path dir, String... extra) throws IOException {
        Path run = dir.resolve("run");
        java.util.List<String> args =
                new java.util.ArrayList<>(java.util.List.of(trainArgs(dataset(dir.resolve("data")), run)));
        args.addAll(java.util.List.of(extra));
        Cli result = Cli.run(args.toArray(new String[0]));
        assertThat(result.exitCode()).as(result.err()).isZero();
        return run.resolve("model");
    }
}
