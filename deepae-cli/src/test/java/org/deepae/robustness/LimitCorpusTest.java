package org.deepae.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.concurrent.TimeUnit;
import org.deepae.testing.TestFiles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Options and model files that once made deepae hang or take all memory: networks too deep or too large for the
 * machine, and figures too large to draw. Each is refused at once, with one line, and writes nothing.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
@Tag("slow")
class LimitCorpusTest {
    @TempDir
    static Path shared;

    private static Path model;
    private static Path input;

    @TempDir
    Path dir;

    @BeforeAll
    static void train() throws IOException {
        model = TinyModel.train(shared);
        input = Hostile.write(shared.resolve("input.csv"), Hostile.csv(3, TinyModel.WIDTH, false));
    }

    private String[] train(String... network) {
        String[] base = {
            "train",
            "--dataset",
            shared.resolve("data").toString(),
            "--epochs",
            "1",
            "--threads",
            "1",
            "--out",
            dir.resolve("run").toString()
        };
        String[] args = java.util.Arrays.copyOf(base, base.length + network.length);
        System.arraycopy(network, 0, args, base.length, network.length);
        return args;
    }

    @Test
    void aNetworkLargerThanTheMemoryIsABadOptionAndBuildsNothing() {
        // this network never finished: TensorFlow could not allocate its 37 GB matrices, and the graph then waited
        // forever for its session to close
        Cli.run(train("--layers", "100000,100000"))
                .failsCleanly(2, "train", "--layers 100000,100000: ", "20,157,100,784 parameters", "GiB of memory");
        assertThat(dir.resolve("run")).doesNotExist();
    }

    @Test
    void tooManyLayersAreABadOption() {
        String layers = String.join(",", Collections.nCopies(2000, "8"));
        Cli.run(train("--layers", layers)).failsCleanly(2, "train", "at most 64 dense layers", "got 4000");
        assertThat(dir.resolve("run")).doesNotExist();
    }

    @Test
    void tooManyLayersInAConfigFileAreABadOption() throws IOException {
        Path config = Hostile.write(
                dir.resolve("config.json"),
                "{\"layers\": [" + String.join(", ", Collections.nCopies(1000, "8")) + "]}");
        Cli.run(train("--config", config.toString())).failsCleanly(2, "train", "at most 64 dense layers");
    }

    @Test
    void aModelFileWithThousandsOfLayersIsRefused() throws IOException {
        Path copy = TestFiles.copyTree(model, dir.resolve("model"));
        String json = Files.readString(copy.resolve("model.json"));
        String deep = "\"encoder_layers\" : [ " + String.join(", ", Collections.nCopies(5000, "8")) + ", 2 ]";
        Files.writeString(
                copy.resolve("model.json"),
                json.replaceFirst("\"encoder_layers\" : \\[[^]]*\\]", deep)
                        .replaceFirst("\"decoder_layers\" : \\[[^]]*\\]", "\"decoder_layers\" : [ ]"));

        Cli.run(
                        "encode",
                        "--model",
                        copy.toString(),
                        "--input",
                        input.toString(),
                        "--out",
                        dir.resolve("codes.csv").toString())
                .failsCleanly(1, "encode", "model.json", "at most 64 dense layers");
        assertThat(dir.resolve("codes.csv")).doesNotExist();
    }

    @Test
    void aModelFileWhoseNetworkCannotFitTheMemoryIsRefused() throws IOException {
        Path copy = TestFiles.copyTree(model, dir.resolve("model"));
        String json = Files.readString(copy.resolve("model.json"));
        Files.writeString(
                copy.resolve("model.json"),
                json.replaceFirst("\"encoder_layers\" : \\[[^]]*\\]", "\"encoder_layers\" : [ 2000000000, 2 ]")
                        .replaceFirst("\"decoder_layers\" : \\[[^]]*\\]", "\"decoder_layers\" : [ 2000000000 ]"));

        Cli.run(
                        "encode",
                        "--model",
                        copy.toString(),
                        "--input",
                        input.toString(),
                        "--out",
                        dir.resolve("codes.csv").toString())
                .failsCleanly(1, "encode", copy.toString(), "parameters", "loading it needs");
    }

    @Test
    void aFifoAsAWeightShardIsRefusedWithoutOpeningIt() throws Exception {
        Path copy = TestFiles.copyTree(model, dir.resolve("model"));
        Path shard = copy.resolve("variables/variables.data-00000-of-00001");
        Files.delete(shard);
        assertThat(new ProcessBuilder("mkfifo", shard.toString()).start().waitFor())
                .isZero();

        Cli.run(
                        "encode",
                        "--model",
                        copy.toString(),
                        "--input",
                        input.toString(),
                        "--out",
                        dir.resolve("codes.csv").toString())
                .failsCleanly(1, "encode", shard.toString(), "not a regular file");
    }

    @Test
    void tooManyThreadsAreABadOption() {
        // TensorFlow started every one: encoding three rows with --threads 100000 had not finished after 60 s (3.9 GB)
        Cli.run(
                        "encode",
                        "--model",
                        model.toString(),
                        "--input",
                        input.toString(),
                        "--threads",
                        "100000",
                        "--out",
                        dir.resolve("codes.csv").toString())
                .failsCleanly(2, "encode", "--threads", "between 1 and 1024");
        assertThat(dir.resolve("codes.csv")).doesNotExist();
    }

    @Test
    void aHugeScaleIsABadOption() {
        for (String command : new String[] {"reconstruct", "decode"}) {
            String in = command.equals("decode") ? codes(3) : input.toString();
            // --scale 100000 overflowed inside AWT ("deepae reconstruct: -1173099240"); 2000 took 2.4 GB first
            for (String scale : new String[] {"100000", "2000", "33"}) {
                Cli.run(
                                command,
                                "--model",
                                model.toString(),
                                "--input",
                                in,
                                "--scale",
                                scale,
                                "--out",
                                dir.resolve("figure.png").toString())
                        .failsCleanly(2, command, "--scale", "between 1 and 32");
            }
            assertThat(dir.resolve("figure.png")).doesNotExist();
        }
    }

    @Test
    void aFigureOfTooManyPixelsIsABadOptionBeforeTheModelRuns() {
        // 4,000 decoded 4x4 images at scale 32: 400 rows of 132-pixel cells, about 53,000 x 1,350 pixels
        Cli.run(
                        "decode",
                        "--model",
                        model.toString(),
                        "--input",
                        codes(4000),
                        "--scale",
                        "32",
                        "--out",
                        dir.resolve("figure.png").toString())
                .failsCleanly(2, "decode", "--scale 32", "pixels", "write .npy");
        assertThat(dir.resolve("figure.png")).doesNotExist();
        Cli.run(
                        "decode",
                        "--model",
                        model.toString(),
                        "--input",
                        codes(4000),
                        "--scale",
                        "1",
                        "--out",
                        dir.resolve("figure.png").toString())
                .succeeds();
    }

    private String codes(int rows) {
        StringBuilder csv = new StringBuilder();
        for (int i = 0; i < rows; i++) {
            csv.append(i % 7 * 0.1f).append(',').append(i % 3 * 0.2f).append('\n');
        }
        try {
            return Hostile.write(dir.resolve("codes-" + rows + ".csv"), csv.toString())
                    .toString();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
