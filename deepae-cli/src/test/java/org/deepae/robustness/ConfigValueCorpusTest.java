package org.deepae.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Values of a --config file that are null or of the wrong kind: each is a bad option whose one line names the file
 * and the key, never only the option picocli was handed.
 */
class ConfigValueCorpusTest {
    @TempDir
    static Path shared;

    private static Path data;

    @TempDir
    Path dir;

    @BeforeAll
    static void data() throws IOException {
        data = TinyModel.dataset(shared.resolve("data"));
    }

    private Cli train(String json, String... more) throws IOException {
        Path config = Hostile.write(dir.resolve("config.json"), json);
        String[] base = {
            "train",
            "--config",
            config.toString(),
            "--dataset",
            data.toString(),
            "--threads",
            "1",
            "--out",
            dir.resolve("run").toString()
        };
        String[] args = java.util.Arrays.copyOf(base, base.length + more.length);
        System.arraycopy(more, 0, args, base.length, more.length);
        return Cli.run(args);
    }

    @Test
    void aNullValueIsABadOptionNamingTheFileAndTheKey() throws IOException {
        train("{\"epochs\": null}")
                .failsCleanly(
                        2,
                        "train",
                        dir.resolve("config.json").toString(),
                        "'epochs' is null; give a value or leave the key out");
        // the command line's own value does not make the file right
        train("{\"layers\": null}", "--layers", "8,2").failsCleanly(2, "train", "'layers' is null");
        assertThat(dir.resolve("run")).doesNotExist();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"epochs\": \"five\"}                | epochs",
                "{\"epochs\": 1.5}                     | epochs",
                "{\"epochs\": 3000000000}              | epochs",
                "{\"epochs\": [1, 2]}                  | epochs",
                "{\"epochs\": true}                    | epochs",
                "{\"layers\": [1.5]}                   | layers",
                "{\"layers\": [\"eight\"]}             | layers",
                "{\"layers\": \"8,x\"}                 | layers",
                "{\"layers\": [[8]]}                   | layers",
                "{\"learning-rate\": \"fast\"}         | learning-rate",
                "{\"seed\": 1e40}                      | seed",
                "{\"activation\": 5}                   | activation",
                "{\"precision\": \"fp64\"}             | precision",
                "{\"precision\": 16}                   | precision",
                "{\"epochs\": 0}                       | epochs",
                "{\"activation\": \"nope\"}            | activation",
                "{\"batch-size\": -3}                  | batch-size",
                "{\"validation-split\": 2}             | validation-split",
            })
    void aValueOfTheWrongKindIsABadOptionNamingTheFileAndTheKey(String json, String key) throws IOException {
        train(json).failsCleanly(2, "train", dir.resolve("config.json").toString(), "'" + key + "'");
        assertThat(dir.resolve("run")).doesNotExist();
    }

    @Test
    void theCommandLineStillWinsOverAValueOfTheRightKind() throws IOException {
        // the file's epochs (0) never reach picocli: the command line's --epochs 0 is what is refused, and it is not
        // blamed on the file
        Cli run = train("{\"epochs\": 3}", "--epochs", "0").failsCleanly(2, "train", "--epochs must be positive");
        assertThat(run.err()).doesNotContain("config.json");
    }
}
