package org.deepae.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

import java.nio.file.Files;
import java.nio.file.Path;
import org.deepae.data.Dataset;
import org.deepae.data.DatasetCatalog;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** PCA of the full Fashion-MNIST training set against values computed independently with numpy. */
@Tag("slow")
class FashionMnistPcaTest {

    private static final Path SYSTEM_COPY = Path.of("/usr/share/datasets/fashion-mnist");

    /*
     * Reference values from numpy 2.4.6 in float64, not from deepae: the four IDX .gz files of
     * /usr/share/datasets/fashion-mnist read with gzip + numpy.frombuffer (16-byte header skipped), pixels / 255,
     * mu = train.mean(0), C = (train - mu).T @ (train - mu) / (60000 - 1), w, V = numpy.linalg.eigh(C) sorted by
     * descending w; test MSE = mean(((test - mu) - (test - mu) @ V_k @ V_k.T) ** 2) over the 10,000 test images and
     * 784 values; explained variance ratio = w[:k].sum() / w.sum().
     */
    private static final int[] K = {2, 16, 64};
    private static final double[] TEST_MSE = {0.04609611424, 0.02044615982, 0.01036817379};
    private static final double[] EXPLAINED = {0.467945379, 0.7652012741, 0.8812604385};
    /** Relative 5e-4, as a percentage: agreement to about 3 significant figures. */
    private static final double PERCENT = 0.05;

    @TempDir
    Path cache;

    @Test
    void matchesNumpyOnTheFullTrainingSet() throws Exception {
        Assumptions.assumeTrue(Files.isDirectory(SYSTEM_COPY), "Debian's dataset-fashion-mnist is not installed");
        Dataset data = new DatasetCatalog(cache).load(SYSTEM_COPY.toString());

        PcaModel model = new Pca(0).fit(data);

        assertThat(model.trainRows()).isEqualTo(60_000);
        for (int i = 0; i < K.length; i++) {
            assertThat(model.meanSquaredError(data.test().values(), data.test().count(), K[i]))
                    .as("test MSE, k = %d", K[i])
                    .isCloseTo(TEST_MSE[i], withinPercentage(PERCENT));
            assertThat(model.explainedVarianceRatio(K[i]))
                    .as("explained variance ratio, k = %d", K[i])
                    .isCloseTo(EXPLAINED[i], withinPercentage(PERCENT));
        }
    }
}
