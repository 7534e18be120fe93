package org.deepae.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.deepae.TestImages;
import org.deepae.data.Rows;
import org.deepae.model.Activation;
import org.deepae.model.AdamSpec;
import org.deepae.model.DenseSpec;
import org.deepae.model.Loss;
import org.deepae.tf.TensorBoardEventFile;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.proto.Event;
import org.tensorflow.proto.Summary;

@Tag("slow")
class TensorBoardListenerTest {

    @Test
    void writesLossesReconstructionsAndWeightHistogramsPerEpoch(@TempDir Path dir) throws Exception {
        DenseSpec spec = new DenseSpec(16, List.of(6, 3), Activation.RELU, Activation.SIGMOID, Loss.MSE);
        Rows train = TestImages.bars(20, 4, 1);
        Rows test = TestImages.bars(6, 4, 2);
        TrainingConfig config = TrainingConfig.builder()
                .epochs(2)
                .batchSize(5)
                .seed(1)
                .threads(1)
                .optimizer(AdamSpec.tutorial())
                .validationSplit(0.25)
                .build();
        TensorBoardListener listener = new TensorBoardListener(dir, test.head(3), 2);
        try (var model =
                new Trainer(config).fit(spec, train, test, List.of(listener)).model()) {
            assertThat(model.spec()).isEqualTo(spec);
        }
        List<Event> events = TensorBoardEventFile.read(TensorBoardEventFile.find(dir));
        Map<String, Map<Long, Float>> scalars = new TreeMap<>();
        Map<String, Integer> images = new TreeMap<>();
        Map<String, Double> histogramCounts = new TreeMap<>();
        for (Event event : events) {
            for (Summary.Value value : event.getSummary().getValueList()) {
                if (value.hasImage()) {
                    images.merge(value.getTag().replaceAll("/image/\\d+$", ""), 1, Integer::sum);
                } else if (value.hasHisto()) {
                    histogramCounts.put(
                            value.getTag() + "@" + event.getStep(),
                            value.getHisto().getNum());
                } else {
                    scalars.computeIfAbsent(value.getTag(), k -> new TreeMap<>())
                            .put(event.getStep(), value.getSimpleValue());
                }
            }
        }
        assertThat(scalars).containsKeys("loss/train", "loss/validation", "loss/test", "loss/batch");
        assertThat(scalars.get("loss/train")).containsOnlyKeys(1L, 2L);
        // 15 training rows after the 25% hold-out, batches of 5: 3 steps per epoch, a batch loss every 2 steps
        assertThat(scalars.get("loss/batch")).containsOnlyKeys(2L, 4L, 6L);
        assertThat(images).containsEntry("images/original", 3).containsEntry("images/reconstruction", 6);
        assertThat(histogramCounts)
                .containsEntry("weights/dense0@1", 16.0 * 6)
                .containsEntry("biases/dense3@2", 16.0)
                .containsEntry("weights/dense1@2", 6.0 * 3);
    }
}
