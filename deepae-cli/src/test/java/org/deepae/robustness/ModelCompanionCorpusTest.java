package org.deepae.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.deepae.testing.TestFiles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Broken files kept beside a model: a {@code threshold.json} that {@code anomalies} refuses with one line, and a
 * {@code metrics.json} that {@code report} says it found and could not read.
 */
@Timeout(60)
class ModelCompanionCorpusTest {
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

    private static String threshold(String value) {
        return "{\"format\": \"deepae-threshold\", \"format_version\": 1, \"value\": " + value
                + ", \"rule\": \"mean + 3 sigma\", \"reference\": \"training set\"}";
    }

    static Stream<Arguments> brokenThresholds() {
        return Stream.of(
                Arguments.of(Named.of("a negative value", threshold("-0.5")), new String[] {"value", "-0.5"}),
                Arguments.of(Named.of("an infinite value", threshold("1e999")), new String[] {"value", "finite"}),
                Arguments.of(Named.of("a string value", threshold("\"0.1\"")), new String[] {"value", "\"0.1\""}),
                Arguments.of(Named.of("trailing braces", threshold("0.1") + "}}"), new String[] {"invalid JSON"}),
                Arguments.of(
                        Named.of("a duplicate value", threshold("0.1 , \"value\": 0.2")),
                        new String[] {"Duplicate field 'value'"}));
    }

    @ParameterizedTest(name = "anomalies with a threshold.json of {0}")
    @MethodSource("brokenThresholds")
    void aBrokenSavedThresholdIsRefused(String content, String[] mentions) throws IOException {
        Path copy = TestFiles.copyTree(model, dir.resolve("model"));
        Hostile.write(copy.resolve("threshold.json"), content);
        String[] all = Stream.concat(Stream.of(copy.resolve("threshold.json").toString()), Stream.of(mentions))
                .toArray(String[]::new);

        Cli.run(
                        "anomalies",
                        "--model",
                        copy.toString(),
                        "--input",
                        input.toString(),
                        "--out",
                        dir.resolve("out").toString())
                .failsCleanly(1, "anomalies", all);
    }

    @Test
    void aSavedThresholdOfZeroIsUsed() throws IOException {
        Path copy = TestFiles.copyTree(model, dir.resolve("model"));
        Hostile.write(copy.resolve("threshold.json"), threshold("0"));

        Cli.run(
                        "anomalies",
                        "--model",
                        copy.toString(),
                        "--input",
                        input.toString(),
                        "--out",
                        dir.resolve("out").toString())
                .succeeds();
    }

    @Test
    void reportSaysAnUnreadableTrainingHistoryWasFoundAndWhy() throws IOException {
        Path run = TestFiles.copyTree(model.getParent(), dir.resolve("run"));
        Files.writeString(run.resolve("metrics.json"), "{\"epochs\": [");
        Path html = dir.resolve("report.html");

        Cli result = Cli.run(
                        "report",
                        "--model",
                        run.resolve("model").toString(),
                        "--dataset",
                        shared.resolve("data").toString(),
                        "--out",
                        html.toString())
                .succeeds();

        String page = Files.readString(html);
        assertThat(page)
                .doesNotContain("No training history was found")
                .contains(run.resolve("metrics.json").toString(), "could not be read", "invalid JSON");
        assertThat(result.err()).contains(run.resolve("metrics.json").toString(), "invalid JSON");
    }

    @Test
    void reportWithoutATrainingHistorySaysSo() throws IOException {
        Path run = TestFiles.copyTree(model.getParent(), dir.resolve("run"));
        Files.delete(run.resolve("metrics.json"));
        Path html = dir.resolve("report.html");

        Cli.run(
                        "report",
                        "--model",
                        run.resolve("model").toString(),
                        "--dataset",
                        shared.resolve("data").toString(),
                        "--out",
                        html.toString())
                .succeeds();

        assertThat(Files.readString(html)).contains("No training history was found");
    }
}
