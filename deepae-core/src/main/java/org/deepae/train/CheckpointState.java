package org.deepae.train;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.deepae.io.JsonFields;
import org.deepae.io.MetadataJson;

/**
 * A checkpoint's {@code state.json} as a record: {@link MetadataJson} writes it (snake_case names, in this order),
 * {@link #read} reads it back strictly. The early-stopping monitor's best weights are not in it but beside it.
 *
 * @param epoch the last completed epoch
 * @param epochs the statistics of every completed epoch, written as {@code metrics.json} writes them
 * @param monitor the early-stopping monitor's state
 */
@JsonPropertyOrder({"format", "format_version", "epoch", "epochs", "monitor"})
record CheckpointState(int epoch, @JsonIgnore List<EpochStats> epochs, MonitorState monitor) {

    static final String FORMAT = "deepae-checkpoint";
    static final int FORMAT_VERSION = 1;

    CheckpointState {
        epochs = List.copyOf(epochs);
    }

    /**
     * The early-stopping monitor without its best weights.
     *
     * @param best the best loss seen, {@code +Infinity} (written as the string {@code "Infinity"}) before any
     */
    @JsonPropertyOrder({"best", "best_epoch", "since_best", "stopped"})
    record MonitorState(double best, int bestEpoch, int sinceBest, boolean stopped) {

        static MonitorState of(Monitor.State state) {
            return new MonitorState(state.best(), state.bestEpoch(), state.sinceBest(), state.stopped());
        }

        /** The monitor's state with {@code bestWeights}, which may be {@code null}. */
        Monitor.State withWeights(List<float[]> bestWeights) {
            return new Monitor.State(best, bestEpoch, sinceBest, stopped, bestWeights);
        }
    }

    /** Always {@value #FORMAT}. */
    @JsonProperty("format")
    String format() {
        return FORMAT;
    }

    /** Always {@value #FORMAT_VERSION}, the only version read. */
    @JsonProperty("format_version")
    int formatVersion() {
        return FORMAT_VERSION;
    }

    /** The epochs as written. */
    @JsonProperty("epochs")
    List<MetricsFile.Epoch> epochsJson() {
        return epochs.stream().map(MetricsFile.Epoch::of).toList();
    }

    /**
     * Reads {@code root}, a {@code state.json}, strictly: format version 1 (the format's name is not checked, as
     * older versions did not), then each field with its type and range.
     */
    static CheckpointState read(JsonFields root) throws IOException {
        if (!root.isInt("format_version", FORMAT_VERSION)) {
            throw new IOException(
                    root.file() + ": unsupported checkpoint format_version " + root.raw("format_version"));
        }
        List<EpochStats> epochs = new ArrayList<>();
        for (JsonFields e : root.objects("epochs")) {
            epochs.add(MetricsFile.readEpoch(e));
        }
        JsonFields m = root.object("monitor");
        // a monitor that has seen no loss keeps +Infinity as its best, which Jackson writes as a string
        double best = "Infinity".equals(m.raw("best").textValue())
                ? Double.POSITIVE_INFINITY
                : m.optionalDouble("best", Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
        MonitorState monitor = new MonitorState(
                best,
                m.optionalInt("best_epoch", 0, Integer.MAX_VALUE, 0),
                m.optionalInt("since_best", 0, Integer.MAX_VALUE, 0),
                m.optionalBoolean("stopped", false));
        return new CheckpointState(root.requiredInt("epoch", 0, Integer.MAX_VALUE), epochs, monitor);
    }
}
