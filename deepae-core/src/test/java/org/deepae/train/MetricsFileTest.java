package org.deepae.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading back the epochs of a {@code metrics.json}: none when it is missing, an error naming it when it is broken. */
class MetricsFileTest {

    @TempDir
    Path dir;

    @Test
    void readsTheEpochsWithMissingLossesAsNaN() throws Exception {
        Path file = Files.writeString(
                dir.resolve("metrics.json"),
                "{\"epochs\": [{\"epoch\": 1, \"train_loss\": 0.5, "
                        + "\"test_loss\": null, \"seconds\": 2.0}, {\"epoch\": 2, \"train_loss\": 0.25, "
                        + "\"validation_loss\": 0.3, "
                        + "\"test_loss\": 0.2, \"seconds\": 1.5}]}");
        assertThat(MetricsFile.readEpochs(file))
                .containsExactly(
                        new EpochStats(1, 0.5, Double.NaN, Double.NaN, 2.0), new EpochStats(2, 0.25, 0.3, 0.2, 1.5));
    }

    @Test
    void epochsSurviveTheRoundTripThroughTheFile() throws Exception {
        Path file = dir.resolve("metrics.json");
        MetricsFile metrics = new MetricsFile(file, java.util.Map.of("name", "bars"), java.util.Map.of("epochs", 3));
        java.util.List<EpochStats> epochs = java.util.List.of(
                new EpochStats(1, 0.5, 0.4, 0.3, 1.0),
                new EpochStats(2, 0.25, Double.NaN, 0.2, 1.5),
                new EpochStats(3, 0.125, Double.POSITIVE_INFINITY, Double.NaN, 0.5));
        metrics.onTrainingBegin(new TrainingPlan(10, 20, 5, 4, epochs));
        assertThat(MetricsFile.readEpochs(file))
                .containsExactly(
                        epochs.get(0),
                        epochs.get(1),
                        new EpochStats(3, 0.125, Double.NaN, Double.NaN, 0.5)); // an infinite loss is written as null
        String json = Files.readString(file);
        assertThat(json)
                .contains("\"epoch\" : 2,\n    \"train_loss\" : 0.25,\n    \"test_loss\" : 0.2,")
                .contains("\"validation_loss\" : null,\n    \"test_loss\" : null")
                .contains("\"final_test_loss\" : null,\n  \"final_epoch\" : 3,\n  \"stopped_early\" : false");
    }

    @Test
    void aMissingFileHasNoEpochs() throws Exception {
        assertThat(MetricsFile.readEpochs(dir.resolve("metrics.json"))).isEmpty();
    }

    @Test
    void aBrokenFileIsAnErrorNamingItAndWhy() throws Exception {
        Path file = dir.resolve("metrics.json");
        Files.writeString(file, "{\"epochs\": [");
        assertThatThrownBy(() -> MetricsFile.readEpochs(file))
                .isInstanceOf(IOException.class)
                .hasMessageStartingWith(file + ": invalid JSON");
        Files.writeString(file, "{\"epochs\": [{\"epoch\": \"one\", \"train_loss\": 0.5, \"seconds\": 1}]}");
        assertThatThrownBy(() -> MetricsFile.readEpochs(file))
                .hasMessage(
                        file + ": epochs[0].epoch: expected an integer from 1 to 2147483647, found \"one\" (a string)");
        Files.writeString(file, "{\"epochs\": 3}");
        assertThatThrownBy(() -> MetricsFile.readEpochs(file))
                .hasMessage(file + ": epochs: expected a list, found 3 (a number)");
    }
}
