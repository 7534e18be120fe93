package org.deepae.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.deepae.io.AtomicFiles;
import org.deepae.io.JsonFiles;
import org.deepae.io.MetadataJson;
import org.deepae.model.Autoencoder;
import org.deepae.model.NetworkFootprint;
import org.deepae.tf.SavedModelCheck;
import org.deepae.tf.TfAutoencoder;

/**
 * Saves and loads models as a directory: {@code model.json} plus {@code variables/variables.*}, a TensorFlow
 * checkpoint. Saving writes a temporary sibling and moves it into place, so a crash never leaves a half-written
 * model where a good one was.
 *
 * <p>It also exports SavedModels and loads them back: an export holds the same checkpoint under {@code variables/}
 * and a copy of {@code model.json} as {@code assets.extra/deepae-model.json}, so the network is always rebuilt from
 * its spec.
 */
public final class ModelDirectory {

    /** The format written by this version: 3, with the network family (dense, conv, vae, conv-vae). */
    public static final int FORMAT_VERSION = 3;

    /** The oldest format version this deepae reads: 1, before the preprocessing was kept with the model. */
    public static final int OLDEST_FORMAT_VERSION = 1;

    static final String FORMAT = "deepae-model";
    static final String MODEL_JSON = "model.json";
    static final String CHECKPOINT_PREFIX = "variables/variables";
    static final String SAVED_MODEL_PB = "saved_model.pb";
    static final String SAVED_MODEL_INFO = "assets.extra/deepae-model.json";

    private ModelDirectory() {}

    /**
     * Writes {@code autoencoder}'s weights and {@code info} to {@code dir}, replacing what was there only on success.
     *
     * @param autoencoder a model deepae trained or loaded (from {@code Trainer.fit} or {@link #load}); not a SavedModel
     * @throws IllegalArgumentException if the model's weights cannot be written as a deepae model directory
     */
    public static void save(Path dir, Autoencoder autoencoder, ModelInfo info) throws IOException {
        if (!(autoencoder instanceof TfAutoencoder model)) {
            throw new IllegalArgumentException(
                    "only models trained or loaded by deepae can be saved as a model directory, got "
                            + autoencoder.getClass().getSimpleName());
        }
        byte[] json = MetadataJson.bytes(ModelJson.of(info));
        AtomicFiles.writeDirectory(dir, temp -> {
            Files.write(temp.resolve(MODEL_JSON), json);
            model.saveCheckpoint(temp.resolve(CHECKPOINT_PREFIX));
        });
    }

    /** Whether {@code dir} holds a deepae model directory or a SavedModel exported by deepae. */
    public static boolean isModel(Path dir) {
        return Files.isRegularFile(dir.resolve(MODEL_JSON)) || Files.isRegularFile(dir.resolve(SAVED_MODEL_PB));
    }

    /**
     * Reads the model's metadata: {@code model.json}, or a SavedModel's copy of it, strictly (see {@link JsonFiles}).
     * For a SavedModel it also checks that {@code saved_model.pb} is one TensorFlow could load, with deepae's
     * signatures.
     */
    public static ModelInfo readInfo(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new ModelFormatException(dir + ": no such model directory");
        }
        boolean savedModel = !Files.exists(dir.resolve(MODEL_JSON)) && Files.exists(dir.resolve(SAVED_MODEL_PB));
        Path file = dir.resolve(savedModel ? SAVED_MODEL_INFO : MODEL_JSON);
        ModelInfo info;
        try {
            info = ModelJson.read(file, JsonFiles.read(file)).toInfo(file);
        } catch (NoSuchFileException e) {
            throw new ModelFormatException(
                    savedModel
                            ? dir + ": a SavedModel not exported by deepae (no " + SAVED_MODEL_INFO + ")"
                            : dir + ": not a deepae model directory (no " + MODEL_JSON + ")",
                    e);
        } catch (ModelFormatException e) {
            throw e;
        } catch (IOException e) {
            throw new ModelFormatException(e.getMessage(), e);
        }
        if (savedModel) {
            try {
                SavedModelCheck.check(
                        dir.resolve(SAVED_MODEL_PB),
                        info.spec().inputSize(),
                        info.spec().codeSize());
            } catch (IOException e) {
                throw new ModelFormatException(e.getMessage(), e);
            }
        }
        return info;
    }

    /** Loads the model (directory or SavedModel) in {@code dir} for inference. The caller closes it. */
    public static TfAutoencoder load(Path dir, int threads) throws IOException {
        return load(dir, readInfo(dir), threads);
    }

    /** Loads the model in {@code dir}, whose metadata {@link #readInfo} has read as {@code info}. */
    private static TfAutoencoder load(Path dir, ModelInfo info, int threads) throws IOException {
        Path prefix = dir.resolve(CHECKPOINT_PREFIX);
        requireWeightFiles(dir);
        try {
            NetworkFootprint.require(info.spec(), NetworkFootprint.Purpose.INFERENCE);
        } catch (IllegalArgumentException e) {
            throw new ModelFormatException(dir + ": " + e.getMessage(), e);
        }
        try {
            return TfAutoencoder.restore(info.spec(), prefix, threads);
        } catch (IOException e) {
            throw new ModelFormatException(
                    dir + ": the weights are damaged or do not fit the network in its metadata (" + e.getMessage()
                            + ")",
                    e);
        }
    }

    /**
     * Checks that the checkpoint's index and data shards are regular files, before TensorFlow opens them: opening a
     * FIFO would wait for a writer forever.
     */
    private static void requireWeightFiles(Path dir) throws IOException {
        Path index = dir.resolve(CHECKPOINT_PREFIX + ".index");
        if (!Files.exists(index)) {
            throw new ModelFormatException(
                    dir + ": the weights are missing (expected " + CHECKPOINT_PREFIX + ".index)");
        }
        Path folder = index.getParent();
        try (var entries = Files.list(folder)) {
            for (Path file : entries.filter(f -> f.getFileName().toString().startsWith("variables."))
                    .toList()) {
                if (!Files.isRegularFile(file)) {
                    throw new ModelFormatException(file + ": not a regular file (the weights must be files)");
                }
            }
        }
    }

    /**
     * Exports the model in {@code modelDir} as a TensorFlow SavedModel in {@code out}, with an inference-only graph and
     * the signatures {@code encode}, {@code decode} and {@code reconstruct}. Written to a temporary sibling first.
     *
     * <p>A model with a preprocessing is exported in raw units: its graph scales the numeric features of {@code x} as
     * the preprocessing does and maps {@code x_hat}'s back (one-hot slots pass as they are), and
     * {@code assets.extra/deepae-inputs.json} describes the input layout (see {@link SavedModelInputs}).
     */
    public static void exportSavedModel(Path modelDir, Path out) throws IOException {
        ModelInfo info = readInfo(modelDir);
        byte[] json = MetadataJson.bytes(ModelJson.of(info));
        SavedModelInputs inputs = info.preprocessing() == null ? null : SavedModelInputs.of(info.preprocessing());
        byte[] inputsJson = inputs == null ? null : MetadataJson.bytes(inputs.toJson());
        try (TfAutoencoder model = load(modelDir, info, 0)) {
            AtomicFiles.writeDirectory(out, temp -> {
                Path export = temp.resolve("export");
                if (inputs == null) {
                    model.exportSavedModel(export);
                } else {
                    model.exportSavedModel(export, inputs.offsets(), inputs.scales());
                }
                try (var entries = Files.list(export)) {
                    for (Path entry : entries.toList()) {
                        Files.move(entry, temp.resolve(entry.getFileName()));
                    }
                }
                Files.delete(export);
                Files.createDirectories(temp.resolve(SAVED_MODEL_INFO).getParent());
                Files.write(temp.resolve(SAVED_MODEL_INFO), json);
                if (inputsJson != null) {
                    Files.write(temp.resolve(SavedModelInputs.FILE), inputsJson);
                }
            });
        }
    }
}
