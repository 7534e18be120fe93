package org.deepae.tf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
import org.deepae.model.NetworkSpec;
import org.deepae.model.Noise;
import org.deepae.model.Objective;
import org.deepae.model.VaeSpec;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The convolutional and variational families: shapes, training, determinism, checkpoints and the VAE's terms. */
@Tag("slow")
class ModelFamiliesTest {

    private static final Rows BARS = TestImages.bars(40, 8, 3);
    private static final ConvSpec CONV = ConvSpec.of(ImageShape.gray(8, 8), List.of(4, 8), 3, 6);
    private static final DenseSpec LINEAR_CODE = new DenseSpec(
            64,
            List.of(16, 2),
            List.of(16),
            Activation.RELU,
            Activation.LINEAR,
            Activation.SIGMOID,
            Loss.BCE,
            Initializer.VARIANCE_SCALING);
    private static final VaeSpec VAE = new VaeSpec(LINEAR_CODE, 1.0);
    private static final VaeSpec CONV_VAE = new VaeSpec(
            new ConvSpec(
                    ImageShape.gray(8, 8),
                    List.of(4),
                    3,
                    2,
                    Activation.RELU,
                    Activation.LINEAR,
                    Activation.SIGMOID,
                    Loss.BCE,
                    Initializer.VARIANCE_SCALING),
            1.0);

    /** Trains {@code steps} steps of batches of 10 and returns every step's loss, then the weights. */
    private static List<float[]> train(NetworkSpec spec, long seed, int threads, int steps, Noise noise) {
        try (TfAutoencoder model =
                TfAutoencoder.forTraining(spec, new Objective(AdamSpec.tutorial(), 1e-4, noise), seed, threads)) {
            float[] losses = new float[steps];
            for (int s = 0; s < steps; s++) {
                float[] batch = new float[10 * 64];
                System.arraycopy(BARS.values(), (s % 4) * 10 * 64, batch, 0, batch.length);
                losses[s] = model.trainStep(batch, 10, s);
            }
            List<float[]> out = new ArrayList<>();
            out.add(losses);
            out.addAll(model.parameters());
            return out;
        }
    }

    @Test
    void theConvolutionalCodeAndOutputHaveTheSpecShapesForOddSizesToo() {
        ConvSpec odd = ConvSpec.of(new ImageShape(7, 5, 3), List.of(4, 6), 3, 0);
        // 7x5 -> 4x3 -> 2x2, six channels: a feature-map code of 24 values
        assertThat(odd.codeSize()).isEqualTo(24);
        float[] rows = new float[2 * odd.inputSize()];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = (i % 11) / 10f;
        }
        try (TfAutoencoder model = TfAutoencoder.forTraining(odd, AdamSpec.tutorial(), 1, 1)) {
            float[] code = model.encode(rows, 2);
            assertThat(code).hasSize(2 * 24);
            assertThat(model.reconstruct(rows, 2)).hasSize(2 * 105);
            assertThat(model.decode(code, 2)).containsExactly(model.reconstruct(rows, 2));
            assertThat(model.parameters()).hasSize(8);
            long values = model.parameters().stream().mapToLong(p -> p.length).sum();
            assertThat(values).isEqualTo(odd.parameterCount());
        }
    }

    @Test
    void everyNewFamilyLearnsAndTrainsBitIdenticallyTwiceAtTwoThreads() {
        for (NetworkSpec spec : List.of(CONV, VAE, CONV_VAE)) {
            List<float[]> a = train(spec, 11, 2, 40, new Noise.Gaussian(0.1));
            List<float[]> b = train(spec, 11, 2, 40, new Noise.Gaussian(0.1));
            List<float[]> other = train(spec, 12, 2, 40, new Noise.Gaussian(0.1));
            for (int i = 0; i < a.size(); i++) {
                assertThat(a.get(i)).as(spec.family() + " value " + i).containsExactly(b.get(i));
            }
            assertThat(a.get(1)).as(spec.family()).isNotEqualTo(other.get(1));
            float[] losses = a.get(0);
            double first = (losses[0] + losses[1] + losses[2] + losses[3]) / 4;
            double last = (losses[36] + losses[37] + losses[38] + losses[39]) / 4;
            assertThat(last).as(spec.family() + " loss after 40 steps").isLessThan(first * 0.8);
        }
    }

    @Test
    void aCheckpointRestoresTheSameNumbersForEveryFamily(@TempDir Path dir) throws Exception {
        for (NetworkSpec spec : List.of(CONV, VAE, CONV_VAE)) {
            Path prefix = dir.resolve(spec.family()).resolve("ckpt");
            float[] reconstructed;
            double loss;
            try (TfAutoencoder model = TfAutoencoder.forTraining(spec, AdamSpec.tutorial(), 4, 1)) {
                for (int s = 0; s < 5; s++) {
                    model.trainStep(BARS.values(), BARS.count(), s);
                }
                reconstructed = model.reconstruct(BARS.values(), BARS.count());
                loss = model.meanLoss(BARS.values(), BARS.count());
                model.saveCheckpoint(prefix);
            }
            try (TfAutoencoder loaded = TfAutoencoder.restore(spec, prefix, 1)) {
                assertThat(loaded.reconstruct(BARS.values(), BARS.count())).containsExactly(reconstructed);
                assertThat(loaded.meanLoss(BARS.values(), BARS.count())).isEqualTo(loss);
            }
        }
    }

    @Test
    void parametersWrittenBackAreReadBackAndGiveTheSameOutputs() {
        for (NetworkSpec spec : List.of(CONV, CONV_VAE)) {
            try (TfAutoencoder model = TfAutoencoder.forTraining(spec, AdamSpec.tutorial(), 4, 1)) {
                List<float[]> best = model.parameters();
                float[] before = model.reconstruct(BARS.values(), 5);
                model.trainStep(BARS.values(), BARS.count(), 1);
                assertThat(model.reconstruct(BARS.values(), 5)).isNotEqualTo(before);
                // early stopping goes back to the best epoch's weights this way
                model.setParameters(best);
                assertThat(model.reconstruct(BARS.values(), 5)).containsExactly(before);
                for (int i = 0; i < best.size(); i++) {
                    assertThat(model.parameters().get(i)).containsExactly(best.get(i));
                }
            }
        }
    }

    @Test
    void theKlTermIsTheClosedFormForAKnownCodeDistribution() {
        try (TfAutoencoder model = TfAutoencoder.forTraining(VAE, AdamSpec.tutorial(), 1, 1)) {
            List<float[]> zeros = new ArrayList<>();
            for (float[] p : model.parameters()) {
                zeros.add(new float[p.length]);
            }
            // every weight 0: the mean is the mean head's bias, the log-variance the log-variance head's bias
            int heads = zeros.size();
            zeros.get(heads - 1)[0] = (float) Math.log(2);
            zeros.get(heads - 1)[1] = 0f;
            int meanBias = 2 * LINEAR_CODE.codeLayerIndex() + 1;
            zeros.get(meanBias)[0] = 0.5f;
            zeros.get(meanBias)[1] = -1f;
            model.setParameters(zeros);
            ElboTerms terms = model.elbo(BARS.values(), BARS.count());
            // KL(N(m, s^2) || N(0, 1)) = (s^2 + m^2 - 1 - ln s^2) / 2 per dimension
            double expected = (2 + 0.25 - 1 - Math.log(2)) / 2 + (1 + 1 - 1 - 0) / 2.0;
            assertThat(terms.divergence()).isCloseTo(expected, within(1e-5));
            // the output is sigmoid(0) = 0.5 everywhere: the cross-entropy of each value is ln 2
            assertThat(terms.reconstruction()).isCloseTo(64 * Math.log(2), within(1e-4));
            assertThat(model.meanLoss(BARS.values(), BARS.count())).isCloseTo(terms.negativeElbo(), within(1e-4));
            float[] rows = model.rowNegativeElbo(BARS.values(), BARS.count());
            assertThat(rows).hasSize(BARS.count());
            assertThat((double) rows[7]).isCloseTo(terms.negativeElbo(), within(1e-4));
        }
    }

    @Test
    void samplesAndDrawnCodesAreFixedByTheirSeed() {
        try (TfAutoencoder model = TfAutoencoder.forTraining(CONV_VAE, AdamSpec.tutorial(), 2, 1)) {
            float[] a = model.sample(5, 9);
            assertThat(a).hasSize(5 * 64).containsExactly(model.sample(5, 9));
            assertThat(a).isNotEqualTo(model.sample(5, 10));
            for (float v : a) {
                assertThat(v).isBetween(0f, 1f);
            }
            float[] mean = model.encode(BARS.values(), 3);
            float[] drawn = model.encodeSampled(BARS.values(), 3, 1);
            assertThat(drawn).hasSize(mean.length).containsExactly(model.encodeSampled(BARS.values(), 3, 1));
            assertThat(drawn).isNotEqualTo(mean);
        }
    }

    @Test
    void aModelThatIsNotVariationalSaysSoForTheVariationalCalls() {
        try (TfAutoencoder model = TfAutoencoder.forTraining(CONV, AdamSpec.tutorial(), 2, 1)) {
            assertThatThrownBy(() -> model.sample(3, 1))
                    .isInstanceOf(UnsupportedOperationException.class)
                    .hasMessage("only a variational model (--arch vae or conv-vae) can generate samples; this one is "
                            + "conv");
        }
    }
}
