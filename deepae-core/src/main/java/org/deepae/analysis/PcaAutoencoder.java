package org.deepae.analysis;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.deepae.model.Activation;
import org.deepae.model.Autoencoder;
import org.deepae.model.DenseSpec;
import org.deepae.model.Initializer;
import org.deepae.model.Loss;
import org.deepae.store.ModelFormatException;
import org.deepae.store.ModelInfo;

/**
 * A fitted PCA used as a model: a linear autoencoder whose code is the projection on the first {@code k}
 * components. It works wherever an {@link Autoencoder} does ({@code encode}, {@code decode}, {@code reconstruct},
 * {@code evaluate}); it holds no native resources.
 */
public final class PcaAutoencoder implements Autoencoder {

    private final PcaModel pca;
    private final int k;
    private final DenseSpec spec;
    private boolean closed;

    /** Uses the first {@code k} components of {@code pca}. */
    public PcaAutoencoder(PcaModel pca, int k) {
        this.pca = pca;
        this.k = k;
        this.spec = new DenseSpec(
                pca.inputSize(),
                List.of(k),
                List.of(),
                Activation.LINEAR,
                Activation.LINEAR,
                Activation.LINEAR,
                Loss.MSE,
                Initializer.VARIANCE_SCALING);
    }

    /** Whether {@code dir} holds a PCA saved by {@code deepae pca --save}. */
    public static boolean isPca(Path dir) {
        return Files.isRegularFile(dir.resolve(PcaDirectory.PCA_JSON));
    }

    /** Loads the PCA in {@code dir} as a model; it must have been saved with a code size. */
    public static PcaAutoencoder load(Path dir, int threads) throws IOException {
        PcaModel pca = PcaModel.load(dir, threads);
        if (pca.codeSize() == 0) {
            throw new ModelFormatException(dir.resolve(PcaDirectory.PCA_JSON) + ": no code_size, so this PCA cannot be "
                    + "used as a model; save it with 'deepae pca --save' again");
        }
        return new PcaAutoencoder(pca, pca.codeSize());
    }

    /** The metadata of this model, as a model directory would give it. */
    public ModelInfo info() {
        return ModelInfo.builder(spec)
                .training(Map.of("method", "pca", "components", k, "centered", true))
                .dataset(pca.dataset())
                .imageSize(pca.imageHeight(), pca.imageWidth())
                .rows(pca.trainRows(), 0)
                .deepaeVersion("pca")
                .build();
    }

    @Override
    public DenseSpec spec() {
        return spec;
    }

    @Override
    public float[] encode(float[] rows, int count) {
        checkOpen();
        return pca.encode(rows, count, k);
    }

    @Override
    public float[] decode(float[] codes, int count) {
        checkOpen();
        return pca.decode(codes, count, k);
    }

    @Override
    public float[] reconstruct(float[] rows, int count) {
        checkOpen();
        return pca.reconstruct(rows, count, k);
    }

    @Override
    public float[] rowErrors(float[] rows, int count) {
        checkOpen();
        return pca.rowErrors(rows, count, k);
    }

    @Override
    public double meanSquaredError(float[] rows, int count) {
        checkOpen();
        return pca.meanSquaredError(rows, count, k);
    }

    @Override
    public void close() {
        // nothing native to release (every product runs in its own short-lived session); later use still fails
        closed = true;
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("this PCA model has been closed");
        }
    }
}
