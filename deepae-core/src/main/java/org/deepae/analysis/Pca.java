package org.deepae.analysis;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;
import org.deepae.data.Dataset;
import org.deepae.data.DatasetInfo;
import org.deepae.data.Rows;
import org.deepae.tf.MatrixProducts;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fits principal component analysis, the linear baseline for an autoencoder: the rows are centered on their mean,
 * the covariance {@code X_c^T X_c / (n - 1)} is formed on TensorFlow ({@link MatrixProducts#gram}), and its symmetric
 * eigendecomposition (EJML, in double) gives the components, sorted by descending eigenvalue.
 *
 * <p>Each component's sign is fixed so that its largest-magnitude entry is positive, so fits of the same data agree.
 * Eigenvalues that rounding makes slightly negative are set to 0: a covariance has none.
 */
public final class Pca {

    private static final Logger LOG = LoggerFactory.getLogger(Pca.class);

    private final int threads;

    /**
     * A PCA fitter.
     *
     * @param threads threads for the matrix products (chunks run side by side); 0 means one per core
     */
    public Pca(int threads) {
        if (threads < 0) {
            throw new IllegalArgumentException("threads must be 0 (one per core) or positive, got " + threads);
        }
        this.threads = threads;
    }

    /** Fits on the training images of {@code data}, recording its provenance. */
    public PcaModel fit(Dataset data) {
        return fit(data.train(), data.info());
    }

    /**
     * Fits on {@code rows}, keeping their image size when they are images.
     *
     * @param dataset where the rows came from, or {@code null}
     * @throws IllegalArgumentException with fewer than 2 rows
     */
    public PcaModel fit(Rows rows, DatasetInfo dataset) {
        int n = rows.count();
        int d = rows.width();
        if (n < 2) {
            throw new IllegalArgumentException("PCA needs at least 2 rows, got " + n);
        }
        long begin = System.nanoTime();
        float[] mean = mean(rows.values(), n, d);
        double[] gram = MatrixProducts.gram(rows.values(), n, d, mean, threads);
        DMatrixRMaj covariance = new DMatrixRMaj(d, d);
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                // Symmetrized: the float32 product need not be exactly symmetric.
                covariance.set(i, j, (gram[i * d + j] + gram[j * d + i]) / 2 / (n - 1));
            }
        }
        long products = System.nanoTime();
        float[] components = new float[d * d];
        float[] eigenvalues = new float[d];
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(d, true, true);
        if (eig.decompose(covariance.copy())) {
            Integer[] order =
                    IntStream.range(0, eig.getNumberOfEigenvalues()).boxed().toArray(Integer[]::new);
            Arrays.sort(
                    order,
                    Comparator.comparingDouble(
                                    (Integer i) -> eig.getEigenvalue(i).getReal())
                            .reversed());
            for (int c = 0; c < d; c++) {
                eigenvalues[c] = (float) Math.max(0, eig.getEigenvalue(order[c]).getReal());
                writeComponent(eig.getEigenVector(order[c]), components, c * d, d);
            }
        } else {
            // EJML's symmetric QR iteration can fail to converge, for example when many columns are constant (the codes
            // of
            // dead ReLU units); the SVD of the covariance, which is symmetric and positive semi-definite, gives the
            // same
            // eigenpairs.
            LOG.debug("symmetric eigendecomposition did not converge; using the SVD");
            SingularValueDecomposition_F64<DMatrixRMaj> svd = DecompositionFactory_DDRM.svd(d, d, false, true, false);
            if (!svd.decompose(covariance.copy())) {
                throw new IllegalStateException(
                        "the eigendecomposition of the " + d + " x " + d + " covariance failed");
            }
            double[] values = svd.getSingularValues();
            DMatrixRMaj v = svd.getV(null, false);
            Integer[] order = IntStream.range(0, values.length).boxed().toArray(Integer[]::new);
            Arrays.sort(
                    order, Comparator.comparingDouble((Integer i) -> values[i]).reversed());
            for (int c = 0; c < d; c++) {
                eigenvalues[c] = (float) values[order[c]];
                writeComponent(CommonOps_DDRM.extractColumn(v, order[c], null), components, c * d, d);
            }
        }
        long end = System.nanoTime();
        LOG.info(
                "PCA of {} rows of {} values: covariance in {} ms, eigendecomposition in {} ms",
                n,
                d,
                (products - begin) / 1_000_000,
                (end - products) / 1_000_000);
        // a PCA keeps a grayscale image size only: colour rows are fitted as the flat rows they are
        boolean gray = rows.isImages() && rows.shape().isGray();
        return new PcaModel(
                mean,
                components,
                eigenvalues,
                gray ? rows.imageHeight() : 0,
                gray ? rows.imageWidth() : 0,
                dataset,
                n,
                threads,
                0);
    }

    /** The column means, summed in double. */
    static float[] mean(float[] values, int n, int d) {
        double[] sum = new double[d];
        for (int r = 0; r < n; r++) {
            int offset = r * d;
            for (int j = 0; j < d; j++) {
                sum[j] += values[offset + j];
            }
        }
        float[] mean = new float[d];
        for (int j = 0; j < d; j++) {
            mean[j] = (float) (sum[j] / n);
        }
        return mean;
    }

    /**
     * Normalizes {@code vector}, turns it so its largest-magnitude entry is positive, and stores it at {@code offset}.
     */
    private static void writeComponent(DMatrixRMaj vector, float[] target, int offset, int d) {
        double norm = 0;
        int largest = 0;
        for (int j = 0; j < d; j++) {
            double v = vector.get(j);
            norm += v * v;
            if (Math.abs(v) > Math.abs(vector.get(largest))) {
                largest = j;
            }
        }
        double scale = (vector.get(largest) < 0 ? -1 : 1) / Math.sqrt(norm);
        for (int j = 0; j < d; j++) {
            target[offset + j] = (float) (vector.get(j) * scale);
        }
    }
}
