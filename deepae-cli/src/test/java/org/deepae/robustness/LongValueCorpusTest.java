package org.deepae.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Option values of megabytes: the one line that refuses them quotes a short prefix, never the whole value. */
class LongValueCorpusTest {
    /** The longest line deepae prints about a failure. */
    private static final int LINE_LIMIT = 2_000;

    @TempDir
    static Path shared;

    private static Path data;

    @TempDir
    Path dir;

    @BeforeAll
    static void data() throws IOException {
        data = TinyModel.dataset(shared.resolve("data"));
    }

    private Cli train(String... more) {
        String[] base = {
            "train",
            "--dataset",
            data.toString(),
            "--epochs",
            "1",
            "--threads",
            "1",
            "--out",
            dir.resolve("run").toString()
        };
        String[] args = java.util.Arrays.copyOf(base, base.length + more.length);
        System.arraycopy(more, 0, args, base.length, more.length);
        return Cli.run(args);
    }

    private static void isShort(Cli run) {
        assertThat(run.err().strip().length()).as("the line's length").isLessThanOrEqualTo(LINE_LIMIT);
        assertThat(run.err()).contains("characters)");
    }

    @Test
    void tenMegabytesOfLayersAreQuotedShort() {
        isShort(train("--layers", "x".repeat(10_000_000)).failsCleanly(2, "train", "--layers", "xxxxxxxx"));
    }

    @Test
    void aMegabyteActivationIsQuotedShort() {
        isShort(train("--activation", "e".repeat(1_000_000)).failsCleanly(2, "train", "--activation"));
    }

    @Test
    void aMegabyteEpochCountIsQuotedShort() {
        isShort(train("--epochs", "9".repeat(1_000_000)).failsCleanly(2, "train", "--epochs"));
    }

    @Test
    void aLongDatasetNameIsQuotedShort() {
        isShort(Cli.run(
                        "train",
                        "--dataset",
                        "d".repeat(1_000_000),
                        "--out",
                        dir.resolve("run").toString())
                .failsCleanly(2, "train", "--dataset", "dddddddd"));
    }

    @Test
    void aLongValueWithSpacesInQuotesIsQuotedShort() {
        isShort(train("--activation", "relu ".repeat(200_000)).failsCleanly(2, "train", "--activation"));
    }

    @Test
    void aMegabyteConfigValueIsQuotedShort() throws IOException {
        Path config = Hostile.write(dir.resolve("config.json"), "{\"loss\": \"" + "m".repeat(1_000_000) + "\"}");
        isShort(train("--config", config.toString()).failsCleanly(2, "train", "'loss'"));
    }
}
