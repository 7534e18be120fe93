package org.deepae.robustness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Writes the operating system refuses: the one-line message names the user's path and the system's reason, never
 * the hidden temporary sibling written first nor a Java class name. The kernel's own file systems ({@code /proc},
 * {@code /sys}) refuse new files even to root, so nothing is written outside the test's directory.
 */
@Timeout(60)
class WriteFailureMessageTest {
    @TempDir
    static Path shared;

    private static Path model;
    private static Path input;

    @TempDir
    Path dir;

    @BeforeAll
    static void trainTinyModel() throws IOException {
        model = TinyModel.train(shared);
        input = Hostile.write(shared.resolve("input.csv"), Hostile.csv(3, TinyModel.WIDTH, false));
    }

    private static void assumeKernelFileSystem(Path dir) {
        Assumptions.assumeTrue(
                Files.isDirectory(dir) && !Files.isRegularFile(dir.resolve("codes.csv")), "no " + dir + " file system");
    }

    @Test
    void encodeIntoProcNamesTheOutputNotItsTemporaryFile() {
        assumeKernelFileSystem(Path.of("/proc/self"));
        Path out = Path.of("/proc/codes.csv");
        Cli.run("encode", "--model", model.toString(), "--input", input.toString(), "--out", out.toString())
                .failsCleanly(1, "encode", out + ": ");
    }

    @Test
    void encodeIntoSysSaysPermissionDenied() {
        assumeKernelFileSystem(Path.of("/sys/kernel"));
        Path out = Path.of("/sys/codes.csv");
        Cli.run("encode", "--model", model.toString(), "--input", input.toString(), "--out", out.toString())
                .failsCleanly(1, "encode", out + ": Permission denied");
    }

    @Test
    void exportIntoProcNamesTheOutputDirectory() {
        assumeKernelFileSystem(Path.of("/proc/self"));
        Path out = Path.of("/proc/deepae-saved-model");
        Cli.run("export", "--model", model.toString(), "--out", out.toString()).failsCleanly(1, "export", out + ": ");
    }

    @Test
    void pcaSaveIntoProcNamesTheOutputDirectory() {
        assumeKernelFileSystem(Path.of("/proc/self"));
        Path out = Path.of("/proc/deepae-pca");
        Cli.run("pca", "--dataset", shared.resolve("data").toString(), "--components", "2", "--save", out.toString())
                .failsCleanlyAfterProgress(1, "pca", out + ": ");
    }

    @Test
    void anOutputBelowADanglingLinkSaysWhyItCannotBeCreated() throws IOException {
        Path link = Files.createSymbolicLink(dir.resolve("gone"), dir.resolve("nowhere"));
        Path out = link.resolve("codes.csv");
        Cli.run("encode", "--model", model.toString(), "--input", input.toString(), "--out", out.toString())
                .failsCleanly(1, "encode", link + ": File exists");
    }
}
