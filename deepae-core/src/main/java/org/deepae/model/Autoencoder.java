package org.deepae.model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ServiceLoader;
import org.deepae.data.Dataset;
import org.deepae.data.Rows;

/**
 * A trained autoencoder ready for use. It owns native resources: close it when done; any use after
 * {@link #close()} fails with an {@link IllegalStateException}.
 *
 * <p>The bulk methods take rows as one row-major array of {@code count * width} values; the {@code float[][]}
 * methods are conveniences over them.
 */
public interface Autoencoder extends AutoCloseable {

    /**
     * Loads a model saved by deepae: a model directory ({@code model.json} and weights) or a SavedModel written by
     * {@code deepae export}.
     *
     * @throws IOException naming the directory and the problem when it is not a usable model
     */
    static Autoencoder load(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IOException(dir + ": no such model directory");
        }
        for (ModelLoader loader : ServiceLoader.load(ModelLoader.class, Autoencoder.class.getClassLoader())) {
            if (loader.accepts(dir)) {
                return loader.load(dir);
            }
        }
        throw new IOException(dir + ": not a deepae model (no model.json) nor a SavedModel (no saved_model.pb)");
    }

    /** The network this model implements. */
    AutoencoderSpec spec();

    /** The code of each row: {@code count * spec().codeSize()} values. */
    float[] encode(float[] rows, int count);

    /** The decoder's output for each code: {@code count * spec().inputSize()} values. */
    float[] decode(float[] codes, int count);

    /** The reconstruction of each row: {@code count * spec().inputSize()} values. */
    float[] reconstruct(float[] rows, int count);

    /** Each row's mean squared reconstruction error over its values. */
    float[] rowErrors(float[] rows, int count);

    /** Mean over rows and values of the squared reconstruction error. */
    double meanSquaredError(float[] rows, int count);

    /** The code of each row. */
    default float[][] encode(float[][] rows) {
        return Matrices.split(encode(Matrices.flatten(rows, spec().inputSize()), rows.length), spec().codeSize());
    }

    /** The decoder's output for each code. */
    default float[][] decode(float[][] codes) {
        return Matrices.split(decode(Matrices.flatten(codes, spec().codeSize()), codes.length), spec().inputSize());
    }

    /** The reconstruction of each row. */
    default float[][] reconstruct(float[][] rows) {
        return Matrices.split(reconstruct(Matrices.flatten(rows, spec().inputSize()), rows.length), spec().inputSize());
    }

    /** Reconstruction error of the dataset's test set: overall, as PSNR, and per class when labelled. */
    default Evaluation evaluate(Dataset dataset) {
        return evaluate(dataset.test());
    }

    /** Reconstruction error of a set of rows: overall, as PSNR, and per class when labelled. */
    default Evaluation evaluate(Rows rows) {
        return Evaluation.of(rowErrors(rows.values(), rows.count()), rows.labels());
    }

    @Override
    void close();
}
