package org.deepae.tf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.deepae.TestImages;
import org.deepae.data.Rows;
import org.deepae.model.Activation;
import org.deepae.model.AdamSpec;
import org.deepae.model.DenseSpec;
import org.deepae.model.Loss;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("slow")
class TfAutoencoderTest {

    private static final DenseSpec SMALL = new DenseSpec(16, List.of(8, 4), Activation.RELU, Activation.RELU, Loss.MSE);

    @Test
    void sameSeedGivesSameInitialWeightsAndOtherSeedDoesNot() {
        try (TfAutoencoder a = TfAutoencoder.forTraining(SMALL, AdamSpec.tutorial(), 7, 1);
                TfAutoencoder b = TfAutoencoder.forTraining(SMALL, AdamSpec.tutorial(), 7, 1);
                TfAutoencoder c = TfAutoencoder.forTraining(SMALL, AdamSpec.tutorial(), 8, 1)) {
            List<float[]> pa = a.parameters();
            List<float[]> pb = b.parameters();
            for (int i = 0; i < pa.size(); i++) {
                assertThat(pa.get(i)).containsExactly(pb.get(i));
            }
            assertThat(pa.get(0)).isNotEqualTo(c.parameters().get(0));
        }
    }

    @Test
    void initialWeightsFollowTruncatedNormalFanInAndBiasesAreZero() {
        DenseSpec wide = new DenseSpec(400, List.of(200), Activation.RELU, Activation.RELU, Loss.MSE);
        try (TfAutoencoder model = TfAutoencoder.forTraining(wide, AdamSpec.tutorial(), 1, 1)) {
            List<float[]> p = model.parameters();
            float[] w = p.get(0);
            assertThat(w).hasSize(400 * 200);
            double sum = 0;
            double squares = 0;
            for (float v : w) {
                sum += v;
                squares += v * v;
            }
            double mean = sum / w.length;
            double std = Math.sqrt(squares / w.length - mean * mean);
            // variance scaling, scale 1, fan-in 400: the truncated normal has standard deviation sqrt(1 / 400) = 0.05
            assertThat(mean).isCloseTo(0, org.assertj.core.data.Offset.offset(0.002));
            assertThat(std).isCloseTo(0.05, org.assertj.core.data.Offset.offset(0.002));
            double bound = 2 * 0.05 / 0.8796256610342398;
            for (float v : w) {
                assertThat((double) Math.abs(v)).isLessThanOrEqualTo(bound + 1e-6);
            }
            assertThat(p.get(1)).containsOnly(0f);
            assertThat(p.get(3)).containsOnly(0f);
        }
    }

    @Test
    void outputsHaveTheSpecShapesAndReluKeepsThemNonNegative() {
        Rows data = TestImages.bars(5, 4, 1);
        try (TfAutoencoder model = TfAutoencoder.forTraining(SMALL, AdamSpec.tutorial(), 3, 1)) {
            assertThat(model.encode(data.values(), 5)).hasSize(5 * 4);
            float[] out = model.reconstruct(data.values(), 5);
            assertThat(out).hasSize(5 * 16);
            for (float v : out) {
                assertThat(v).isGreaterThanOrEqualTo(0f);
            }
        }
    }

    @Test
    void meanSquaredErrorMatchesAHandComputedValue() {
        Rows data = TestImages.bars(3, 4, 2);
        try (TfAutoencoder model = TfAutoencoder.forTraining(SMALL, AdamSpec.tutorial(), 3, 1)) {
            float[] out = model.reconstruct(data.values(), 3);
            double expected = 0;
            for (int i = 0; i < out.length; i++) {
                double d = out[i] - data.values()[i];
                expected += d * d;
            }
            expected /= out.length;
            assertThat(model.meanSquaredError(data.values(), 3))
                    .isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-6));
        }
    }

    @Test
    void trainingStepsLowerTheLossAndAreReproducible() {
        Rows data = TestImages.bars(64, 4, 3);
        // two threads: two towers and updates running beside back-propagation, in whatever order the threads take
        for (int threads : new int[] {1, 2}) {
            float[] first = train(data, threads);
            float[] second = train(data, threads);
            assertThat(first[1]).as("%d threads", threads).isLessThan(first[0] * 0.5f);
            assertThat(second).as("%d threads", threads).containsExactly(first);
        }
    }

    private static float[] train(Rows data, int threads) {
        try (TfAutoencoder model = TfAutoencoder.forTraining(SMALL, AdamSpec.withLearningRate(0.01), 5, threads)) {
            float before = (float) model.meanSquaredError(data.values(), data.count());
            for (int i = 0; i < 200; i++) {
                model.trainStep(data.values(), data.count());
            }
            return new float[] {before, (float) model.meanSquaredError(data.values(), data.count())};
        }
    }

    @Test
    void checkpointRestoresTheSameModel(@TempDir Path dir) throws Exception {
        Rows data = TestImages.bars(16, 4, 4);
        float[] expected;
        try (TfAutoencoder model = TfAutoencoder.forTraining(SMALL, AdamSpec.tutorial(), 5, 1)) {
            for (int i = 0; i < 10; i++) {
                model.trainStep(data.values(), data.count());
            }
            expected = model.reconstruct(data.values(), data.count());
            model.saveCheckpoint(dir.resolve("variables").resolve("variables"));
        }
        try (TfAutoencoder restored =
                TfAutoencoder.restore(SMALL, dir.resolve("variables").resolve("variables"), 1)) {
            assertThat(restored.reconstruct(data.values(), data.count())).containsExactly(expected);
            assertThatThrownBy(() -> restored.trainStep(data.values(), 1)).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void restoringAMissingCheckpointNamesIt(@TempDir Path dir) {
        Path prefix = dir.resolve("nothing").resolve("variables");
        assertThatThrownBy(() -> TfAutoencoder.restore(SMALL, prefix, 1))
                .isInstanceOf(java.io.IOException.class)
                .hasMessageContaining(prefix.toString());
    }

    @Test
    void useAfterCloseFailsClearly() {
        TfAutoencoder model = TfAutoencoder.forTraining(SMALL, AdamSpec.tutorial(), 1, 1);
        model.close();
        model.close();
        assertThatThrownBy(() -> model.encode(new float[16], 1))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
    }

    @Test
    void towersComputeTheSameStepAsOneChain() {
        Rows data = TestImages.bars(9, 4, 6);
        try (TfAutoencoder one = TfAutoencoder.forTraining(SMALL, AdamSpec.tutorial(), 5, 1);
                TfAutoencoder two = TfAutoencoder.forTraining(SMALL, AdamSpec.tutorial(), 5, 2)) {
            assertThat(TfAutoencoder.towers(1)).isEqualTo(1);
            assertThat(TfAutoencoder.towers(2)).isEqualTo(2);
            for (int rows : new int[] {9, 1}) {
                float a = one.trainStep(data.values(), rows);
                float b = two.trainStep(data.values(), rows);
                assertThat(b)
                        .as("loss of a batch of %d", rows)
                        .isCloseTo(a, org.assertj.core.data.Offset.offset(1e-6f));
            }
            List<float[]> pa = one.parameters();
            List<float[]> pb = two.parameters();
            for (int i = 0; i < pa.size(); i++) {
                for (int j = 0; j < pa.get(i).length; j++) {
                    assertThat(pb.get(i)[j]).isCloseTo(pa.get(i)[j], org.assertj.core.data.Offset.offset(1e-5f));
                }
            }
        }
    }
}
