package org.deepae.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.deepae.io.JsonFiles;
import org.deepae.io.MetadataJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code pca.json} written from its record and read back into it. */
class PcaJsonTest {

    private static final PcaJson IMAGES =
            new PcaJson(6, 2, 3, 9, 2, new PcaJson.Dataset("tiny", "/data/tiny", "abc123"));

    @Test
    void writesTheDocumentedBytes() {
        assertThat(new String(MetadataJson.bytes(IMAGES), StandardCharsets.UTF_8))
                .isEqualTo("""
                        {
                          "format" : "deepae-pca",
                          "format_version" : 1,
                          "input_size" : 6,
                          "image_height" : 2,
                          "image_width" : 3,
                          "train_rows" : 9,
                          "code_size" : 2,
                          "centered" : true,
                          "covariance_divisor" : "n - 1",
                          "dataset" : {
                            "name" : "tiny",
                            "source" : "/data/tiny",
                            "sha256" : "abc123"
                          }
                        }""");
    }

    @Test
    void leavesOutWhatIsNotKnown() {
        assertThat(new String(MetadataJson.bytes(new PcaJson(4, null, null, 10, null, null)), StandardCharsets.UTF_8))
                .isEqualTo("""
                        {
                          "format" : "deepae-pca",
                          "format_version" : 1,
                          "input_size" : 4,
                          "train_rows" : 10,
                          "centered" : true,
                          "covariance_divisor" : "n - 1"
                        }""");
    }

    @Test
    void readsBackWhatItWrites(@TempDir Path dir) throws Exception {
        for (PcaJson json : new PcaJson[] {IMAGES, new PcaJson(4, null, null, 10, null, null)}) {
            Path file = Files.write(dir.resolve(PcaDirectory.PCA_JSON), MetadataJson.bytes(json));
            assertThat(PcaJson.read(file, JsonFiles.read(file))).isEqualTo(json);
        }
    }
}
