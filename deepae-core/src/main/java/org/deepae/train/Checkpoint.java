package org.deepae.train;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.deepae.io.AtomicFiles;
import org.deepae.io.JsonFields;
import org.deepae.io.JsonFiles;
import org.deepae.io.MetadataJson;
import org.deepae.tf.TfAutoencoder;

/**
 * A training run's state after a completed epoch, kept in a directory written atomically: every variable of the
 * training graph (weights and optimizer state) as a TensorFlow checkpoint, and {@code state.json} with the epoch
 * number, the epochs' statistics and the early-stopping monitor ({@link CheckpointState}; the monitor's best weights
 * in {@code best-weights.bin}). The shuffle needs no state: each epoch's order follows from the seed and the epoch
 * number.
 *
 * @param epoch the last completed epoch
 * @param epochs the statistics of every completed epoch
 * @param monitor the early-stopping monitor's state
 */
record Checkpoint(int epoch, List<EpochStats> epochs, Monitor.State monitor) {

    static final String PREFIX = "variables/variables";
    private static final String STATE = "state.json";
    private static final String BEST = "best-weights.bin";

    /** Writes the checkpoint of {@code model} after {@code epoch} into {@code dir}, replacing the previous one. */
    static void save(Path dir, TfAutoencoder model, int epoch, List<EpochStats> epochs, Monitor.State monitor)
            throws IOException {
        byte[] state = MetadataJson.bytes(new CheckpointState(epoch, epochs, CheckpointState.MonitorState.of(monitor)));
        AtomicFiles.writeDirectory(dir, temp -> {
            model.saveCheckpoint(temp.resolve(PREFIX));
            if (monitor.bestWeights() != null) {
                try (OutputStream out = Files.newOutputStream(temp.resolve(BEST))) {
                    writeArrays(out, monitor.bestWeights());
                }
            }
            Files.write(temp.resolve(STATE), state);
        });
    }

    /** Whether {@code dir} holds a checkpoint. */
    static boolean exists(Path dir) {
        return Files.isRegularFile(dir.resolve(STATE));
    }

    /**
     * Reads the state in {@code dir} strictly (see {@link JsonFiles}); the weights are restored from {@link #PREFIX}.
     */
    static Checkpoint load(Path dir) throws IOException {
        Path file = dir.resolve(STATE);
        JsonFields root;
        try {
            root = JsonFiles.readObject(file);
        } catch (NoSuchFileException e) {
            throw new IOException(dir + ": no checkpoint to resume from (no " + STATE + ")", e);
        }
        CheckpointState state = CheckpointState.read(root);
        List<float[]> best = null;
        if (Files.isRegularFile(dir.resolve(BEST))) {
            try (InputStream in = Files.newInputStream(dir.resolve(BEST))) {
                best = readArrays(in);
            }
        }
        return new Checkpoint(state.epoch(), state.epochs(), state.monitor().withWeights(best));
    }

    private static void writeArrays(OutputStream stream, List<float[]> arrays) throws IOException {
        DataOutputStream out = new DataOutputStream(new java.io.BufferedOutputStream(stream));
        out.writeInt(arrays.size());
        for (float[] a : arrays) {
            out.writeInt(a.length);
            for (float v : a) {
                out.writeFloat(v);
            }
        }
        out.flush();
    }

    private static List<float[]> readArrays(InputStream stream) throws IOException {
        DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(stream));
        int count = in.readInt();
        List<float[]> arrays = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            float[] a = new float[in.readInt()];
            for (int j = 0; j < a.length; j++) {
                a[j] = in.readFloat();
            }
            arrays.add(a);
        }
        return arrays;
    }
}
