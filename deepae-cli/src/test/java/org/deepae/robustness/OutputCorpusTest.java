package org.deepae.robustness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.deepae.io.AtomicFiles;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Output paths that cannot be used, refused before any work; bad {@code --config} files; and writes that fail midway,
 * which must leave the previous file or directory intact.
 */
@Timeout(30)
@Tag("slow")
class OutputCorpusTest {
    @TempDir
    static Path shared;

    private static Path model;
    private static Path data;
    private static Path input;

    @TempDir
    Path dir;

    @BeforeAll
    static void trainTinyModel() throws IOException {
        model = TinyModel.train(shared);
        data = shared.resolve("data");
        input = Hostile.write(shared.resolve("input.csv"), Hostile.csv(3, TinyModel.WIDTH, false));
    }

    private String[] train(Path out, String... extra) {
        String[] base = TinyModel.trainArgs(data, out);
        String[] all = java.util.Arrays.copyOf(base, base.length + extra.length);
        System.arraycopy(extra, 0, all, base.length, extra.length);
        return all;
    }

    @Test
    void trainRefusesAFileWhereTheRunDirectoryShouldBe() throws IOException {
        Path file = Hostile.write(dir.resolve("run"), "a file");
        Cli.run(train(file)).failsCleanly(2, "train", "--out " + file, "is a file, not a directory");
        assertThat(file).hasContent("a file");
    }

    @Test
    void trainRefusesARunDirectoryUnderAFile() throws IOException {
        Path file = Hostile.write(dir.resolve("parent"), "a file");
        Cli.run(train(file.resolve("run"))).failsCleanly(2, "train", file + " is a file, not a directory");
        assertThat(file).hasContent("a file");
    }

    @Test
    void trainRefusesAnExistingRunDirectoryUnlessOverwrite() throws IOException {
        Path run = dir.resolve("run");
        Path old = Hostile.write(run.resolve("metrics.json"), "{}");
        Cli.run(train(run)).failsCleanly(2, "train", "already holds files", "--overwrite");
        try (var entries = Files.list(run)) {
            assertThat(entries).containsExactly(old);
        }
        Cli.run(train(run, "--overwrite")).succeeds();
        assertThat(run.resolve("model/model.json")).exists();
    }

    @Test
    void trainRefusesAnUnwritableDirectoryBeforeAnyWork() throws IOException {
        Path locked = Files.createDirectory(dir.resolve("locked"));
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            Assumptions.assumeFalse(Files.isWritable(locked), "permissions are not enforced (running as root)");
            Cli.run(train(locked.resolve("run"))).failsCleanly(2, "train", "locked");
            try (var entries = Files.list(locked)) {
                assertThat(entries).isEmpty();
            }
        } finally {
            Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    static Stream<Arguments> unusableOutputFiles() {
        return Stream.of(
                Arguments.of(
                        Named.of("a directory", (PathMaker) d -> Files.createDirectories(d.resolve("codes.csv"))),
                        "is a directory"),
                Arguments.of(
                        Named.of("a path under a file", (PathMaker)
                                d -> Hostile.write(d.resolve("f"), "x").resolve("codes.csv")),
                        "is a file, not a directory"),
                Arguments.of(
                        Named.of("an unknown extension", (PathMaker) d -> d.resolve("codes.txt")),
                        "expected a file ending in .csv, .npy"));
    }

    interface PathMaker {
        Path make(Path dir) throws IOException;
    }

    @ParameterizedTest(name = "encode --out that is {0}")
    @MethodSource("unusableOutputFiles")
    void encodeRefusesAnUnusableOutputBeforeAnyWork(PathMaker maker, String problem) throws IOException {
        Path out = maker.make(dir);
        Cli.run("encode", "--model", model.toString(), "--input", input.toString(), "--out", out.toString())
                .failsCleanly(2, "encode", out.toString(), problem);
        try (var entries = Files.walk(dir)) {
            assertThat(entries.filter(p -> p.getFileName().toString().endsWith(".part")))
                    .isEmpty();
        }
    }

    @Test
    void exportRefusesAnExistingDirectoryUnlessOverwrite() throws IOException {
        Path out = dir.resolve("saved");
        Path old = Hostile.write(out.resolve("keep"), "x");
        Cli.run("export", "--model", model.toString(), "--out", out.toString())
                .failsCleanly(2, "export", out.toString());
        try (var entries = Files.list(out)) {
            assertThat(entries).containsExactly(old);
        }
    }

    static Stream<Arguments> badConfigs() {
        return Stream.of(
                Arguments.of(Named.of("invalid JSON", "{\"epochs\": "), 1, new String[] {"invalid JSON"}),
                Arguments.of(Named.of("an empty file", ""), 1, new String[] {"expected a JSON object"}),
                Arguments.of(Named.of("a JSON array", "[1]"), 1, new String[] {"expected a JSON object"}),
                Arguments.of(
                        Named.of("an unknown key", "{\"epochz\": 3}"), 2, new String[] {"'epochz' is not an option"}),
                Arguments.of(Named.of("a key that is not a training option", "{\"out\": \"x\"}"), 2, new String[] {
                    "'out' is not an option"
                }),
                Arguments.of(Named.of("a string for a number", "{\"epochs\": \"many\"}"), 2, new String[] {"many"}),
                Arguments.of(Named.of("an object for a number", "{\"epochs\": {\"n\": 1}}"), 2, new String[] {
                    "must be a value or a list"
                }),
                Arguments.of(
                        Named.of("a number for a flag", "{\"nesterov\": 1}"), 2, new String[] {"must be true or false"
                        }),
                Arguments.of(Named.of("a zero batch size", "{\"batch-size\": 0}"), 2, new String[] {
                    "--batch-size must be positive, got 0"
                }),
                Arguments.of(Named.of("trailing braces", "{\"epochs\": 1}}}}"), 1, new String[] {"invalid JSON"}),
                Arguments.of(Named.of("a duplicate key", "{\"epochs\": 1, \"epochs\": 2}"), 1, new String[] {
                    "Duplicate field 'epochs'"
                }),
                Arguments.of(Named.of("5 MB", "{\"epochs\": 1}" + " ".repeat(5 << 20)), 1, new String[] {"4 MiB"}));
    }

    @ParameterizedTest(name = "train --config with {0}")
    @MethodSource("badConfigs")
    void badConfigFileIsRefused(String content, int exit, String... mentions) throws IOException {
        Path config = Hostile.write(dir.resolve("config.json"), content);
        Path run = dir.resolve("run");
        Cli.run("train", "--config", config.toString(), "--dataset", data.toString(), "--out", run.toString())
                .failsCleanly(exit, "train", mentions);
        assertThat(run).doesNotExist();
    }

    @Test
    @Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aFifoAsConfigFileIsRefusedWithoutOpeningIt() throws Exception {
        Path config = dir.resolve("config.json");
        assertThat(new ProcessBuilder("mkfifo", config.toString()).start().waitFor())
                .isZero();
        Path run = dir.resolve("run");
        Cli.run("train", "--config", config.toString(), "--dataset", data.toString(), "--out", run.toString())
                .failsCleanly(1, "train", config.toString(), "not a regular file");
        assertThat(run).doesNotExist();
    }

    @Test
    void aMissingConfigFileIsABadOption() {
        Path config = dir.resolve("none.json");
        Cli.run(
                        "train",
                        "--config",
                        config.toString(),
                        "--dataset",
                        data.toString(),
                        "--out",
                        dir.resolve("run").toString())
                .failsCleanly(2, "train", config.toString(), "no such file");
    }

    @Test
    void aFileWriteThatFailsMidwayKeepsThePreviousFile() throws IOException {
        Path file = Hostile.write(dir.resolve("codes.csv"), "old");
        assertThatThrownBy(() -> AtomicFiles.write(file, out -> {
                    out.write(new byte[100_000]);
                    throw new IOException("disk full");
                }))
                .hasMessage("disk full");
        assertThatThrownBy(() -> AtomicFiles.write(file, out -> {
                    out.write(1);
                    throw new IllegalStateException("bug in the writer");
                }))
                .hasMessage("bug in the writer");
        assertThat(file).hasContent("old");
        try (var entries = Files.list(dir)) {
            assertThat(entries).containsExactly(file);
        }
    }

    @Test
    void aFileWriteWhoseDirectoryIsReplacedByAFileFailsAndLeavesNothing() throws IOException {
        Path out = Files.createDirectory(dir.resolve("out"));
        Path file = out.resolve("codes.csv");
        assertThatThrownBy(() -> AtomicFiles.write(file, stream -> {
                    stream.write("new".getBytes(StandardCharsets.UTF_8));
                    AtomicFiles.deleteRecursively(out);
                    Files.writeString(out, "someone else's file");
                }))
                .isInstanceOf(IOException.class);
        assertThat(out).hasContent("someone else's file");
        try (var entries = Files.list(dir)) {
            assertThat(entries).containsExactly(out);
        }
    }

    @Test
    void aDirectoryWriteThatFailsMidwayKeepsThePreviousDirectory() throws IOException {
        Path target = dir.resolve("model");
        AtomicFiles.writeDirectory(target, d -> Files.writeString(d.resolve("model.json"), "good"));
        for (RuntimeException failure : new RuntimeException[] {new IllegalStateException("bug"), null}) {
            assertThatThrownBy(() -> AtomicFiles.writeDirectory(target, d -> {
                        Files.writeString(d.resolve("model.json"), "half");
                        Files.createDirectories(d.resolve("variables/deep"));
                        Files.writeString(d.resolve("variables/deep/w"), "half");
                        if (failure != null) {
                            throw failure;
                        }
                        throw new IOException("crashed");
                    }))
                    .isInstanceOf(failure == null ? IOException.class : IllegalStateException.class);
        }
        assertThat(target.resolve("model.json")).hasContent("good");
        try (var entries = Files.list(dir)) {
            assertThat(entries).containsExactly(target);
        }
        try (var entries = Files.list(target)) {
            assertThat(entries).containsExactly(target.resolve("model.json"));
        }
    }

    @Test
    void encodeWithBadInputKeepsTheCodesOfTheRunBefore() throws IOException {
        Path out = dir.resolve("codes.csv");
        Cli.run("encode", "--model", model.toString(), "--input", input.toString(), "--out", out.toString())
                .succeeds();
        byte[] before = Files.readAllBytes(out);
        Path bad = Hostile.write(dir.resolve("bad.csv"), Hostile.csv(3, TinyModel.WIDTH, false) + "1,2\n");

        Cli.run("encode", "--model", model.toString(), "--input", bad.toString(), "--out", out.toString())
                .failsCleanly(1, "encode", "bad.csv", "line 4 has 2 columns");

        assertThat(out).hasBinaryContent(before);
        try (var entries = Files.list(dir)) {
            assertThat(entries).containsExactlyInAnyOrder(out, bad);
        }
    }
}
