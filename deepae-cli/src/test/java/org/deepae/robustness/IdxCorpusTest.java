package org.deepae.robustness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.deepae.robustness.Hostile.IMAGES;
import static org.deepae.robustness.Hostile.LABELS;
import static org.deepae.robustness.Hostile.append;
import static org.deepae.robustness.Hostile.cut;
import static org.deepae.robustness.Hostile.garble;
import static org.deepae.robustness.Hostile.gzip;
import static org.deepae.robustness.Hostile.idx;
import static org.deepae.robustness.Hostile.images;
import static org.deepae.robustness.Hostile.labels;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Broken IDX files through the real command line: as one of the four files of a {@code train --dataset DIR}, and as
 * a single {@code encode --input} image file. Each must fail fast with one line naming the file and the problem.
 */
@Tag("slow")
class IdxCorpusTest {
    private static final long MEGABYTE = 1 << 20;

    @TempDir
    static Path shared;

    private static Path model;

    @TempDir
    Path dir;

    @BeforeAll
    static void trainTinyModel() throws IOException {
        model = TinyModel.train(shared);
    }

    /** One of the four dataset files replaced by {@code content} ({@code null}: by a directory). */
    record Broken(String file, byte[] content, String... mentions) {}

    private static Arguments dataset(String name, Broken broken) {
        return Arguments.of(Named.of(name, broken));
    }

    static Stream<Arguments> brokenDatasets() throws IOException {
        String images = "train-images-idx3-ubyte";
        String labels = "train-labels-idx1-ubyte";
        byte[] good = images(12, 4, 4);
        return Stream.of(
                dataset(
                        "bad magic number",
                        new Broken(
                                images,
                                idx(0x12345678, new int[] {12, 4, 4}, 192),
                                images,
                                "expected magic number 0x00000803",
                                "found 0x12345678")),
                dataset("images file holding labels", new Broken(images, labels(12), images, "0x00000801")),
                dataset(
                        "wrong element type (float)",
                        new Broken(
                                images,
                                idx(0x00000D03, new int[] {12, 4, 4}, 768),
                                images,
                                "expected data type 0x08 (unsigned byte)",
                                "float")),
                dataset(
                        "zero image count",
                        new Broken(
                                images,
                                idx(IMAGES, new int[] {0, 4, 4}, 0),
                                images,
                                "expected a positive image count, found 0")),
                dataset(
                        "zero image width",
                        new Broken(images, idx(IMAGES, new int[] {12, 4, 0}, 0), images, "image width, found 0")),
                dataset(
                        "negative image height",
                        new Broken(
                                images,
                                idx(IMAGES, new int[] {12, -4, 4}, 192),
                                images,
                                "image height, found 4294967292")),
                dataset(
                        "2^31-1 images of 28x28 in a 100-byte file",
                        new Broken(
                                images,
                                idx(IMAGES, new int[] {Integer.MAX_VALUE, 28, 28}, 84),
                                images,
                                "more than the",
                                "a Java array can hold")),
                dataset(
                        "100 million images of 4x4 in a 100-byte file",
                        new Broken(
                                images,
                                idx(IMAGES, new int[] {100_000_000, 4, 4}, 84),
                                images,
                                "expected 1600000000 bytes",
                                "truncated")),
                dataset(
                        "gzip of 100 million images of 4x4 with 84 bytes of payload",
                        new Broken(
                                images + ".gz",
                                gzip(idx(IMAGES, new int[] {100_000_000, 4, 4}, 84)),
                                images,
                                "found 84",
                                "truncated")),
                dataset(
                        "2^30 labels in a 100-byte file",
                        new Broken(
                                labels,
                                idx(LABELS, new int[] {1 << 30}, 92),
                                labels,
                                "expected 1073741824 bytes",
                                "found 92",
                                "truncated")),
                dataset(
                        "2^31-1 labels in a 100-byte file",
                        new Broken(
                                labels,
                                idx(LABELS, new int[] {Integer.MAX_VALUE}, 92),
                                labels,
                                "a Java array can hold")),
                dataset(
                        "truncated image payload",
                        new Broken(
                                images,
                                cut(good, good.length - 5),
                                images,
                                "expected 192 bytes",
                                "found 187",
                                "truncated")),
                dataset(
                        "file ends inside the header",
                        new Broken(images, cut(good, 10), images, "ends inside the IDX header")),
                dataset("file ends inside the magic number", new Broken(images, cut(good, 3), images, "magic number")),
                dataset(
                        "trailing bytes after the images",
                        new Broken(images, append(good, 3), images, "3 trailing bytes")),
                dataset(
                        "trailing bytes after gzip images",
                        new Broken(images + ".gz", gzip(append(good, 1)), images, "1 trailing bytes")),
                dataset(
                        "fewer labels than images",
                        new Broken(labels, labels(11), labels, "expected 12 labels, one per image", "found 11")),
                dataset(
                        "more labels than images",
                        new Broken(labels, labels(13), labels, "expected 12 labels", "found 13")),
                dataset(
                        "corrupt gzip data",
                        new Broken(
                                images + ".gz",
                                garble(gzip(good), 12),
                                images + ".gz",
                                "corrupt or truncated gzip data")),
                dataset(
                        "truncated gzip",
                        new Broken(
                                images + ".gz", cut(gzip(good), 30), images + ".gz", "corrupt or truncated gzip data")),
                dataset(
                        "gzip magic only",
                        new Broken(
                                images + ".gz",
                                new byte[] {0x1f, (byte) 0x8b},
                                images + ".gz",
                                "corrupt or truncated gzip data")),
                dataset("empty images file", new Broken(images, new byte[0], images, "empty file")),
                dataset("empty labels file", new Broken(labels, new byte[0], labels, "empty file")),
                dataset("gzip of an empty file", new Broken(images + ".gz", gzip(new byte[0]), images, "no data")),
                dataset(
                        "test images of another size",
                        new Broken(
                                "t10k-images-idx3-ubyte.gz",
                                gzip(images(6, 5, 5)),
                                "expected test images of the training size 4x4, found 5x5")),
                dataset("a directory instead of the images file", new Broken(images, null, images, "directory")));
    }

    @ParameterizedTest(name = "train --dataset DIR with {0}")
    @MethodSource("brokenDatasets")
    @Timeout(10)
    void brokenDatasetFailsWithOneLine(Broken broken) throws IOException {
        Path data = TinyModel.dataset(dir.resolve("data"));
        try (var files = Files.list(data)) {
            for (Path f : files.filter(f ->
                            f.getFileName().toString().startsWith(broken.file().replace(".gz", "")))
                    .toList()) {
                Files.delete(f);
            }
        }
        if (broken.content() == null) {
            Files.createDirectories(data.resolve(broken.file()));
        } else {
            Hostile.write(data.resolve(broken.file()), broken.content());
        }
        Path run = dir.resolve("run");
        long before = usedHeap();

        Cli.run(TinyModel.trainArgs(data, run)).failsCleanly(1, "train", broken.mentions());

        assertThat(usedHeap() - before).as("heap growth").isLessThan(256 * MEGABYTE);
        assertThat(run).doesNotExist();
    }

    static Stream<Arguments> brokenImageFiles() throws IOException {
        byte[] good = images(3, 4, 4);
        return Stream.of(
                Arguments.of(
                        Named.of("bad magic number", idx(0x00000805, new int[] {3, 4, 4}, 48)),
                        "expected magic number"),
                Arguments.of(Named.of("a label file", labels(3)), "found an IDX label file"),
                Arguments.of(
                        Named.of("wrong element type (int)", idx(0x00000C03, new int[] {3, 4, 4}, 192)),
                        "expected data type 0x08"),
                Arguments.of(Named.of("zero images", idx(IMAGES, new int[] {0, 4, 4}, 0)), "positive image count"),
                Arguments.of(
                        Named.of(
                                "2^31-1 images in a 100-byte file",
                                idx(IMAGES, new int[] {Integer.MAX_VALUE, 4, 4}, 84)),
                        "a Java array can hold"),
                Arguments.of(
                        Named.of(
                                "gzip claiming 100 million images",
                                gzip(idx(IMAGES, new int[] {100_000_000, 4, 4}, 50))),
                        "truncated"),
                Arguments.of(Named.of("truncated payload", cut(good, 40)), "truncated"),
                Arguments.of(Named.of("trailing bytes", append(good, 7)), "7 trailing bytes"),
                Arguments.of(Named.of("corrupt gzip", garble(gzip(good), 12)), "corrupt or truncated gzip data"),
                Arguments.of(Named.of("truncated gzip", cut(gzip(good), 25)), "corrupt or truncated gzip data"),
                Arguments.of(
                        Named.of("images of 5x5 for a 4x4 model", images(3, 5, 5)),
                        "images are 5x5 but the model takes 4x4"),
                Arguments.of(Named.of("empty file", new byte[0]), "empty"));
    }

    @ParameterizedTest(name = "encode --input images.idx3-ubyte with {0}")
    @MethodSource("brokenImageFiles")
    @Timeout(10)
    void brokenImageFileFailsWithOneLineAndKeepsTheOutput(byte[] content, String problem) throws IOException {
        Path input = Hostile.write(dir.resolve("images.idx3-ubyte"), content);
        Outputs outputs = Outputs.existing(dir.resolve("out"), "codes.csv");

        Cli.run(
                        "encode",
                        "--model",
                        model.toString(),
                        "--input",
                        input.toString(),
                        "--out",
                        outputs.file().toString())
                .failsCleanly(1, "encode", input.toString(), problem);

        outputs.assertUnchanged();
    }

    @ParameterizedTest(name = "encode --input DIR where DIR is {0}")
    @MethodSource("inputDirectories")
    void aDirectoryWithoutImagesIsRefused(String what, String file) throws IOException {
        Path input = Files.createDirectories(dir.resolve("input"));
        if (file != null) {
            Hostile.write(input.resolve(file), images(3, 4, 4));
        }
        Outputs outputs = Outputs.existing(dir.resolve("out"), "codes.npy");

        Cli.run(
                        "encode",
                        "--model",
                        model.toString(),
                        "--input",
                        input.toString(),
                        "--out",
                        outputs.file().toString())
                .failsCleanly(1, "encode", input.toString(), "found neither");

        outputs.assertUnchanged();
    }

    static Stream<Arguments> inputDirectories() {
        return Stream.of(Arguments.of("empty", null), Arguments.of("holding one IDX file", "images.idx3-ubyte"));
    }

    @ParameterizedTest(name = "encode --input images.idx3-ubyte that is {0}")
    @MethodSource("goodImageFiles")
    void wellFormedImageFilesAreEncoded(String what, byte[] content) throws IOException {
        Path input = Hostile.write(dir.resolve("images.idx3-ubyte"), content);
        Path out = dir.resolve("codes.csv");

        Cli.run("encode", "--model", model.toString(), "--input", input.toString(), "--out", out.toString())
                .succeeds();

        assertThat(Files.readAllLines(out)).hasSize(4).first().isEqualTo("code_0,code_1");
    }

    static Stream<Arguments> goodImageFiles() throws IOException {
        return Stream.of(Arguments.of("plain", images(3, 4, 4)), Arguments.of("gzip", gzip(images(3, 4, 4))));
    }

    private static long usedHeap() {
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
