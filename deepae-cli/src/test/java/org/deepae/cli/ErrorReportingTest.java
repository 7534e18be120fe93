package org.deepae.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import org.junit.jupiter.api.Test;

class ErrorReportingTest {

    @Test
    void describesAFileSystemFailureAsTheFileAndTheReason() {
        assertThat(ErrorReporting.describe(new FileSystemException("/data/codes.csv", null, "No space left on device")))
                .isEqualTo("/data/codes.csv: No space left on device");
        assertThat(ErrorReporting.describe(new AccessDeniedException("/data/codes.csv")))
                .isEqualTo("/data/codes.csv: Permission denied");
        assertThat(ErrorReporting.describe(new NotDirectoryException("/data/f")))
                .isEqualTo("/data/f: Not a directory");
        assertThat(ErrorReporting.describe(new NoSuchFileException("/data/gone.csv")))
                .isEqualTo("/data/gone.csv: No such file or directory");
    }

    @Test
    void replacesAnExceptionEmbeddedInAMessageByItsDescription() {
        FileSystemException cause = new FileSystemException("/runs/tb", null, "Not a directory");
        IOException e = new IOException("/runs/tb: cannot create the TensorBoard log directory: " + cause, cause);
        assertThat(ErrorReporting.describe(e))
                .isEqualTo("/runs/tb: cannot create the TensorBoard log directory: /runs/tb: Not a directory");
    }

    @Test
    void neverNamesAJavaClass() {
        assertThat(ErrorReporting.describe(new IOException("failed: java.io.UncheckedIOException: disk gone")))
                .isEqualTo("failed: disk gone");
        assertThat(ErrorReporting.describe(new NullPointerException()))
                .doesNotContain("Exception")
                .contains("-v");
        assertThat(ErrorReporting.describe(new IllegalStateException(new AccessDeniedException("/x/y"))))
                .isEqualTo("/x/y: Permission denied");
    }

    @Test
    void quotesAShortPrefixOfALongValue() {
        String value = "x".repeat(1_000_000);
        assertThat(ErrorReporting.describe(new IOException("--epochs: '" + value + "' is not an int")))
                .isEqualTo("--epochs: '" + "x".repeat(40) + "... (1,000,000 characters)' is not an int");
        assertThat(ErrorReporting.describe(new IOException("bad value " + value + " here")))
                .isEqualTo("bad value " + "x".repeat(40) + "... (1,000,000 characters) here");
        String spaced = "relu ".repeat(100);
        assertThat(ErrorReporting.describe(new IOException("unknown activation \"" + spaced + "\"; can't use it")))
                .isEqualTo("unknown activation \"" + spaced.substring(0, 40) + "... (500 characters)\"; can't use it");
        // a long path keeps its end: the file name says which file the message is about
        String path = "/data/" + "deep/".repeat(60) + "sensors.csv";
        assertThat(ErrorReporting.describe(new IOException(path + ": line 3 has 2 cells, expected 3")))
                .isEqualTo(path.substring(0, 40) + "..." + path.substring(path.length() - 40) + " (" + path.length()
                        + " characters): line 3 has 2 cells, expected 3");
        // short values and apostrophes stay as they are
        assertThat(ErrorReporting.describe(new IOException("can't read '/data/x.csv': it isn't there")))
                .isEqualTo("can't read '/data/x.csv': it isn't there");
    }

    @Test
    void capsALineOfManyShortWords() {
        String line = ErrorReporting.describe(new IOException("word ".repeat(100_000)));
        assertThat(line).hasSizeLessThanOrEqualTo(ErrorReporting.LONGEST_LINE).endsWith("characters in all)");
    }
}
