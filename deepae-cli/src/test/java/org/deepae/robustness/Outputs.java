package org.deepae.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** An output directory holding one existing output file with known content, to check a failed command left alone. */
record Outputs(Path dir, Path file, byte[] content) {
    static final String OLD = "previous content, must survive\n";

    /** Creates {@code dir/name} with {@link #OLD} in it. */
    static Outputs existing(Path dir, String name) throws IOException {
        Path file = Hostile.write(dir.resolve(name), OLD);
        return new Outputs(dir, file, OLD.getBytes(StandardCharsets.UTF_8));
    }

    /** An output that does not exist yet, in a directory that does. */
    static Outputs fresh(Path dir, String name) throws IOException {
        Files.createDirectories(dir);
        return new Outputs(dir, dir.resolve(name), null);
    }

    /** The file is as it was (or still absent), and the directory holds nothing else: no temporary {@code .*.part}. */
    void assertUnchanged() throws IOException {
        if (content == null) {
            assertThat(file).doesNotExist();
            try (var entries = Files.list(dir)) {
                assertThat(entries).isEmpty();
            }
        } else {
            assertThat(file).hasBinaryContent(content);
            try (var entries = Files.list(dir)) {
                assertThat(entries).containsExactly(file);
            }
        }
    }
}
