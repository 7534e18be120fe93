package org.deepae.train;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deepae.io.AtomicFiles;
import org.deepae.io.JsonFields;
import org.deepae.io.JsonFiles;

/**
 * Keeps {@code metrics.json} up to date: rewritten atomically after every epoch, so an interrupted run still leaves
 * the epochs it finished. Layout: {@code {"dataset": {...}, "config": {...}, "epochs": [{"epoch", "train_loss",
 * "validation_loss", "test_loss", "seconds"}], "final_test_loss", "final_epoch", "stopped_early", "total_seconds",
 * "completed"}}.
 */
public final class MetricsFile implements TrainingListener {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path file;
    private final Map<String, Object> dataset;
    private final Map<String, Object> config;
    private final List<EpochStats> epochs = new ArrayList<>();
    private double totalSeconds;
    private double priorSeconds;
    private boolean completed;
    private int finalEpoch;
    private boolean stoppedEarly;

    /**
     * @param file where to write
     * @param dataset the dataset's description (name, source, sizes, ...)
     * @param config every hyperparameter, see {@link RunDescription}
     */
    public MetricsFile(Path file, Map<String, Object> dataset, Map<String, Object> config) {
        this.file = file;
        this.dataset = new LinkedHashMap<>(dataset);
        this.config = new LinkedHashMap<>(config);
    }

    @Override
    public void onTrainingBegin(TrainingPlan plan) throws IOException {
        epochs.clear();
        epochs.addAll(plan.completed());
        priorSeconds = epochs.stream().mapToDouble(EpochStats::seconds).sum();
        totalSeconds = priorSeconds;
        write();
    }

    @Override
    public void onEpochEnd(EpochStats stats) throws IOException {
        epochs.add(stats);
        totalSeconds += stats.seconds();
        write();
    }

    @Override
    public void onTrainingEnd(TrainingHistory history, boolean completed) throws IOException {
        this.totalSeconds = priorSeconds + history.totalSeconds();
        this.completed = completed;
        this.finalEpoch = history.finalEpoch();
        this.stoppedEarly = history.stoppedEarly();
        write();
    }

    /** The current content, as written to the file. */
    public ObjectNode toJson() {
        ObjectNode root = JSON.createObjectNode();
        root.set("dataset", JSON.valueToTree(dataset));
        root.set("config", JSON.valueToTree(config));
        ArrayNode list = root.putArray("epochs");
        epochs.forEach(e -> putEpoch(list.addObject(), e));
        int last = epochs.isEmpty() ? 0 : epochs.get(epochs.size() - 1).epoch();
        int chosen = finalEpoch > 0 ? finalEpoch : last;
        putNumber(
                root,
                "final_test_loss",
                new TrainingHistory(epochs, totalSeconds, chosen, stoppedEarly).finalTestLoss());
        root.put("final_epoch", chosen);
        root.put("stopped_early", stoppedEarly);
        root.put("total_seconds", totalSeconds);
        root.put("completed", completed);
        return root;
    }

    private void write() throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(toJson());
        AtomicFiles.write(file, bytes);
    }

    /** Writes one epoch as {@code metrics.json} and checkpoints keep it; a missing loss is left out or null. */
    static void putEpoch(ObjectNode node, EpochStats e) {
        node.put("epoch", e.epoch());
        node.put("train_loss", e.trainLoss());
        if (e.hasValidation()) {
            putNumber(node, "validation_loss", e.validationLoss());
        }
        putNumber(node, "test_loss", e.testLoss());
        node.put("seconds", e.seconds());
    }

    /** Reads one epoch written by {@link #putEpoch}; a missing or null loss is NaN. */
    static EpochStats readEpoch(JsonFields e) throws IOException {
        double any = Double.NEGATIVE_INFINITY;
        return new EpochStats(
                e.requiredInt("epoch", 1, Integer.MAX_VALUE),
                e.optionalDouble("train_loss", any, Double.NaN),
                e.optionalDouble("validation_loss", any, Double.NaN),
                e.optionalDouble("test_loss", any, Double.NaN),
                e.optionalDouble("seconds", 0, 0));
    }

    /**
     * The epochs recorded in a {@code metrics.json}; none when the file is missing.
     *
     * @throws IOException when the file is there but cannot be read as one written by this class: the message names
     *     the file and says why
     */
    public static List<EpochStats> readEpochs(Path metrics) throws IOException {
        JsonFields root;
        try {
            root = JsonFiles.readObject(metrics);
        } catch (NoSuchFileException e) {
            return new ArrayList<>();
        }
        List<EpochStats> epochs = new ArrayList<>();
        for (JsonFields e : root.objects("epochs")) {
            epochs.add(readEpoch(e));
        }
        return epochs;
    }

    private static void putNumber(ObjectNode node, String key, double value) {
        if (Double.isFinite(value)) {
            node.put(key, value);
        } else {
            node.putNull(key);
        }
    }
}
