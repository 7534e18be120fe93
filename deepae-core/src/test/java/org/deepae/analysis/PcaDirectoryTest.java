package org.deepae.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.deepae.data.DatasetInfo;
import org.deepae.data.ImageSet;
import org.deepae.data.NpyReader;
import org.deepae.data.NpyWriter;
import org.deepae.data.Rows;
import org.deepae.store.ModelFormatException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Saving and loading a fitted PCA, and loading refusing broken directories with one line naming the file. */
class PcaDirectoryTest {

    private static final DatasetInfo INFO = new DatasetInfo("tiny", "/data/tiny", "abc123", null);

    @TempDir
    Path temp;

    private Path dir;
    private PcaModel model;
    private float[] pixels;

    @BeforeEach
    void fitAndSave() throws Exception {
        pixels = new float[9 * 6];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (float) Math.sin(i * 0.7 + (i % 6) * (i % 5));
        }
        model = new Pca(1).fit(Rows.of(new ImageSet(pixels, null, 9, 2, 3), "tiny"), INFO);
        dir = temp.resolve("pca");
        model.save(dir);
    }

    @Test
    void roundTripKeepsEveryValueAndTheProvenance() throws Exception {
        PcaModel loaded = PcaModel.load(dir);

        assertThat(loaded.mean()).containsExactly(model.mean());
        assertThat(loaded.components()).containsExactly(model.components());
        assertThat(loaded.eigenvalues()).containsExactly(model.eigenvalues());
        assertThat(loaded.imageHeight()).isEqualTo(2);
        assertThat(loaded.imageWidth()).isEqualTo(3);
        assertThat(loaded.trainRows()).isEqualTo(9);
        assertThat(loaded.dataset()).isEqualTo(INFO);
        assertThat(loaded.meanSquaredError(pixels, 9, 2)).isEqualTo(model.meanSquaredError(pixels, 9, 2));
    }

    @Test
    void writesTheDocumentedFiles() throws Exception {
        JsonNode json = new ObjectMapper().readTree(dir.resolve("pca.json").toFile());
        assertThat(json.path("format").asText()).isEqualTo("deepae-pca");
        assertThat(json.path("format_version").asInt()).isEqualTo(1);
        assertThat(json.path("input_size").asInt()).isEqualTo(6);
        assertThat(json.path("image_height").asInt()).isEqualTo(2);
        assertThat(json.path("image_width").asInt()).isEqualTo(3);
        assertThat(json.path("train_rows").asInt()).isEqualTo(9);
        assertThat(json.path("dataset").path("name").asText()).isEqualTo("tiny");
        assertThat(json.path("dataset").path("sha256").asText()).isEqualTo("abc123");
        Rows components = NpyReader.read(dir.resolve("components.npy"));
        assertThat(components.count()).isEqualTo(6);
        assertThat(components.width()).isEqualTo(6);
        assertThat(components.row(0)).containsExactly(model.component(0));
        assertThat(NpyReader.read(dir.resolve("mean.npy")).values()).containsExactly(model.mean());
        assertThat(NpyReader.read(dir.resolve("eigenvalues.npy")).values()).containsExactly(model.eigenvalues());
        try (var files = Files.list(temp)) {
            assertThat(files).containsExactly(dir);
        }
    }

    @Test
    void rejectsAnUnknownFormatVersion() throws Exception {
        Path json = dir.resolve("pca.json");
        Files.writeString(json, Files.readString(json).replace("\"format_version\" : 1", "\"format_version\" : 2"));
        assertOneLineError(json + ": unsupported format_version 2 (this deepae reads version 1)");
    }

    @Test
    void rejectsAnotherFormat() throws Exception {
        Path json = dir.resolve("pca.json");
        Files.writeString(json, Files.readString(json).replace("deepae-pca", "deepae-model"));
        assertOneLineError(json + ": expected \"format\": \"deepae-pca\", found \"deepae-model\"");
    }

    @Test
    void rejectsAMissingArray() throws Exception {
        Files.delete(dir.resolve("mean.npy"));
        assertOneLineError(dir.resolve("mean.npy") + ": missing (expected a float32 array of shape [1, 6])");
    }

    @Test
    void rejectsADirectoryWithoutPcaJson() throws Exception {
        Files.delete(dir.resolve("pca.json"));
        assertOneLineError(dir + ": not a deepae PCA directory (no pca.json)");
        assertThatThrownBy(() -> PcaModel.load(temp.resolve("nowhere")))
                .isInstanceOf(ModelFormatException.class)
                .hasMessage(temp.resolve("nowhere") + ": no such PCA directory");
    }

    @Test
    void rejectsComponentsOfTheWrongShape() throws Exception {
        Path components = dir.resolve("components.npy");
        NpyWriter.writeFloat32(components, new float[3 * 6], 3, 6);
        assertOneLineError(components + ": expected shape [6, 6], found [3, 6]");
    }

    @Test
    void rejectsADamagedArrayNamingTheFile() throws Exception {
        Path eigenvalues = dir.resolve("eigenvalues.npy");
        Files.write(eigenvalues, new byte[] {1, 2, 3});
        assertThatThrownBy(() -> PcaModel.load(dir))
                .isInstanceOf(ModelFormatException.class)
                .hasMessageStartingWith(eigenvalues + ": ")
                .message()
                .doesNotContain("\n");
    }

    @Test
    void rejectsSizesBeyond32BitsInsteadOfTruncatingThem() throws Exception {
        Path json = dir.resolve("pca.json");
        Files.writeString(json, Files.readString(json).replace("\"input_size\" : 6", "\"input_size\" : 4294967302"));
        assertOneLineError(json + ": input_size: expected an integer from 1 to 2147483647, found 4294967302");
    }

    @Test
    void rejectsTrailingContent() throws Exception {
        Path json = dir.resolve("pca.json");
        Files.writeString(json, Files.readString(json) + "}");
        assertThatThrownBy(() -> PcaModel.load(dir))
                .isInstanceOf(ModelFormatException.class)
                .hasMessageStartingWith(json + ": invalid JSON");
    }

    @Test
    void rejectsACodeSizeThatIsNotAnInteger() throws Exception {
        Path json = dir.resolve("pca.json");
        String text = Files.readString(json);
        Files.writeString(
                json,
                text.contains("\"code_size\"")
                        ? text.replaceFirst("\"code_size\" : \\d+", "\"code_size\" : 1.5")
                        : text.replace("\"train_rows\"", "\"code_size\" : 1.5, \"train_rows\""));
        assertThatThrownBy(() -> PcaModel.load(dir))
                .isInstanceOf(ModelFormatException.class)
                .hasMessageStartingWith(json + ": code_size: expected an integer");
    }

    private void assertOneLineError(String message) {
        assertThatThrownBy(() -> PcaModel.load(dir))
                .isInstanceOf(ModelFormatException.class)
                .hasMessage(message)
                .message()
                .doesNotContain("\n");
    }
}
