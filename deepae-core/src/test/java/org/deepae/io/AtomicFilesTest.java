package org.deepae.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import org.deepae.testing.TestFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    @Test
    void writesAndReplacesAFileLeavingNothingElse(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("sub").resolve("metrics.json");
        AtomicFiles.write(file, "one".getBytes(StandardCharsets.UTF_8));
        AtomicFiles.write(file, "two".getBytes(StandardCharsets.UTF_8));
        assertThat(file).hasContent("two");
        assertThat(TestFiles.entries(file.getParent())).containsExactly(file);
    }

    @Test
    void aFailedWriteKeepsThePreviousFileAndLeavesNoTemporary(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("model.json"), "good");
        assertThatThrownBy(() -> AtomicFiles.write(file, out -> {
                    out.write("half".getBytes(StandardCharsets.UTF_8));
                    throw new IOException("disk full");
                }))
                .hasMessage("disk full");
        assertThat(file).hasContent("good");
        assertThat(TestFiles.entries(dir)).containsExactly(file);
    }

    @Test
    void writtenFilesAreNotOwnerOnly(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("figure.png");
        AtomicFiles.write(file, new byte[] {1});
        var expected = Files.getPosixFilePermissions(Files.writeString(dir.resolve("plain"), "x"));
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(expected).contains(PosixFilePermission.OWNER_READ);
    }

    @Test
    void directoriesAreReplacedOnlyWhenComplete(@TempDir Path dir) throws Exception {
        Path model = dir.resolve("model");
        AtomicFiles.writeDirectory(model, d -> Files.writeString(d.resolve("a"), "1"));
        AtomicFiles.writeDirectory(model, d -> Files.writeString(d.resolve("b"), "2"));
        assertThat(TestFiles.entries(model)).containsExactly(model.resolve("b"));

        assertThatThrownBy(() -> AtomicFiles.writeDirectory(model, d -> {
                    Files.writeString(d.resolve("c"), "3");
                    throw new IOException("crashed");
                }))
                .hasMessage("crashed");
        assertThat(TestFiles.entries(model)).containsExactly(model.resolve("b"));
        assertThat(TestFiles.entries(dir)).containsExactly(model);
    }

    @Test
    void aDirectoryMovedAsideByAnInterruptedReplaceIsPutBack(@TempDir Path dir) throws IOException {
        Path target = dir.resolve("checkpoint");
        Path aside = Files.createDirectory(dir.resolve(".checkpoint.1oy7wfs938kdm.old"));
        Files.writeString(aside.resolve("state.json"), "{}");
        Files.createDirectory(dir.resolve(".checkpoint.2ab.part"));

        assertThat(AtomicFiles.restoreInterruptedReplace(target)).isTrue();

        assertThat(target.resolve("state.json")).hasContent("{}");
        assertThat(aside).doesNotExist();
        assertThat(AtomicFiles.restoreInterruptedReplace(target))
                .as("nothing left to restore")
                .isFalse();
    }

    @Test
    void nothingIsRestoredOverAnExistingDirectoryOrFromAnAmbiguousPair(@TempDir Path dir) throws IOException {
        Path target = Files.createDirectory(dir.resolve("model"));
        Path aside = Files.createDirectory(dir.resolve(".model.abc.old"));
        assertThat(AtomicFiles.restoreInterruptedReplace(target)).isFalse();
        assertThat(aside).exists();

        Files.delete(target);
        Files.createDirectory(dir.resolve(".model.def.old"));
        assertThat(AtomicFiles.restoreInterruptedReplace(target)).isFalse();
        assertThat(target).doesNotExist();
        assertThat(AtomicFiles.restoreInterruptedReplace(dir.resolve("missing").resolve("model")))
                .isFalse();
    }
}
