package org.deepae.analysis;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;
import org.deepae.data.DatasetInfo;
import org.deepae.data.Rows;
import org.deepae.model.Evaluation;
import org.deepae.tf.MatrixProducts;

/**
 * A fitted principal component analysis: the training mean and the components (unit eigenvectors of the training
 * covariance) sorted by descending eigenvalue. The first {@code k} components act as a linear autoencoder with a code
 * of {@code k} values: {@code encode} projects centered rows on them, {@code reconstruct} maps back.
 *
 * <p>Rows are row-major {@code float[]} of {@link #inputSize()} values each, as in {@link
 * org.deepae.model.Autoencoder}. Every method that takes {@code k} accepts 1 to {@link #inputSize()}.
 */
public final class PcaModel {

    private final float[] mean;
    private final float[] components;
    private final float[] eigenvalues;
    private final int imageHeight;
    private final int imageWidth;
    private final DatasetInfo dataset;
    private final int trainRows;
    private final int threads;
    private final int codeSize;

    /**
     * Wraps fitted or loaded arrays, which it keeps (not copies).
     *
     * @param mean the training mean, {@code d} values
     * @param components {@code d x d} row-major, row {@code i} the {@code i}-th unit component
     * @param eigenvalues the covariance's eigenvalue of each component, descending, {@code d} values
     * @param imageHeight image height when the rows are images, else 0
     * @param imageWidth image width when the rows are images, else 0
     * @param dataset where the training rows came from, or {@code null}
     * @param trainRows number of training rows
     * @param threads threads for the products (chunks run side by side); 0 means one per core
     * @param codeSize the number of components it uses as a model ({@link PcaAutoencoder}), or 0 when not chosen
     */
    PcaModel(
            float[] mean,
            float[] components,
            float[] eigenvalues,
            int imageHeight,
            int imageWidth,
            DatasetInfo dataset,
            int trainRows,
            int threads,
            int codeSize) {
        int d = mean.length;
        if (d == 0 || components.length != (long) d * d || eigenvalues.length != d) {
            throw new IllegalArgumentException("expected a mean of d values, d x d components and d eigenvalues, got "
                    + d + ", " + components.length + " and " + eigenvalues.length + " values");
        }
        boolean noImage = imageHeight == 0 && imageWidth == 0;
        if (!noImage && (imageHeight <= 0 || imageWidth <= 0 || (long) imageHeight * imageWidth != d)) {
            throw new IllegalArgumentException(
                    "image size " + imageHeight + "x" + imageWidth + " does not fit rows of " + d + " values");
        }
        if (threads < 0) {
            throw new IllegalArgumentException("threads must be 0 (one per core) or positive, got " + threads);
        }
        this.mean = mean;
        this.components = components;
        this.eigenvalues = eigenvalues;
        this.imageHeight = imageHeight;
        this.imageWidth = imageWidth;
        this.dataset = dataset;
        this.trainRows = trainRows;
        this.threads = threads;
        if (codeSize < 0 || codeSize > d) {
            throw new IllegalArgumentException(
                    "code size must be between 1 and " + d + " (or 0 for none), got " + codeSize);
        }
        this.codeSize = codeSize;
    }

    /** This PCA, using its first {@code k} components when used as a model. */
    public PcaModel withCodeSize(int k) {
        checkK(k);
        return new PcaModel(mean, components, eigenvalues, imageHeight, imageWidth, dataset, trainRows, threads, k);
    }

    /** The number of components used as a model, or 0 when none was chosen. */
    public int codeSize() {
        return codeSize;
    }

    /** Reads a PCA written by {@link #save(Path)}, using all cores for its products. */
    public static PcaModel load(Path dir) throws IOException {
        return load(dir, 0);
    }

    /**
     * Reads a PCA written by {@link #save(Path)}.
     *
     * @param threads threads for the products (chunks run side by side); 0 means one per core
     * @throws org.deepae.store.ModelFormatException when a file is missing, of another format or version, or of the
     *     wrong shape; the one-line message names the file
     */
    public static PcaModel load(Path dir, int threads) throws IOException {
        return PcaDirectory.load(dir, threads);
    }

    /**
     * Writes {@code dir/pca.json} and the arrays {@code mean.npy} {@code [1, d]}, {@code components.npy}
     * {@code [d, d]} (one component per row) and {@code eigenvalues.npy} {@code [1, d]}, all float32, into a
     * temporary sibling that then replaces {@code dir}.
     */
    public void save(Path dir) throws IOException {
        PcaDirectory.save(dir, this);
    }

    /** Number of values in a row, {@code d}. */
    public int inputSize() {
        return mean.length;
    }

    /** A copy of the training mean. */
    public float[] mean() {
        return mean.clone();
    }

    /** A copy of the {@code i}-th component (0 is the direction of most variance), a unit vector. */
    public float[] component(int i) {
        Objects.checkIndex(i, inputSize());
        return Arrays.copyOfRange(components, i * inputSize(), (i + 1) * inputSize());
    }

    /** A copy of all components, {@code d x d} row-major, one component per row. */
    public float[] components() {
        return components.clone();
    }

    /** A copy of the training covariance's eigenvalues (variance along each component), descending. */
    public float[] eigenvalues() {
        return eigenvalues.clone();
    }

    /** Image height of the training rows, or 0 when they were not images. */
    public int imageHeight() {
        return imageHeight;
    }

    /** Image width of the training rows, or 0 when they were not images. */
    public int imageWidth() {
        return imageWidth;
    }

    /** Where the training rows came from, or {@code null} when unknown. */
    public DatasetInfo dataset() {
        return dataset;
    }

    /** Number of training rows the PCA was fitted on. */
    public int trainRows() {
        return trainRows;
    }

    /** The share of the training variance along the first {@code k} components: their eigenvalues over all. */
    public double explainedVarianceRatio(int k) {
        checkK(k);
        double top = 0;
        double all = 0;
        for (int i = 0; i < eigenvalues.length; i++) {
            all += eigenvalues[i];
            if (i < k) {
                top += eigenvalues[i];
            }
        }
        return all == 0 ? 1 : top / all;
    }

    /** The codes of {@code count} rows: their centered values projected on the first {@code k} components. */
    public float[] encode(float[] rows, int count, int k) {
        checkK(k);
        return MatrixProducts.project(rows, count, inputSize(), mean, basis(k), k, threads);
    }

    /** The rows rebuilt from their first {@code k} codes: {@code mean + codes * W_k^T}, {@code count x d} values. */
    public float[] reconstruct(float[] rows, int count, int k) {
        checkK(k);
        return MatrixProducts.reconstruct(rows, count, inputSize(), mean, basis(k), k, threads);
    }

    /** Rows rebuilt from codes of {@code k} values: {@code mean + codes * W_k^T}, {@code count x d} values. */
    public float[] decode(float[] codes, int count, int k) {
        checkK(k);
        int d = inputSize();
        float[] out =
                MatrixProducts.project(codes, count, k, new float[k], Arrays.copyOf(components, k * d), d, threads);
        for (int r = 0; r < count; r++) {
            for (int j = 0; j < d; j++) {
                out[r * d + j] += mean[j];
            }
        }
        return out;
    }

    /** Each row's mean over its values of the squared reconstruction error with {@code k} components. */
    public float[] rowErrors(float[] rows, int count, int k) {
        checkK(k);
        float[] errors = MatrixProducts.residualSquaredNorms(rows, count, inputSize(), mean, basis(k), k, threads);
        for (int i = 0; i < errors.length; i++) {
            errors[i] /= inputSize();
        }
        return errors;
    }

    /**
     * The mean over rows and values of the squared reconstruction error with {@code k} components, as an autoencoder's
     * {@code meanSquaredError}; NaN for no rows. Only each row's residual sum is brought back from TensorFlow.
     */
    public double meanSquaredError(float[] rows, int count, int k) {
        checkK(k);
        float[] squares = MatrixProducts.residualSquaredNorms(rows, count, inputSize(), mean, basis(k), k, threads);
        double sum = 0;
        for (float s : squares) {
            sum += s;
        }
        return count == 0 ? Double.NaN : sum / ((double) count * inputSize());
    }

    /** Mean squared error, PSNR and per-class error of {@code images} reconstructed from {@code k} components. */
    public Evaluation evaluate(Rows images, int k) {
        return Evaluation.of(rowErrors(images.values(), images.count(), k), images.labels());
    }

    /** The first {@code k} components as the columns of a {@code d x k} row-major matrix. */
    private float[] basis(int k) {
        int d = inputSize();
        float[] basis = new float[d * k];
        for (int c = 0; c < k; c++) {
            for (int j = 0; j < d; j++) {
                basis[j * k + c] = components[c * d + j];
            }
        }
        return basis;
    }

    private void checkK(int k) {
        if (k < 1 || k > inputSize()) {
            throw new IllegalArgumentException(
                    "number of components must be between 1 and " + inputSize() + ", got " + k);
        }
    }

    // The arrays themselves, not copies, for PcaDirectory.

    float[] meanArray() {
        return mean;
    }

    float[] componentArray() {
        return components;
    }

    float[] eigenvalueArray() {
        return eigenvalues;
    }

    @Override
    public String toString() {
        return "PcaModel[" + inputSize() + " values, fitted on " + trainRows + " rows"
                + (dataset == null ? "" : " of " + dataset.name()) + "]";
    }
}
