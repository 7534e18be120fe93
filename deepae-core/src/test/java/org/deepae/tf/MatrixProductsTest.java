package org.deepae.tf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The TensorFlow products against plain double loops on small random matrices. */
class MatrixProductsTest {

    private static final int COUNT = 23;
    private static final int WIDTH = 7;
    private static final int K = 3;
    /** float32 sums of products: a few units in the 7th significant digit of the largest term. */
    private static final double TOLERANCE = 1e-5;

    private final Random random = new Random(7);
    private final float[] rows = randoms(COUNT * WIDTH);
    private final float[] mean = randoms(WIDTH);
    private final float[] basis = randoms(WIDTH * K);

    @Test
    void gramIsTheSumOfOuterProductsOfCenteredRows() {
        double[] gram = MatrixProducts.gram(rows, COUNT, WIDTH, mean, 1);
        assertThat(gram).hasSize(WIDTH * WIDTH);
        for (int i = 0; i < WIDTH; i++) {
            for (int j = 0; j < WIDTH; j++) {
                double expected = 0;
                for (int r = 0; r < COUNT; r++) {
                    expected += centered(r, i) * centered(r, j);
                }
                assertClose(gram[i * WIDTH + j], expected);
            }
        }
    }

    @Test
    void gramAddsChunksOfRows() {
        int count = MatrixProducts.CHUNK_ROWS + 5;
        float[] many = new float[count * 2];
        for (int r = 0; r < count; r++) {
            many[2 * r] = r % 2 == 0 ? 1 : -1;
            many[2 * r + 1] = 0.5f;
        }
        double[] gram = MatrixProducts.gram(many, count, 2, new float[] {0, 0}, 1);
        assertThat(gram).containsExactly(count, 0.5, 0.5, 0.25 * count);
    }

    @Test
    void projectGivesCodesOfCenteredRows() {
        float[] codes = MatrixProducts.project(rows, COUNT, WIDTH, mean, basis, K, 1);
        assertThat(codes).hasSize(COUNT * K);
        double[] expected = codes();
        for (int i = 0; i < codes.length; i++) {
            assertClose(codes[i], expected[i]);
        }
    }

    @Test
    void reconstructAndResidualsFollowFromTheCodes() {
        float[] reconstructed = MatrixProducts.reconstruct(rows, COUNT, WIDTH, mean, basis, K, 1);
        float[] residuals = MatrixProducts.residualSquaredNorms(rows, COUNT, WIDTH, mean, basis, K, 1);
        assertThat(reconstructed).hasSize(COUNT * WIDTH);
        assertThat(residuals).hasSize(COUNT);
        double[] codes = codes();
        for (int r = 0; r < COUNT; r++) {
            double squares = 0;
            for (int j = 0; j < WIDTH; j++) {
                double back = 0;
                for (int c = 0; c < K; c++) {
                    back += codes[r * K + c] * basis[j * K + c];
                }
                assertClose(reconstructed[r * WIDTH + j], mean[j] + back);
                double residual = centered(r, j) - back;
                squares += residual * residual;
            }
            assertClose(residuals[r], squares);
        }
    }

    @Test
    void noRowsGiveEmptyResultsAndAZeroGram() {
        assertThat(MatrixProducts.gram(new float[0], 0, 2, new float[2], 0)).containsExactly(0, 0, 0, 0);
        assertThat(MatrixProducts.project(new float[0], 0, 2, new float[2], new float[2], 1, 0))
                .isEmpty();
    }

    @Test
    void rejectsMismatchedShapesNamingTheValues() {
        assertThatThrownBy(() -> MatrixProducts.gram(rows, COUNT + 1, WIDTH, mean, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("24 rows of 7 values");
        assertThatThrownBy(() -> MatrixProducts.gram(rows, COUNT, WIDTH, new float[3], 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("expected a mean of 7 values, got 3");
        assertThatThrownBy(() -> MatrixProducts.project(rows, COUNT, WIDTH, mean, basis, 2, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("expected a basis of 7 x 2 values, got 21 values for k = 2");
        assertThatThrownBy(() -> MatrixProducts.gram(rows, COUNT, WIDTH, mean, -1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("got -1");
    }

    /** Within {@link #TOLERANCE}, relative to the expected value's magnitude when it exceeds 1. */
    private static void assertClose(double actual, double expected) {
        assertThat(actual).isCloseTo(expected, within(TOLERANCE * Math.max(1, Math.abs(expected))));
    }

    private double centered(int row, int column) {
        return (double) rows[row * WIDTH + column] - mean[column];
    }

    private double[] codes() {
        double[] codes = new double[COUNT * K];
        for (int r = 0; r < COUNT; r++) {
            for (int c = 0; c < K; c++) {
                for (int j = 0; j < WIDTH; j++) {
                    codes[r * K + c] += centered(r, j) * basis[j * K + c];
                }
            }
        }
        return codes;
    }

    private float[] randoms(int n) {
        float[] values = new float[n];
        for (int i = 0; i < n; i++) {
            values[i] = (float) random.nextGaussian();
        }
        return values;
    }
}
