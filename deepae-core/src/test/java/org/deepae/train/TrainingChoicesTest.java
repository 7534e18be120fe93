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
import org.deepae.model.Initializer;
import org.deepae.model.Loss;
import org.deepae.model.Noise;
import org.deepae.model.OptimizerSpec;
import org.deepae.tf.TfAutoencoder;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The network, optimizer, noise, validation and early-stopping choices, each on tiny data. */
@Tag("slow")
class TrainingChoicesTest {

    private static final Rows TRAIN = TestImages.bars(60, 4, 1);
    private static final Rows TEST = TestImages.bars(12, 4, 2);

    private static DenseSpec spec(Activation hidden, Activation code, Activation output, Loss loss, Initializer init) {
        return new DenseSpec(16, List.of(8, 4), List.of(8), hidden, code, output, loss, init);
    }

    /** Trains, closes the model, and returns the history. */
    private static TrainingHistory history(DenseSpec spec, TrainingConfig config, TrainingListener... listeners)
            throws Exception {
        Trainer.Result result = new Trainer(config).fit(spec, TRAIN, TEST, List.of(listeners));
        result.model().close();
        return result.history();
    }

    /** Every epoch's losses, without the times. */
    private static List<List<Double>> losses(TrainingHistory history) {
        return history.epochs().stream()
                .map(e -> List.of(e.trainLoss(), e.validationLoss(), e.testLoss()))
                .toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {"adam", "sgd", "momentum", "rmsprop", "adagrad"})
    void everyOptimizerLowersTheLossReproducibly(String name) throws Exception {
        double rate = name.equals("sgd") || name.equals("momentum") || name.equals("adagrad") ? 0.5 : 0.01;
        TrainingConfig config = TrainingConfig.builder()
                .epochs(15)
                .batchSize(10)
                .seed(3)
                .threads(1)
                .optimizer(OptimizerSpec.named(name, rate))
                .build();
        DenseSpec spec = spec(Activation.TANH, Activation.TANH, Activation.SIGMOID, Loss.MSE, Initializer.GLOROT);
        Trainer.Result first = new Trainer(config).fit(spec, TRAIN, TEST, List.of());
        Trainer.Result second = new Trainer(config).fit(spec, TRAIN, TEST, List.of());
        try (var a = (TfAutoencoder) first.model();
                var b = (TfAutoencoder) second.model()) {
            List<EpochStats> epochs = first.history().epochs();
            assertThat(epochs.get(14).trainLoss())
                    .as(name)
                    .isLessThan(epochs.get(0).trainLoss());
            assertThat(losses(second.history())).isEqualTo(losses(first.history()));
            assertThat(b.parameters().get(0)).containsExactly(a.parameters().get(0));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"relu", "leaky_relu", "elu", "selu", "tanh", "sigmoid", "linear"})
    void everyActivationTrains(String activation) throws Exception {
        Activation a = Activation.parse(activation);
        DenseSpec spec = spec(a, Activation.LINEAR, Activation.SIGMOID, Loss.MSE, Initializer.HE);
        TrainingHistory history = history(
                spec,
                TrainingConfig.builder()
                        .epochs(10)
                        .batchSize(10)
                        .seed(3)
                        .threads(1)
                        .optimizer(AdamSpec.withLearningRate(0.01))
                        .build());
        assertThat(history.epochs().get(9).trainLoss())
                .as(activation)
                .isLessThan(history.epochs().get(0).trainLoss());
    }

    @Test
    void binaryCrossEntropyIsComputedFromLogitsAndMatchesAHandValue() throws Exception {
        DenseSpec spec =
                spec(Activation.RELU, Activation.RELU, Activation.SIGMOID, Loss.BCE, Initializer.VARIANCE_SCALING);
        try (var model = org.deepae.tf.TfAutoencoder.forTraining(spec, AdamSpec.tutorial(), 1, 1)) {
            float[] out = model.reconstruct(TEST.values(), TEST.count());
            double expected = 0;
            for (int i = 0; i < out.length; i++) {
                double p = out[i];
                double t = TEST.values()[i];
                expected -= t * Math.log(p) + (1 - t) * Math.log(1 - p);
            }
            expected /= out.length;
            assertThat(model.meanLoss(TEST.values(), TEST.count()))
                    .isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-5));
        }
        TrainingHistory history = history(
                spec,
                TrainingConfig.builder()
                        .epochs(10)
                        .batchSize(10)
                        .seed(3)
                        .threads(1)
                        .optimizer(AdamSpec.withLearningRate(0.01))
                        .build());
        assertThat(history.epochs().get(9).trainLoss())
                .isLessThan(history.epochs().get(0).trainLoss());
    }

    @Test
    void bfloat16MixedPrecisionTrainsReproducibly() throws Exception {
        DenseSpec spec = spec(Activation.RELU, Activation.RELU, Activation.SIGMOID, Loss.MSE, Initializer.HE);
        TrainingConfig config = TrainingConfig.builder()
                .epochs(8)
                .batchSize(10)
                .seed(5)
                .threads(1)
                .optimizer(AdamSpec.tutorial())
                .precision(org.deepae.model.Precision.BF16)
                .build();
        TrainingHistory first = history(spec, config);
        assertThat(first.epochs().get(7).trainLoss())
                .isLessThan(first.epochs().get(0).trainLoss());
        assertThat(losses(history(spec, config))).isEqualTo(losses(first));
    }

    @Test
    void bceNeedsASigmoidOutput() {
        assertThatThrownBy(() -> spec(Activation.RELU, Activation.RELU, Activation.RELU, Loss.BCE, Initializer.HE))
                .hasMessageContaining("bce loss needs a sigmoid output activation, got relu");
    }

    @Test
    void noiseIsSeededReproducibleAndChangesTraining() throws Exception {
        DenseSpec spec = spec(Activation.RELU, Activation.RELU, Activation.SIGMOID, Loss.MSE, Initializer.HE);
        List<TrainingHistory> runs = new ArrayList<>();
        for (Noise noise :
                List.of(new Noise.None(), new Noise.Gaussian(0.3), new Noise.Gaussian(0.3), new Noise.Mask(0.3))) {
            TrainingConfig config = TrainingConfig.builder()
                    .epochs(3)
                    .batchSize(10)
                    .seed(5)
                    .threads(1)
                    .optimizer(AdamSpec.tutorial())
                    .noise(noise)
                    .build();
            runs.add(history(spec, config));
        }
        assertThat(losses(runs.get(1))).isNotEqualTo(losses(runs.get(0)));
        assertThat(losses(runs.get(2))).isEqualTo(losses(runs.get(1)));
        assertThat(losses(runs.get(3))).isNotEqualTo(losses(runs.get(0))).isNotEqualTo(losses(runs.get(1)));
    }

    @Test
    void weightDecayShrinksTheWeights() throws Exception {
        DenseSpec spec = spec(Activation.RELU, Activation.RELU, Activation.SIGMOID, Loss.MSE, Initializer.HE);
        double[] norms = new double[2];
        double[] decays = {0, 0.05};
        for (int k = 0; k < 2; k++) {
            TrainingConfig config = TrainingConfig.builder()
                    .epochs(10)
                    .batchSize(10)
                    .seed(5)
                    .threads(1)
                    .optimizer(AdamSpec.tutorial())
                    .weightDecay(decays[k])
                    .build();
            try (var model = (TfAutoencoder)
                    new Trainer(config).fit(spec, TRAIN, TEST, List.of()).model()) {
                for (float w : model.parameters().get(0)) {
                    norms[k] += w * w;
                }
            }
        }
        assertThat(norms[1]).isLessThan(norms[0] * 0.8);
    }

    @Test
    void validationSplitHoldsOutASeededShareAndIsReported() throws Exception {
        Holdout holdout = Holdout.of(TRAIN, 0.25, 9);
        assertThat(holdout.train().count()).isEqualTo(45);
        assertThat(holdout.validation().count()).isEqualTo(15);
        assertThat(Holdout.of(TRAIN, 0.25, 9).validation().values())
                .containsExactly(holdout.validation().values());
        assertThat(Holdout.of(TRAIN, 0.25, 10).validation().values())
                .isNotEqualTo(holdout.validation().values());
        assertThat(Holdout.of(TRAIN, 0, 9).validation()).isNull();

        TrainingConfig config = TrainingConfig.builder()
                .epochs(2)
                .batchSize(10)
                .seed(5)
                .threads(1)
                .optimizer(AdamSpec.tutorial())
                .validationSplit(0.25)
                .build();
        List<Integer> batchRows = new ArrayList<>();
        TrainingListener rows = new TrainingListener() {
            @Override
            public void onBatchEnd(int epoch, int step, int n, float loss) {
                batchRows.add(n);
            }
        };
        TrainingHistory history = history(
                spec(Activation.RELU, Activation.RELU, Activation.SIGMOID, Loss.MSE, Initializer.HE), config, rows);
        assertThat(history.epochs()).allMatch(EpochStats::hasValidation);
        assertThat(batchRows.stream().mapToInt(Integer::intValue).sum()).isEqualTo(2 * 45);
    }

    @Test
    void earlyStoppingStopsAndKeepsTheBestEpochsWeights() throws Exception {
        // a learning rate far too high makes the loss get worse after the first epochs
        DenseSpec spec = spec(Activation.RELU, Activation.RELU, Activation.SIGMOID, Loss.MSE, Initializer.HE);
        TrainingConfig config = TrainingConfig.builder()
                .epochs(40)
                .batchSize(10)
                .seed(5)
                .threads(1)
                .optimizer(new OptimizerSpec.Sgd(0.05))
                .validationSplit(0.25)
                .earlyStopping(new EarlyStopping(2, 1e-3))
                .build();
        Trainer.Result result = new Trainer(config).fit(spec, TRAIN, TEST, List.of());
        try (var model = (TfAutoencoder) result.model()) {
            TrainingHistory history = result.history();
            assertThat(history.stoppedEarly()).isTrue();
            assertThat(history.epochs()).hasSizeLessThan(40);
            int best = history.finalEpoch();
            EpochStats bestStats = history.epochs().get(best - 1);
            assertThat(history.epochs().size()).isEqualTo(best + 2);
            for (EpochStats e : history.epochs()) {
                assertThat(e.validationLoss()).isGreaterThanOrEqualTo(bestStats.validationLoss() - 1e-3);
            }
            assertThat(model.meanLoss(TEST.values(), TEST.count()))
                    .isCloseTo(bestStats.testLoss(), org.assertj.core.data.Offset.offset(1e-7));
            assertThat(history.finalTestLoss()).isEqualTo(bestStats.testLoss());
        }
    }

    @Test
    void parsesEarlyStoppingAndNoise() {
        assertThat(EarlyStopping.parse("patience=5,min-delta=1e-4")).isEqualTo(new EarlyStopping(5, 1e-4));
        assertThat(EarlyStopping.parse("patience=3")).isEqualTo(new EarlyStopping(3, 0));
        assertThatThrownBy(() -> EarlyStopping.parse("patience=0")).hasMessageContaining("positive, got 0");
        assertThatThrownBy(() -> EarlyStopping.parse("wait=3")).hasMessageContaining("unknown setting 'wait'");
        assertThat(Noise.parse("gaussian:0.3")).isEqualTo(new Noise.Gaussian(0.3));
        assertThat(Noise.parse("mask:0.2")).isEqualTo(new Noise.Mask(0.2));
        assertThat(Noise.parse("none")).isEqualTo(new Noise.None());
        assertThatThrownBy(() -> Noise.parse("salt:0.1")).hasMessageContaining("unknown noise");
        assertThatThrownBy(() -> Noise.parse("mask:1.5")).hasMessageContaining("(0, 1), got 1.5");
    }
}
