package org.deepae.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.deepae.store.ModelFormatException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ThresholdFileTest {

    @Test
    void roundTripsAndIsAbsentUntilSaved(@TempDir Path dir) throws Exception {
        assertThat(ThresholdFile.load(dir)).isEmpty();
        ThresholdFile.save(dir, new Threshold(0.0421, "mean + 3 sigma"), "training set of x (6 images)");
        ThresholdFile.Saved saved = ThresholdFile.load(dir).orElseThrow();
        assertThat(saved.threshold()).isEqualTo(new Threshold(0.0421, "mean + 3 sigma"));
        assertThat(saved.reference()).isEqualTo("training set of x (6 images)");
    }

    @Test
    void rejectsDamagedFilesNamingThem(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("threshold.json"), "{\"format_version\": 2, \"value\": 1}");
        assertThatThrownBy(() -> ThresholdFile.load(dir))
                .isInstanceOf(ModelFormatException.class)
                .hasMessageStartingWith(file + ": expected format_version 1");
        Files.writeString(file, "{oops");
        assertThatThrownBy(() -> ThresholdFile.load(dir)).hasMessageContaining("invalid JSON");
        Files.writeString(file, "{\"format_version\": 1, \"value\": \"NaN\"}");
        assertThatThrownBy(() -> ThresholdFile.load(dir)).hasMessageContaining("numeric value");
    }

    @Test
    void refusesAValueThatIsNotAReconstructionError(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("threshold.json");
        java.util.Map<String, String> found = java.util.Map.of(
                "-0.25",
                "found -0.25",
                "1e999",
                "found Infinity",
                "-1e999",
                "found -Infinity",
                "true",
                "true",
                "null",
                "null");
        for (String value : found.keySet()) {
            Files.writeString(
                    file,
                    "{\"format\": \"deepae-threshold\", \"format_version\": 1, \"value\": " + value
                            + ", \"rule\": \"r\", \"reference\": \"x\"}");
            assertThatThrownBy(() -> ThresholdFile.load(dir))
                    .as(value)
                    .isInstanceOf(ModelFormatException.class)
                    .hasMessageStartingWith(file + ": ")
                    .hasMessageContaining("value")
                    .hasMessageContaining(found.get(value));
        }
    }

    @Test
    void refusesTrailingContentAndDuplicateKeys(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("threshold.json");
        Files.writeString(file, "{\"format_version\": 1, \"value\": 0.5, \"rule\": \"r\"}}}");
        assertThatThrownBy(() -> ThresholdFile.load(dir)).hasMessageStartingWith(file + ": invalid JSON");
        Files.writeString(file, "{\"format_version\": 1, \"value\": 0.5, \"value\": -1, \"rule\": \"r\"}");
        assertThatThrownBy(() -> ThresholdFile.load(dir))
                .hasMessageStartingWith(file + ": invalid JSON")
                .hasMessageContaining("Duplicate field 'value'");
    }

    @Test
    void aThresholdIsFiniteAndNotNegative() {
        assertThatThrownBy(() -> new Threshold(-0.1, "r"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("-0.1");
        assertThat(new Threshold(0, "r").flags(0.001)).isTrue();
    }
}
