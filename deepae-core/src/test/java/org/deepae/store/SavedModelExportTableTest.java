package org.deepae.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.deepae.store.SavedModelCalls.call;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.deepae.data.Column;
import org.deepae.data.DatasetInfo;
import org.deepae.data.Encoded;
import org.deepae.data.Preprocessing;
import org.deepae.data.PreprocessingOptions;
import org.deepae.data.Scaling;
import org.deepae.data.Table;
import org.deepae.model.Activation;
import org.deepae.model.AdamSpec;
import org.deepae.model.Autoencoder;
import org.deepae.model.DenseSpec;
import org.deepae.model.Loss;
import org.deepae.tf.TfAutoencoder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.proto.MetaGraphDef;
import org.tensorflow.proto.SavedModel;

/** A model trained on a table exports a SavedModel that takes raw numeric columns and one-hot vectors. */
class SavedModelExportTableTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int ROWS = 48;

    @TempDir
    static Path dir;

    private static Table table;
    private static Preprocessing preprocessing;
    private static Encoded encoded;
    private static Path modelDir;
    private static Path export;

    /**
     * Two numeric columns far from 0 and 1 (values that are exact floats, so that the raw float32 input is the table's
     * value), a text column with three levels and a missing value.
     */
    private static Table sensors() {
        Random random = new Random(7);
        double[] temperature = new double[ROWS];
        double[] pressure = new double[ROWS];
        String[] site = new String[ROWS];
        String[] sites = {"north", "south", "north", "east"};
        for (int i = 0; i < ROWS; i++) {
            temperature[i] = Math.round((20 + 5 * random.nextGaussian()) * 64) / 64.0;
            pressure[i] = Math.round((1000 + 2 * temperature[i] + random.nextGaussian()) * 16) / 16.0;
            site[i] = i == 5 ? null : sites[i % sites.length];
        }
        return Table.of(
                "sensors",
                List.of(
                        new Column.Numeric("temperature", temperature),
                        new Column.Text("site", site),
                        new Column.Numeric("pressure", pressure)));
    }

    @BeforeAll
    static void trainSaveAndExport() throws Exception {
        table = sensors();
        preprocessing = Preprocessing.fit(table, PreprocessingOptions.defaults());
        encoded = preprocessing.encode(table);
        modelDir = dir.resolve("model");
        export = dir.resolve("saved");
        train(modelDir, preprocessing, encoded.values());
        ModelDirectory.exportSavedModel(modelDir, export);
    }

    private static void train(Path to, Preprocessing fitted, float[] rows) throws Exception {
        int width = rows.length / ROWS;
        DenseSpec spec = new DenseSpec(width, List.of(4, 2), Activation.TANH, Activation.LINEAR, Loss.MSE);
        try (TfAutoencoder model = TfAutoencoder.forTraining(spec, AdamSpec.tutorial(), 3, 1)) {
            for (int i = 0; i < 20; i++) {
                model.trainStep(rows, ROWS);
            }
            ModelDirectory.save(
                    to,
                    model,
                    ModelInfo.builder(spec)
                            .training(Map.of("epochs", 1))
                            .dataset(new DatasetInfo("sensors", "test", "00", null))
                            .rows(ROWS, 0)
                            .deepaeVersion("test")
                            .preprocessing(fitted)
                            .build());
        }
    }

    @Test
    void reconstructTakesRawNumericColumnsAndGivesThemBack() throws Exception {
        int width = preprocessing.width();
        float[] reconstructed;
        float[] decoded;
        float[] codes;
        try (Autoencoder model = Autoencoder.load(modelDir)) {
            codes = model.encode(encoded.values(), ROWS);
            reconstructed = model.reconstruct(encoded.values(), ROWS);
            decoded = model.decode(codes, ROWS);
        }
        try (SavedModelBundle bundle = SavedModelBundle.load(export.toString(), "serve")) {
            float[] raw = rawRows();
            assertClose(call(bundle, "reconstruct", "x", raw, width, "x_hat", width), inRawUnits(reconstructed));
            assertClose(call(bundle, "serving_default", "x", raw, width, "x_hat", width), inRawUnits(reconstructed));
            assertClose(call(bundle, "encode", "x", raw, width, "code", 2), codes);
            assertClose(call(bundle, "decode", "code", codes, 2, "x_hat", width), inRawUnits(decoded));
        }
    }

    @Test
    void oneHotSlotsPassUnchanged() throws Exception {
        int width = preprocessing.width();
        float[] reconstructed;
        try (Autoencoder model = Autoencoder.load(modelDir)) {
            reconstructed = model.reconstruct(encoded.values(), ROWS);
        }
        try (SavedModelBundle bundle = SavedModelBundle.load(export.toString(), "serve")) {
            float[] out = call(bundle, "reconstruct", "x", rawRows(), width, "x_hat", width);
            for (int r = 0; r < ROWS; r++) {
                for (int f = 1; f < width - 1; f++) {
                    assertThat(out[r * width + f])
                            .as("row %d, %s", r, preprocessing.featureNames().get(f))
                            .isEqualTo(reconstructed[r * width + f]);
                }
            }
        }
    }

    @Test
    void theInputLayoutIsWrittenBesideIt() throws Exception {
        JsonNode inputs =
                JSON.readTree(export.resolve("assets.extra/deepae-inputs.json").toFile());
        assertThat(inputs.path("format").asText()).isEqualTo("deepae-savedmodel-inputs");
        assertThat(inputs.path("format_version").asInt()).isEqualTo(1);
        assertThat(inputs.path("width").asInt()).isEqualTo(7);
        assertThat(inputs.path("scaling_in_graph").asBoolean()).isTrue();
        assertThat(inputs.path("missing").asText()).isEqualTo("impute");
        List<String> columns = new ArrayList<>();
        inputs.path("columns")
                .forEach(c -> columns.add(
                        c.path("name").asText() + ":" + c.path("encoding").asText() + ":"
                                + c.path("first_feature").asInt() + "+"
                                + c.path("width").asInt()));
        assertThat(columns).containsExactly("temperature:numeric:0+1", "site:one-hot:1+5", "pressure:numeric:6+1");
        assertThat(inputs.path("columns").get(1).path("levels").toString()).isEqualTo("[\"north\",\"east\",\"south\"]");

        List<String> features = new ArrayList<>();
        inputs.path("features")
                .forEach(f -> features.add(f.path("index").asInt() + " "
                        + f.path("name").asText() + " "
                        + f.path("kind").asText() + " " + f.path("column").asText() + " "
                        + f.path("slot").asText("-") + " "
                        + f.path("level").asText("-")));
        assertThat(features)
                .containsExactly(
                        "0 temperature numeric temperature - -",
                        "1 site=north one-hot site level north",
                        "2 site=east one-hot site level east",
                        "3 site=south one-hot site level south",
                        "4 site=<other> one-hot site other -",
                        "5 site=<missing> one-hot site missing -",
                        "6 pressure numeric pressure - -");
        JsonNode temperature = inputs.path("features").get(0);
        assertThat(temperature.path("offset").doubleValue()).isEqualTo(preprocessing.offset(0));
        assertThat(temperature.path("scale").doubleValue()).isEqualTo(preprocessing.scale(0));
        JsonNode fitted = preprocessing.toJson().path("columns");
        assertThat(temperature.path("fill").doubleValue())
                .isEqualTo(fitted.get(0).path("fill").doubleValue());
        assertThat(inputs.path("features").get(6).path("fill").doubleValue())
                .isEqualTo(fitted.get(2).path("fill").doubleValue());
        assertThat(inputs.path("features").get(1).has("offset")).isFalse();
    }

    @Test
    void theExportStillLoadsAsADeepaeModel() throws Exception {
        try (Autoencoder fromDir = Autoencoder.load(modelDir);
                Autoencoder fromExport = Autoencoder.load(export)) {
            assertThat(fromExport.reconstruct(encoded.values(), ROWS))
                    .containsExactly(fromDir.reconstruct(encoded.values(), ROWS));
        }
        assertThat(ModelDirectory.readInfo(export).preprocessing()).isEqualTo(preprocessing);
    }

    @Test
    void anIdentityPreprocessingExportsTheGraphOfAModelWithout(@TempDir Path other) throws Exception {
        Table numeric = Table.of("numbers", List.of(table.column(0), table.column(2)));
        Preprocessing identity =
                Preprocessing.fit(numeric, PreprocessingOptions.defaults().withScaling(Scaling.NONE));
        assertThat(identity.isIdentity()).isTrue();
        float[] rows = identity.encode(numeric).values();
        train(other.resolve("with"), identity, rows);
        train(other.resolve("without"), null, rows);
        ModelDirectory.exportSavedModel(other.resolve("with"), other.resolve("with-saved"));
        ModelDirectory.exportSavedModel(other.resolve("without"), other.resolve("without-saved"));
        MetaGraphDef with = metaGraph(other.resolve("with-saved"));
        MetaGraphDef without = metaGraph(other.resolve("without-saved"));
        // equal as messages: TensorFlow writes the nodes' attribute maps in no fixed order, even for the same model
        assertThat(with.getGraphDef()).isEqualTo(without.getGraphDef());
        assertThat(with.getSignatureDefMap()).isEqualTo(without.getSignatureDefMap());
        assertThat(with.getGraphDef().getNodeList()).noneMatch(n -> n.getName().startsWith("raw"));
        assertThat(other.resolve("without-saved/assets.extra/deepae-inputs.json"))
                .doesNotExist();
        JsonNode inputs = JSON.readTree(
                other.resolve("with-saved/assets.extra/deepae-inputs.json").toFile());
        assertThat(inputs.path("scaling_in_graph").asBoolean()).isFalse();
        assertThat(inputs.path("features").size()).isEqualTo(2);
    }

    @Test
    void aModelExportsTwiceAndRefusesAScalingThatDoesNotFit(@TempDir Path other) throws Exception {
        int width = preprocessing.width();
        double[] offsets = new double[width];
        double[] scales = new double[width];
        java.util.Arrays.fill(scales, 2);
        float[] halved = encoded.values().clone();
        for (int i = 0; i < halved.length; i++) {
            halved[i] /= 2;
        }
        float[] expected;
        try (TfAutoencoder model = ModelDirectory.load(modelDir, 1)) {
            model.exportSavedModel(other.resolve("first"), offsets, scales);
            model.exportSavedModel(other.resolve("second"), offsets, scales);
            assertThatThrownBy(() -> model.exportSavedModel(other.resolve("short"), new double[2], new double[2]))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("expected 7 offsets and scales, one per input value, got 2 offsets and 2 scales");
            scales[3] = 0;
            assertThatThrownBy(() -> model.exportSavedModel(other.resolve("zero"), offsets, scales))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("scale 3 must be finite and positive, got 0.0");
            expected = model.reconstruct(halved, ROWS);
        }
        for (int i = 0; i < expected.length; i++) {
            expected[i] *= 2;
        }
        assertThat(metaGraph(other.resolve("second"))
                        .getSignatureDefOrThrow("reconstruct")
                        .getInputsOrThrow("x")
                        .getName())
                .isEqualTo("raw_1/x:0");
        try (SavedModelBundle bundle =
                SavedModelBundle.load(other.resolve("second").toString(), "serve")) {
            assertClose(call(bundle, "reconstruct", "x", encoded.values(), width, "x_hat", width), expected);
        }
    }

    private static MetaGraphDef metaGraph(Path savedModel) throws Exception {
        return SavedModel.parseFrom(Files.readAllBytes(savedModel.resolve("saved_model.pb")))
                .getMetaGraphs(0);
    }

    /** The encoded rows with each numeric feature replaced by the table's raw value. */
    private static float[] rawRows() {
        int width = preprocessing.width();
        float[] raw = encoded.values().clone();
        double[] temperature = ((Column.Numeric) table.column(0)).values();
        double[] pressure = ((Column.Numeric) table.column(2)).values();
        for (int r = 0; r < ROWS; r++) {
            raw[r * width] = (float) temperature[r];
            raw[r * width + width - 1] = (float) pressure[r];
        }
        return raw;
    }

    /**
     * deepae's reconstructions in raw units: numeric features {@code y * scale + offset}, one-hot slots as they are.
     */
    private static float[] inRawUnits(float[] rows) {
        int width = preprocessing.width();
        float[] out = rows.clone();
        for (int r = 0; r < ROWS; r++) {
            for (int f : new int[] {0, width - 1}) {
                out[r * width + f] = (float) (rows[r * width + f] * preprocessing.scale(f) + preprocessing.offset(f));
            }
        }
        return out;
    }

    /** Each value within 1e-5 of the expected one, relative to its size (at least 1). */
    private static void assertClose(float[] actual, float[] expected) {
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < expected.length; i++) {
            assertThat((double) actual[i])
                    .as("value %d", i)
                    .isCloseTo(
                            expected[i],
                            org.assertj.core.data.Offset.offset(1e-5 * Math.max(1, Math.abs(expected[i]))));
        }
    }
}
