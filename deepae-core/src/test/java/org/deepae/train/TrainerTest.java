package org.deepae.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.deepae.TestImages;
import org.deepae.data.Rows;
import org.deepae.model.Activation;
import org.deepae.model.AdamSpec;
import org.deepae.model.DenseSpec;
import org.deepae.model.Device;
import org.deepae.model.Loss;
import org.deepae.model.Noise;
import org.deepae.model.Precision;
import org.junit.jupiter.api.Test;

class TrainerTest {

    private static final DenseSpec SMALL = new DenseSpec(16, List.of(8, 4), Activation.RELU, Activation.RELU, Loss.MSE);

    @Test
    void tutorialDefaults() {
        TrainingConfig config = TrainingConfig.tutorial();
        assertThat(config.epochs()).isEqualTo(5);
        assertThat(config.batchSize()).isEqualTo(150);
        assertThat(config.optimizer()).isEqualTo(AdamSpec.tutorial());
    }

    @Test
    void lossFallsOverEpochsAndTheLastPartialBatchIsUsed() throws Exception {
        Rows train = TestImages.bars(64, 4, 1);
        Rows test = TestImages.bars(16, 4, 2);
        Recorder recorder = new Recorder();
        TrainingConfig config = TrainingConfig.builder()
                .epochs(30)
                .batchSize(10)
                .seed(3)
                .threads(1)
                .optimizer(AdamSpec.withLearningRate(0.01))
                .build();
        Trainer.Result result = new Trainer(config).fit(SMALL, train, test, List.of(recorder));
        try (var model = result.model()) {
            List<EpochStats> epochs = result.history().epochs();
            assertThat(epochs).hasSize(30);
            assertThat(epochs.get(29).trainLoss()).isLessThan(epochs.get(0).trainLoss() * 0.5);
            assertThat(epochs.get(29).testLoss()).isLessThan(epochs.get(0).testLoss());
            assertThat(result.history().finalTestLoss()).isEqualTo(model.meanSquaredError(test.values(), test.count()));
            // 64 rows in batches of 10: six full batches and one of 4, every epoch
            assertThat(recorder.batchRows.subList(0, 7)).containsExactly(10, 10, 10, 10, 10, 10, 4);
            assertThat(recorder.batchRows).hasSize(7 * 30);
            assertThat(recorder.plan.stepsPerEpoch()).isEqualTo(7);
            assertThat(recorder.completed).isTrue();
        }
    }

    @Test
    @SuppressWarnings("try") // the resource only closes the trained model
    void epochTrainLossIsTheRowWeightedMeanOfBatchLosses() throws Exception {
        Rows train = TestImages.bars(25, 4, 1);
        Recorder recorder = new Recorder();
        TrainingConfig config = TrainingConfig.builder()
                .epochs(1)
                .batchSize(10)
                .seed(3)
                .threads(1)
                .optimizer(AdamSpec.tutorial())
                .build();
        try (var model =
                new Trainer(config).fit(SMALL, train, train, List.of(recorder)).model()) {
            double expected = 0;
            for (int i = 0; i < recorder.batchRows.size(); i++) {
                expected += (double) recorder.batchLosses.get(i) * recorder.batchRows.get(i);
            }
            expected /= 25;
            assertThat(recorder.epochs.get(0).trainLoss())
                    .isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-9));
        }
    }

    @Test
    void sameSeedSameResult() throws Exception {
        Rows train = TestImages.bars(40, 4, 5);
        TrainingConfig config = TrainingConfig.builder()
                .epochs(3)
                .batchSize(8)
                .seed(11)
                .threads(1)
                .optimizer(AdamSpec.tutorial())
                .build();
        double first;
        double second;
        try (var model = new Trainer(config).fit(SMALL, train, train, List.of()).model()) {
            first = model.meanSquaredError(train.values(), train.count());
        }
        try (var model = new Trainer(config).fit(SMALL, train, train, List.of()).model()) {
            second = model.meanSquaredError(train.values(), train.count());
        }
        assertThat(second).isEqualTo(first);
    }

    @Test
    void nanLossStopsTrainingWithAdvice() {
        float[] pixels = new float[4 * 16];
        java.util.Arrays.fill(pixels, Float.NaN);
        Rows broken = new Rows(pixels, 4, 16, null, 4, 4, "broken");
        Recorder recorder = new Recorder();
        TrainingConfig config = TrainingConfig.builder()
                .epochs(2)
                .batchSize(2)
                .seed(1)
                .threads(1)
                .optimizer(AdamSpec.tutorial())
                .build();
        assertThatThrownBy(() -> new Trainer(config).fit(SMALL, broken, broken, List.of(recorder)))
                .isInstanceOf(TrainingDivergedException.class)
                .hasMessageContaining("NaN")
                .hasMessageContaining("learning rate");
        assertThat(recorder.completed).isFalse();
        assertThat(recorder.ended).isTrue();
    }

    @Test
    void rejectsDataOfTheWrongWidth() {
        Rows wrong = TestImages.bars(4, 3, 1);
        TrainingConfig config = TrainingConfig.builder()
                .epochs(1)
                .batchSize(2)
                .seed(1)
                .threads(1)
                .optimizer(AdamSpec.tutorial())
                .build();
        assertThatThrownBy(() -> new Trainer(config).fit(SMALL, wrong, wrong, List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("16 values per row")
                .hasMessageContaining("9");
    }

    @Test
    void configRejectsBadValues() {
        assertThatThrownBy(() -> TrainingConfig.builder().epochs(0).build())
                .hasMessage("epochs must be positive, got 0");
        assertThatThrownBy(
                        () -> TrainingConfig.tutorial().toBuilder().batchSize(0).build())
                .hasMessage("batch size must be positive, got 0");
    }

    @Test
    void tutorialHasTheTutorialsValuesAndTheBuilderStartsFromThem() {
        TrainingConfig expected = new TrainingConfig(
                5, 150, 42, 0, AdamSpec.tutorial(), 0, new Noise.None(), 0, null, Precision.FP32, Device.AUTO);
        assertThat(TrainingConfig.tutorial()).isEqualTo(expected);
        assertThat(TrainingConfig.builder().build()).isEqualTo(expected);
        assertThat(expected.toBuilder().build()).isEqualTo(expected);
        assertThat(expected.toBuilder().epochs(7).build().epochs()).isEqualTo(7);
    }

    private static final class Recorder implements TrainingListener {
        TrainingPlan plan;
        final List<Integer> batchRows = new ArrayList<>();
        final List<Float> batchLosses = new ArrayList<>();
        final List<EpochStats> epochs = new ArrayList<>();
        boolean completed;
        boolean ended;

        @Override
        public void onTrainingBegin(TrainingPlan plan) {
            this.plan = plan;
        }

        @Override
        public void onBatchEnd(int epoch, int step, int rows, float loss) {
            batchRows.add(rows);
            batchLosses.add(loss);
        }

        @Override
        public void onEpochEnd(EpochStats stats) {
            epochs.add(stats);
        }

        @Override
        public void onTrainingEnd(TrainingHistory history, boolean completed) {
            this.completed = completed;
            this.ended = true;
        }
    }
}
