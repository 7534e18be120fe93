package org.deepae.train;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.NullNode;
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
import org.deepae.io.MetadataJson;
import org.deepae.model.ElboTerms;

/**
 * Keeps {@code metrics.json} up to date: rewritten atomically after every epoch, so an interrupted run still leaves
 * the epochs it finished. Layout: {@code {"dataset": {...}, "config": {...}, "epochs": [{"epoch", "train_loss",
 * "validation_loss", "test_loss", "seconds"}], "final_test_loss", "final_epoch", "stopped_early", "total_seconds",
 * "completed"}}.
 */
public final class MetricsFile implements TrainingListener {

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

    /**
     * {@code metrics.json} as a record, written by {@link MetadataJson} (snake_case names, in this order).
     *
     * @param finalTestLoss the chosen epoch's test loss, {@code null} (written as null) when not finite
     */
    @JsonPropertyOrder({
        "dataset",
        "config",
        "epochs",
        "final_test_loss",
        "final_epoch",
        "stopped_early",
        "total_seconds",
        "completed"
    })
    record Content(
            Map<String, Object> dataset,
            Map<String, Object> config,
            List<Epoch> epochs,
            Double finalTestLoss,
            int finalEpoch,
            boolean stoppedEarly,
            double totalSeconds,
            boolean completed) {}

    /**
     * One epoch as {@code metrics.json} and checkpoints keep it.
     *
     * @param validationLoss left out without a validation split; null when not finite
     * @param testLoss null when not finite
     */
    @JsonPropertyOrder({
        "epoch",
        "train_loss",
        "validation_loss",
        "test_loss",
        "test_reconstruction",
        "test_kl",
        "test_negative_elbo",
        "seconds"
    })
    record Epoch(
            int epoch,
            double trainLoss,
            @JsonInclude(JsonInclude.Include.NON_NULL) JsonNode validationLoss,
            Double testLoss,
            @JsonInclude(JsonInclude.Include.NON_NULL) JsonNode testReconstruction,
            @JsonInclude(JsonInclude.Include.NON_NULL) JsonNode testKl,
            @JsonInclude(JsonInclude.Include.NON_NULL) JsonNode testNegativeElbo,
            double seconds) {

        static Epoch of(EpochStats e) {
            ElboTerms terms = e.testTerms();
            return new Epoch(
                    e.epoch(),
                    e.trainLoss(),
                    e.hasValidation() ? number(e.validationLoss()) : null,
                    finite(e.testLoss()),
                    terms == null ? null : number(terms.reconstruction()),
                    terms == null ? null : number(terms.divergence()),
                    terms == null ? null : number(terms.negativeElbo()),
                    e.seconds());
        }

        private static JsonNode number(double value) {
            return Double.isFinite(value) ? DoubleNode.valueOf(value) : NullNode.getInstance();
        }
    }

    /** The current content, as written to the file. */
    public ObjectNode toJson() {
        return (ObjectNode) MetadataJson.tree(content());
    }

    private Content content() {
        int last = epochs.isEmpty() ? 0 : epochs.get(epochs.size() - 1).epoch();
        int chosen = finalEpoch > 0 ? finalEpoch : last;
        double finalTestLoss = new TrainingHistory(epochs, totalSeconds, chosen, stoppedEarly).finalTestLoss();
        return new Content(
                dataset,
                config,
                epochs.stream().map(Epoch::of).toList(),
                finite(finalTestLoss),
                chosen,
                stoppedEarly,
                totalSeconds,
                completed);
    }

    private void write() throws IOException {
        AtomicFiles.write(file, MetadataJson.bytes(content()));
    }

    /** Writes one epoch as {@code metrics.json} and checkpoints keep it; a missing loss is left out or null. */
    static void putEpoch(ObjectNode node, EpochStats e) {
        node.setAll((ObjectNode) MetadataJson.tree(Epoch.of(e)));
    }

    /** Reads one epoch written by {@link #putEpoch}; a missing or null loss is NaN. */
    static EpochStats readEpoch(JsonFields e) throws IOException {
        double any = Double.NEGATIVE_INFINITY;
        ElboTerms terms = e.has("test_kl")
                ? new ElboTerms(
                        e.optionalDouble("test_reconstruction", any, Double.NaN),
                        e.optionalDouble("test_kl", any, Double.NaN))
                : null;
        return new EpochStats(
                e.requiredInt("epoch", 1, Integer.MAX_VALUE),
                e.optionalDouble("train_loss", any, Double.NaN),
                e.optionalDouble("validation_loss", any, Double.NaN),
                e.optionalDouble("test_loss", any, Double.NaN),
                e.optionalDouble("seconds", 0, 0),
                terms);
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

    private static Double finite(double value) {
        return Double.isFinite(value) ? value : null;
    }
}
