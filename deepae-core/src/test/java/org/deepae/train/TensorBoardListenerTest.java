package org.deepae.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.deepae.TestImages;
import org.deepae.data.ImageShape;
import org.deepae.data.Rows;
import org.deepae.model.Activation;
import org.deepae.model.AdamSpec;
import org.deepae.model.ConvSpec;
import org.deepae.model.DenseSpec;
import org.deepae.model.ElboTerms;
import org.deepae.model.Initializer;
import org.deepae.model.Loss;
import org.deepae.model.VaeSpec;
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

    @Test
    void aVaeWritesItsTestTermsAndEveryVariableByName(@TempDir Path dir) throws Exception {
        ConvSpec body = new ConvSpec(
                ImageShape.gray(4, 4),
                List.of(2),
                3,
                2,
                Activation.RELU,
                Activation.LINEAR,
                Activation.SIGMOID,
                Loss.BCE,
                Initializer.VARIANCE_SCALING);
        Rows train = TestImages.bars(20, 4, 1);
        Rows test = TestImages.bars(6, 4, 2);
        TrainingConfig config = TrainingConfig.builder()
                .epochs(2)
                .batchSize(5)
                .seed(1)
                .threads(1)
                .build();
        List<EpochStats> epochs = new java.util.ArrayList<>();
        TrainingListener recorder = new TrainingListener() {
            @Override
            public void onEpochEnd(EpochStats stats) {
                epochs.add(stats);
            }
        };
        TensorBoardListener listener = new TensorBoardListener(dir, test.head(3), 2);
        new Trainer(config)
                .fit(new VaeSpec(body, 0.5), train, test, List.of(listener, recorder))
                .model()
                .close();
        Map<String, Map<Long, Float>> scalars = new TreeMap<>();
        java.util.Set<String> histograms = new java.util.TreeSet<>();
        for (Event event : TensorBoardEventFile.read(TensorBoardEventFile.find(dir))) {
            for (Summary.Value value : event.getSummary().getValueList()) {
                if (value.hasHisto()) {
                    histograms.add(value.getTag());
                } else if (!value.hasImage()) {
                    scalars.computeIfAbsent(value.getTag(), k -> new TreeMap<>())
                            .put(event.getStep(), value.getSimpleValue());
                }
            }
        }
        ElboTerms terms = epochs.get(1).testTerms();
        assertThat(scalars.get("loss/test_kl")).containsEntry(2L, (float) terms.divergence());
        assertThat(scalars.get("loss/test_reconstruction")).containsEntry(2L, (float) terms.reconstruction());
        // the test loss is the objective: the reconstruction term plus beta times the divergence
        assertThat(epochs.get(1).testLoss()).isCloseTo(terms.objective(0.5), org.assertj.core.data.Offset.offset(1e-3));
        assertThat(histograms)
                .contains(
                        "weights/conv0",
                        "biases/conv0",
                        "weights/code",
                        "weights/expand",
                        "weights/deconv0",
                        "weights/logvar",
                        "biases/logvar");
    }
}
