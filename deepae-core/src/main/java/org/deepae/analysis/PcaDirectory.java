package org.deepae.analysis;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.deepae.data.DataFormatException;
import org.deepae.data.NpyReader;
import org.deepae.data.NpyWriter;
import org.deepae.data.Rows;
import org.deepae.io.AtomicFiles;
import org.deepae.io.JsonFiles;
import org.deepae.io.MetadataJson;
import org.deepae.store.ModelFormatException;

/**
 * The PCA directory format, version 1: {@code pca.json} ({@link PcaJson}: format {@code deepae-pca}, sizes and
 * provenance) and three float32 NumPy arrays, {@code mean.npy} {@code [1, d]}, {@code components.npy} {@code [d, d]}
 * (one component per row) and {@code eigenvalues.npy} {@code [1, d]}.
 */
final class PcaDirectory {

    /** The format version written; loading refuses any other. */
    static final int FORMAT_VERSION = 1;

    static final String FORMAT = "deepae-pca";
    static final String PCA_JSON = "pca.json";
    static final String MEAN = "mean.npy";
    static final String COMPONENTS = "components.npy";
    static final String EIGENVALUES = "eigenvalues.npy";

    private PcaDirectory() {}

    static void save(Path dir, PcaModel model) throws IOException {
        int d = model.inputSize();
        byte[] json = MetadataJson.bytes(PcaJson.of(model));
        AtomicFiles.writeDirectory(dir, temp -> {
            Files.write(temp.resolve(PCA_JSON), json);
            NpyWriter.writeFloat32(temp.resolve(MEAN), model.meanArray(), 1, d);
            NpyWriter.writeFloat32(temp.resolve(COMPONENTS), model.componentArray(), d, d);
            NpyWriter.writeFloat32(temp.resolve(EIGENVALUES), model.eigenvalueArray(), 1, d);
        });
    }

    static PcaModel load(Path dir, int threads) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new ModelFormatException(dir + ": no such PCA directory");
        }
        Path file = dir.resolve(PCA_JSON);
        PcaJson json;
        try {
            json = PcaJson.read(file, JsonFiles.read(file));
        } catch (NoSuchFileException e) {
            throw new ModelFormatException(dir + ": not a deepae PCA directory (no " + PCA_JSON + ")", e);
        } catch (ModelFormatException e) {
            throw e;
        } catch (IOException e) {
            throw new ModelFormatException(e.getMessage(), e);
        }
        int d = json.inputSize();
        int height = json.height();
        int width = json.width();
        if ((height != 0 || width != 0) && (height <= 0 || width <= 0 || (long) height * width != d)) {
            throw new ModelFormatException(
                    file + ": image size " + height + "x" + width + " does not fit input_size " + d);
        }
        float[] mean = readArray(dir.resolve(MEAN), 1, d);
        float[] components = readArray(dir.resolve(COMPONENTS), d, d);
        float[] eigenvalues = readArray(dir.resolve(EIGENVALUES), 1, d);
        return new PcaModel(
                mean,
                components,
                eigenvalues,
                height,
                width,
                json.datasetInfo(),
                json.trainRows(),
                threads,
                json.code());
    }

    /** Reads a 2-D array of exactly {@code rows x columns} finite values. */
    private static float[] readArray(Path file, int rows, int columns) throws ModelFormatException {
        Rows array;
        try {
            array = NpyReader.read(file);
        } catch (NoSuchFileException e) {
            throw new ModelFormatException(
                    file + ": missing (expected a float32 array of shape [" + rows + ", " + columns + "])", e);
        } catch (DataFormatException e) {
            throw new ModelFormatException(e.getMessage(), e);
        } catch (IOException e) {
            throw new ModelFormatException(file + ": cannot read: " + e.getMessage(), e);
        }
        if (array.isImages() || array.count() != rows || array.width() != columns) {
            String found = array.isImages()
                    ? "[" + array.count() + ", " + array.imageHeight() + ", " + array.imageWidth() + "]"
                    : "[" + array.count() + ", " + array.width() + "]";
            throw new ModelFormatException(file + ": expected shape [" + rows + ", " + columns + "], found " + found);
        }
        float[] values = array.values();
        for (int i = 0; i < values.length; i++) {
            if (!Float.isFinite(values[i])) {
                throw new ModelFormatException(
                        file + ": value " + i + " is " + values[i] + ", expected a finite number");
            }
        }
        return values;
    }
}
