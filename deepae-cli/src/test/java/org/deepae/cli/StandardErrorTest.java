package org.deepae.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * With {@code -Ddeepae.stderr.fd=N}, as the launcher starts it, deepae writes its messages to descriptor N and leaves
 * descriptor 2 to TensorFlow's native log lines, which the launcher filters; appending, so that a file holding earlier
 * lines keeps them.
 */
@Tag("slow")
class StandardErrorTest {

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void messagesGoToTheNamedDescriptorAppending(@TempDir Path dir) throws IOException, InterruptedException {
        Path messages = Files.writeString(dir.resolve("messages.txt"), "earlier line\n");
        Path native2 = dir.resolve("fd2.txt");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // bash opens descriptor 8 on the file without truncating it, as the launcher passes the user's standard error
        String script = "exec 8<>\"$0\"; exec \"$1\" -Ddeepae.stderr.fd=8 -cp \"$2\" " + Main.class.getName()
                + " encode --model \"$3\" --input x.csv --out y.csv";
        Process p = new ProcessBuilder(
                        "bash",
                        "-c",
                        script,
                        messages.toString(),
                        java,
                        System.getProperty("java.class.path"),
                        dir.resolve("no-model").toString())
                .redirectError(native2.toFile())
                .redirectOutput(dir.resolve("out.txt").toFile())
                .start();
        assertThat(p.waitFor(50, TimeUnit.SECONDS)).isTrue();

        assertThat(p.exitValue()).isEqualTo(2);
        assertThat(Files.readString(messages))
                .startsWith("earlier line\ndeepae encode: ")
                .contains("no-model")
                .hasLineCount(2);
        assertThat(Files.readString(native2)).isEmpty();
    }

    @Test
    void withoutThePropertyStandardErrorIsDescriptorTwo() {
        assertThat(System.getProperty(StandardError.PROPERTY)).isNull();
        StandardError.install();
        assertThat(StandardError.descriptor()).isEqualTo(2);
    }
}
