package org.deepae.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.deepae.data.DatasetInfo;
import org.deepae.data.ImageShape;
import org.deepae.io.MetadataJson;
import org.deepae.model.Activation;
import org.deepae.model.ConvSpec;
import org.deepae.model.DenseSpec;
import org.deepae.model.Initializer;
import org.deepae.model.Loss;
import org.deepae.model.NetworkSpec;
import org.deepae.model.VaeSpec;
import org.junit.jupiter.api.Test;

class ModelJsonTest {

    private static final Path FILE = Path.of("model.json");

    private static final DenseSpec COLOUR =
            new DenseSpec(2 * 2 * 3, List.of(6, 3), Activation.RELU, Activation.SIGMOID, Loss.MSE);

    @Test
    void modelInfoSurvivesAWriteAndAStrictRead() throws Exception {
        ModelInfo info = ModelInfo.builder(COLOUR)
                .training(Map.of("epochs", 3, "optimizer", "adam"))
                .dataset(new DatasetInfo("dots", "test", "ab12", null))
                .imageSize(2, 2, 3)
                .rows(10, 4)
                .finalTestLoss(0.125)
                .deepaeVersion("test")
                .labelNames(List.of("red", "blue"))
                .build();
        byte[] written = MetadataJson.bytes(ModelJson.of(info));
        ModelInfo read =
                ModelJson.read(FILE, MetadataJson.MAPPER.readTree(written)).toInfo(FILE);
        assertThat(read).isEqualTo(info);
        assertThat(info.toBuilder().build()).isEqualTo(info);
    }

    @Test
    void writesTheSnakeCaseLayoutOfFormatVersion3AndLeavesOutWhatIsUnknown() {
        ModelInfo info = ModelInfo.builder(COLOUR).deepaeVersion("test").build();
        String json = new String(MetadataJson.bytes(ModelJson.of(info)), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(json)
                .startsWith("{\n  \"format\" : \"deepae-model\",\n  \"format_version\" : 3,\n  \"deepae_version\" : "
                        + "\"test\",\n  \"spec\" : {\n    \"family\" : \"dense\",\n    \"input_size\" : 12,\n"
                        + "    \"encoder_layers\" : [ 6, 3 ],")
                .contains("\"layer_sizes\" : [ 12, 6, 3, 6, 12 ]\n  },\n  \"training\" : { },\n  \"metrics\" : { }")
                .doesNotContain(
                        "image_height",
                        "preprocessing",
                        "label_names",
                        "dataset",
                        "final_test_loss",
                        "filters",
                        "beta");
    }

    @Test
    void everyFamilySurvivesAWriteAndAStrictRead() throws Exception {
        ImageShape image = new ImageShape(7, 5, 3);
        ConvSpec conv = new ConvSpec(
                image,
                List.of(4, 6),
                3,
                5,
                Activation.ELU,
                Activation.LINEAR,
                Activation.SIGMOID,
                Loss.BCE,
                Initializer.GLOROT);
        DenseSpec linearCode = new DenseSpec(
                105,
                List.of(20, 4),
                List.of(20),
                Activation.RELU,
                Activation.LINEAR,
                Activation.SIGMOID,
                Loss.BCE,
                Initializer.HE);
        for (NetworkSpec spec : List.of(
                conv, ConvSpec.of(image, List.of(8), 5, 0), new VaeSpec(conv, 0.5), new VaeSpec(linearCode, 1.0))) {
            ModelInfo info = ModelInfo.builder(spec)
                    .imageSize(7, 5, 3)
                    .deepaeVersion("test")
                    .build();
            byte[] written = MetadataJson.bytes(ModelJson.of(info));
            String text = new String(written, java.nio.charset.StandardCharsets.UTF_8);
            assertThat(text).contains("\"family\" : \"" + spec.family() + "\"");
            assertThat(ModelJson.read(FILE, MetadataJson.MAPPER.readTree(written))
                            .toInfo(FILE))
                    .as(spec.describe())
                    .isEqualTo(info);
        }
    }

    @Test
    void aVersion2FileIsADenseNetworkAndAnUnknownFamilyIsRefusedByName() throws Exception {
        String v2 = "{\"format\": \"deepae-model\", \"format_version\": 2, \"spec\": {\"input_size\": 12,"
                + " \"encoder_layers\": [6, 3], \"hidden_activation\": \"relu\", \"output_activation\": \"sigmoid\","
                + " \"loss\": \"mse\"}}";
        assertThat(ModelJson.read(FILE, MetadataJson.MAPPER.readTree(v2))
                        .toInfo(FILE)
                        .spec())
                .isEqualTo(COLOUR);
        String unknown = "{\"format\": \"deepae-model\", \"format_version\": 3, \"spec\": {\"family\": \"gan\","
                + " \"input_size\": 12}}";
        assertThatThrownBy(() -> ModelJson.read(FILE, MetadataJson.MAPPER.readTree(unknown)))
                .isInstanceOf(ModelFormatException.class)
                .hasMessageContaining("unknown network family \"gan\"");
        String noFilters = "{\"format\": \"deepae-model\", \"format_version\": 3, \"spec\": {\"family\": \"conv\","
                + " \"input_size\": 12, \"kernel\": 3, \"hidden_activation\": \"relu\","
                + " \"output_activation\": \"relu\", \"loss\": \"mse\"}}";
        assertThatThrownBy(() -> ModelJson.read(FILE, MetadataJson.MAPPER.readTree(noFilters)))
                .isInstanceOf(java.io.IOException.class)
                .hasMessageContaining("filters");
    }
}
