package org.deepae.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.deepae.data.DatasetInfo;
import org.deepae.data.Rows;
import org.deepae.model.Evaluation;
import org.junit.jupiter.api.Test;

/** PCA fitted on tiny data whose answers are known by hand or computed here in double. */
class PcaTest {

    private static final DatasetInfo INFO = new DatasetInfo("tiny", "made in the test", "00", null);
    private final Pca pca = new Pca(1);
    private final Random random = new Random(11);

    /**
     * Four rows in 3-D: a Hadamard sign pattern scaled by 1, 3 and 2 per axis, plus a mean. The columns are orthogonal
     * with zero mean, so the covariance is diagonal: 4 * s^2 / 3 for s = 1, 3, 2, that is 4/3, 12 and 16/3.
     */
    private static final float[] AXES = {
        0.5f + 1, -1 + 3, 2 - 2, 0.5f + 1, -1 - 3, 2 + 2, 0.5f - 1, -1 + 3, 2 + 2, 0.5f - 1, -1 - 3, 2 - 2
    };

    @Test
    void axisAlignedDataHasItsVariancesAsEigenvaluesInDescendingOrder() {
        PcaModel model = pca.fit(new Rows(AXES, 4, 3, null, "axes"), INFO);

        assertThat(model.mean()).containsExactly(0.5f, -1, 2);
        assertThat(model.eigenvalues()).containsExactly(new float[] {12, 16f / 3, 4f / 3}, within(1e-5f));
        assertThat(model.component(0)).containsExactly(new float[] {0, 1, 0}, within(1e-6f));
        assertThat(model.component(1)).containsExactly(new float[] {0, 0, 1}, within(1e-6f));
        assertThat(model.component(2)).containsExactly(new float[] {1, 0, 0}, within(1e-6f));
        assertThat(model.explainedVarianceRatio(1)).isCloseTo(9.0 / 14, within(1e-6));
        assertThat(model.explainedVarianceRatio(2)).isCloseTo(13.0 / 14, within(1e-6));
        assertThat(model.explainedVarianceRatio(3)).isCloseTo(1, within(1e-6));
    }

    @Test
    void axisAlignedDataKeepsTheLargestAxisWithOneComponent() {
        PcaModel model = pca.fit(new Rows(AXES, 4, 3, null, "axes"), INFO);

        // One component keeps axis 1; each row loses 2^2 + 1^2 = 5 over 3 values.
        assertThat(model.encode(AXES, 4, 1)).containsExactly(new float[] {3, -3, 3, -3}, within(1e-5f));
        assertThat(model.meanSquaredError(AXES, 4, 1)).isCloseTo(5.0 / 3, within(1e-5));
        assertThat(model.rowErrors(AXES, 4, 1))
                .containsExactly(new float[] {5f / 3, 5f / 3, 5f / 3, 5f / 3}, within(1e-5f));
        assertThat(model.meanSquaredError(AXES, 4, 2)).isCloseTo(1.0 / 3, within(1e-5));
        assertThat(model.reconstruct(AXES, 4, 1))
                .containsExactly(new float[] {0.5f, 2, 2, 0.5f, -4, 2, 0.5f, 2, 2, 0.5f, -4, 2}, within(1e-5f));
    }

    @Test
    void rankTwoDataIsRebuiltExactlyFromTwoComponents() {
        int n = 50;
        int d = 6;
        float[] u = {1, 2, 0, -1, 0.5f, 3};
        float[] v = {0, 1, 1, 2, -2, 0.25f};
        float[] offset = {10, -5, 0.5f, 2, 7, -3};
        float[] rows = new float[n * d];
        double squares = 0;
        for (int r = 0; r < n; r++) {
            double a = random.nextGaussian();
            double b = random.nextGaussian();
            for (int j = 0; j < d; j++) {
                rows[r * d + j] = (float) (offset[j] + a * u[j] + b * v[j]);
                squares += Math.pow(a * u[j] + b * v[j], 2);
            }
        }
        PcaModel model = pca.fit(new Rows(rows, n, d, null, "rank 2"), INFO);

        double meanSquare = squares / (n * d);
        assertThat(model.meanSquaredError(rows, n, 2) / meanSquare).isLessThan(1e-9);
        assertThat(model.meanSquaredError(rows, n, 1) / meanSquare).isGreaterThan(1e-3);
        assertThat(model.explainedVarianceRatio(2)).isCloseTo(1, within(1e-6));
        assertThat(model.explainedVarianceRatio(1)).isLessThan(0.999);
        assertThat(model.reconstruct(rows, n, 2)).containsExactly(rows, within(1e-4f));
    }

    @Test
    void meanSquaredErrorEqualsTheErrorOfTheExplicitReconstruction() {
        int n = 40;
        int d = 8;
        float[] train = correlatedRows(n, d);
        float[] heldOut = correlatedRows(15, d);
        PcaModel model = pca.fit(new Rows(train, n, d, null, "random"), INFO);

        for (float[] rows : new float[][] {train, heldOut}) {
            int count = rows.length / d;
            for (int k = 1; k <= d; k++) {
                float[] reconstructed = model.reconstruct(rows, count, k);
                assertThat(reconstructed).hasSize(count * d);
                assertThat(model.encode(rows, count, k)).hasSize(count * k);
                double sum = 0;
                for (int i = 0; i < rows.length; i++) {
                    sum += Math.pow((double) rows[i] - reconstructed[i], 2);
                }
                double explicit = sum / rows.length;
                assertThat(model.meanSquaredError(rows, count, k))
                        .as("k = %d", k)
                        .isCloseTo(explicit, within(1e-5 * explicit + 1e-10));
                float[] rowErrors = model.rowErrors(rows, count, k);
                assertThat(rowErrors).hasSize(count);
                double rowMean = 0;
                for (float e : rowErrors) {
                    rowMean += e / count;
                }
                assertThat(rowMean).isCloseTo(explicit, within(1e-5 * explicit + 1e-10));
            }
        }
    }

    @Test
    void componentsAreOrthonormalAndEigenvaluesDescend() {
        int d = 8;
        PcaModel model = pca.fit(new Rows(correlatedRows(40, d), 40, d, null, "random"), INFO);
        float[] eigenvalues = model.eigenvalues();
        for (int i = 0; i < d; i++) {
            if (i > 0) {
                assertThat(eigenvalues[i]).isLessThanOrEqualTo(eigenvalues[i - 1]);
            }
            for (int j = 0; j < d; j++) {
                double dot = 0;
                for (int t = 0; t < d; t++) {
                    dot += model.component(i)[t] * model.component(j)[t];
                }
                assertThat(dot).as("component %d . component %d", i, j).isCloseTo(i == j ? 1 : 0, within(1e-6));
            }
        }
    }

    @Test
    void evaluatesImagesPerClass() {
        float[] pixels = correlatedRows(12, 4);
        Rows images = new Rows(pixels, 12, 4, new int[] {0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1}, 2, 2, "images");
        PcaModel model = pca.fit(images, INFO);
        Evaluation evaluation = model.evaluate(images, 2);
        assertThat(evaluation.rows()).isEqualTo(12);
        assertThat(evaluation.meanSquaredError()).isCloseTo(model.meanSquaredError(pixels, 12, 2), within(1e-6));
        assertThat(evaluation.perClass()).containsOnlyKeys(0, 1);
        assertThat(model.imageHeight()).isEqualTo(2);
        assertThat(model.trainRows()).isEqualTo(12);
    }

    @Test
    void rejectsComponentCountsOutsideOneToTheInputSize() {
        PcaModel model = pca.fit(new Rows(AXES, 4, 3, null, "axes"), INFO);
        assertThatThrownBy(() -> model.explainedVarianceRatio(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("number of components must be between 1 and 3, got 0");
        assertThatThrownBy(() -> model.encode(AXES, 4, 4))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("got 4");
        assertThatThrownBy(() -> model.meanSquaredError(AXES, 4, -1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("got -1");
    }

    @Test
    void needsTwoRowsAndNonNegativeThreads() {
        assertThatThrownBy(() -> pca.fit(new Rows(new float[3], 1, 3, null, "one"), INFO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("PCA needs at least 2 rows, got 1");
        assertThatThrownBy(() -> new Pca(-2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("-2");
    }

    /** Rows with a random linear mix of {@code d} independent Gaussians of falling scales, plus an offset. */
    private float[] correlatedRows(int n, int d) {
        Random mix = new Random(3);
        double[][] m = new double[d][d];
        for (double[] row : m) {
            for (int j = 0; j < d; j++) {
                row[j] = mix.nextGaussian();
            }
        }
        float[] rows = new float[n * d];
        for (int r = 0; r < n; r++) {
            double[] z = new double[d];
            for (int i = 0; i < d; i++) {
                z[i] = random.nextGaussian() / (i + 1);
            }
            for (int j = 0; j < d; j++) {
                double x = 0.3 * j;
                for (int i = 0; i < d; i++) {
                    x += z[i] * m[i][j];
                }
                rows[r * d + j] = (float) x;
            }
        }
        return rows;
    }
}
