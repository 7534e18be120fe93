package org.deepae.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.deepae.data.DatasetInfo;
import org.deepae.io.MetadataJson;
import org.deepae.model.Activation;
import org.deepae.model.AutoencoderSpec;
import org.deepae.model.Loss;
import org.junit.jupiter.api.Test;

class ModelJsonTest {

    private static final Path FILE = Path.of("model.json");

    private static final AutoencoderSpec COLOUR =
            new AutoencoderSpec(2 * 2 * 3, List.of(6, 3), Activation.RELU, Activation.SIGMOID, Loss.MSE);

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
    void writesTheSnakeCaseLayoutOfFormatVersion2AndLeavesOutWhatIsUnknown() {
        ModelInfo info = ModelInfo.builder(COLOUR).deepaeVersion("test").build();
        String json = new String(MetadataJson.bytes(ModelJson.of(info)), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(json)
                .startsWith("{\n  \"format\" : \"deepae-model\",\n  \"format_version\" : 2,\n  \"deepae_version\" : "
                        + "\"test\",\n  \"spec\" : {\n    \"input_size\" : 12,\n    \"encoder_layers\" : [ 6, 3 ],")
                .contains("\"layer_sizes\" : [ 12, 6, 3, 6, 12 ]\n  },\n  \"training\" : { },\n  \"metrics\" : { }")
                .doesNotContain("image_height", "preprocessing", "label_names", "dataset", "final_test_loss");
    }
}
