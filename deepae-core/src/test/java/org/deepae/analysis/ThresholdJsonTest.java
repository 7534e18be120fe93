package org.deepae.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.deepae.io.JsonFiles;
import org.deepae.io.MetadataJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code threshold.json} written from its record and read back into it. */
class ThresholdJsonTest {

    @Test
    void writesTheDocumentedBytes(@TempDir Path dir) throws Exception {
        ThresholdFile.save(dir, new Threshold(0.0421, "mean + 3 sigma"), "training set of x (6 images)");
        assertThat(Files.readString(dir.resolve(ThresholdFile.NAME), StandardCharsets.UTF_8))
                .isEqualTo("""
                        {
                          "format" : "deepae-threshold",
                          "format_version" : 1,
                          "value" : 0.0421,
                          "rule" : "mean + 3 sigma",
                          "reference" : "training set of x (6 images)"
                        }""");
    }

    @Test
    void readsBackWhatItWrites(@TempDir Path dir) throws Exception {
        ThresholdJson json = new ThresholdJson(0.25, "99th percentile", "test set of mnist-sample");
        Path file = Files.write(dir.resolve(ThresholdFile.NAME), MetadataJson.bytes(json));
        assertThat(ThresholdJson.read(JsonFiles.readObject(file))).isEqualTo(json);
    }

    @Test
    void readsAFileWithoutRuleOrReferenceAsEmpty(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve(ThresholdFile.NAME), "{\"format_version\": 1, \"value\": 2}");
        assertThat(ThresholdJson.read(JsonFiles.readObject(file))).isEqualTo(new ThresholdJson(2, "", ""));
    }
}
