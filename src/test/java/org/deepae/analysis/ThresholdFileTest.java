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
    assertThatThrownBy(() -> ThresholdFile.load(dir)).isInstanceOf(ModelFormatException.class)
        .hasMessageStartingWith(file + ": expected format_version 1");
    Files.writeString(file, "{oops");
    assertThatThrownBy(() -> ThresholdFile.load(dir)).hasMessageContaining("invalid JSON");
    Files.writeString(file, "{\"format_version\": 1, \"value\": \"NaN\"}");
    assertThatThrownBy(() -> ThresholdFile.load(dir)).hasMessageContaining("numeric value");
  }
}
