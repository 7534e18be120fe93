package org.deepae.cli;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.function.Predicate;
import org.deepae.analysis.AnomalyScores;
import org.deepae.analysis.ColumnContributions;
import org.deepae.data.CsvWriter;
import org.deepae.data.DataFormatException;
import org.deepae.data.Rows;
import org.deepae.model.Autoencoder;
import org.deepae.run.InputChunks;
import org.deepae.run.ModelInput;

/**
 * {@code anomalies}' one pass over its input, a chunk at a time: each row's reconstruction error and ground truth
 * kept in memory (5 bytes a row, what the threshold and the evaluation need), the rest of each row's line of
 * {@code scores.csv} (id, label, top columns) spooled to a temporary file, since whether a row is flagged is known
 * only once every error is, and the worst rows kept as they go.
 */
final class ScoringPass implements Closeable {

    /** A row among the worst: its error, index, id and, when the rows are drawn, its values. */
    record Worst(float error, int index, String id, float[] values) {}

    /** Worst first: the larger error, then the smaller index (as {@link AnomalyScores#worst} orders rows). */
    private static final Comparator<Worst> WORST_FIRST =
            Comparator.comparingDouble(Worst::error).reversed().thenComparingInt(Worst::index);

    private final Path spool;
    private final DataOutputStream out;
    private final ColumnContributions contributions;
    private final int topColumns;
    private final int top;
    private final PriorityQueue<Worst> worst;
    private float[] errors = new float[1 << 13];
    private boolean[] truth;
    private int count;
    private Rows first;

    /** The score's column in scores.csv: {@code error}, or {@code negative_elbo}. */
    private String scoreColumn = "error";

    private ScoringPass(Path spool, ColumnContributions contributions, int topColumns, int top) throws IOException {
        this.spool = spool;
        this.out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(spool), 1 << 16));
        this.contributions = contributions;
        this.topColumns = topColumns;
        this.top = top;
        this.worst = new PriorityQueue<>(Math.max(1, top), WORST_FIRST.reversed());
    }

    /**
     * Reads, reconstructs and scores every chunk of {@code chunks}.
     *
     * @param spool an empty temporary file for the rows' cells, which the caller deletes
     * @param contributions how encoded features add up to columns, or {@code null} for no top columns
     * @param positives which truth values mark a real anomaly, or {@code null}
     * @param normalLabels the labels of normal rows when the truth comes from labels, else empty
     * @param top how many of the worst rows to keep (with their values when they are grayscale images, to draw them)
     * @param elbo whether a row's score is its negative ELBO (a variational model's) instead of its reconstruction
     *     error; the squared errors still give the top columns
     */
    static ScoringPass run(
            InputChunks chunks,
            Autoencoder autoencoder,
            Path spool,
            ColumnContributions contributions,
            int topColumns,
            Predicate<String> positives,
            Set<String> normalLabels,
            int top,
            boolean elbo)
            throws IOException {
        ScoringPass pass = new ScoringPass(spool, contributions, topColumns, top);
        if (elbo) {
            pass.scoreColumn = "negative_elbo";
        }
        try {
            ModelInput.Chunk chunk;
            while ((chunk = chunks.next()) != null) {
                Rows rows = chunk.rows();
                pass.add(
                        chunk,
                        autoencoder.reconstruct(rows.values(), rows.count()),
                        elbo ? autoencoder.rowNegativeElbo(rows.values(), rows.count()) : null,
                        chunks.labelNames(),
                        positives,
                        normalLabels);
            }
            pass.out.flush();
            return pass;
        } catch (IOException | RuntimeException e) {
            pass.close();
            throw e;
        }
    }

    private void add(
            ModelInput.Chunk chunk,
            float[] reconstructed,
            float[] negativeElbo,
            List<String> labelNames,
            Predicate<String> positives,
            Set<String> normalLabels)
            throws IOException {
        Rows rows = chunk.rows();
        boolean drawn = rows.isImages() && rows.shape().isGray();
        if (first == null) {
            first = rows;
        }
        if ((long) count + rows.count() > Integer.MAX_VALUE - 8) {
            throw new DataFormatException(
                    rows.source(), "more than " + (Integer.MAX_VALUE - 8) + " rows; score the input in parts");
        }
        int width = rows.width();
        float[] values = rows.values();
        float[] squared = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            float d = values[i] - reconstructed[i];
            squared[i] = d * d;
        }
        ColumnContributions.TopColumns columns =
                contributions == null ? null : contributions.top(squared, rows.count(), topColumns);
        ensureCapacity(count + rows.count(), positives != null || !normalLabels.isEmpty());
        for (int r = 0; r < rows.count(); r++) {
            double sum = 0;
            for (int j = r * width; j < (r + 1) * width; j++) {
                sum += squared[j];
            }
            float error = negativeElbo != null ? negativeElbo[r] : (float) (sum / width);
            int index = count + r;
            errors[index] = error;
            if (positives != null) {
                truth[index] = positives.test(chunk.truth()[r]);
            } else if (!normalLabels.isEmpty()) {
                int label = rows.labels()[r];
                String name = label < labelNames.size() ? labelNames.get(label) : String.valueOf(label);
                truth[index] = !normalLabels.contains(name) && !normalLabels.contains(String.valueOf(label));
            }
            if (isWorst(error, index)) {
                keep(new Worst(error, index, chunk.id(r), drawn ? rows.row(r) : null));
            }
            if (rows.hasIds()) {
                writeString(rows.id(r));
            }
            if (rows.hasLabels()) {
                out.writeInt(rows.labels()[r]);
            }
            for (int rank = 0; columns != null && rank < columns.k(); rank++) {
                out.writeInt(columns.column(r, rank));
                out.writeDouble(columns.share(r, rank));
            }
        }
        count += rows.count();
    }

    /** Whether a row of this error, after all rows kept so far, is among the worst {@code top}. */
    private boolean isWorst(float error, int index) {
        return top > 0
                && (worst.size() < top || WORST_FIRST.compare(new Worst(error, index, null, null), worst.peek()) < 0);
    }

    private void keep(Worst row) {
        if (worst.size() == top) {
            worst.poll();
        }
        worst.add(row);
    }

    private void ensureCapacity(int rows, boolean withTruth) {
        if (rows > errors.length) {
            int capacity = (int) Math.min(Integer.MAX_VALUE - 8, Math.max(rows, 2L * errors.length));
            errors = Arrays.copyOf(errors, capacity);
        }
        if (withTruth && (truth == null || truth.length < errors.length)) {
            truth = truth == null ? new boolean[errors.length] : Arrays.copyOf(truth, errors.length);
        }
    }

    /** How many rows were scored. */
    int count() {
        return count;
    }

    /** Each row's mean squared reconstruction error. */
    float[] errors() {
        return Arrays.copyOf(errors, count);
    }

    /** Which rows are real anomalies, or {@code null} without a truth. */
    boolean[] truth() {
        return truth == null ? null : Arrays.copyOf(truth, count);
    }

    /** The first chunk's rows (their source, shape, whether they have ids and labels), or {@code null} without rows. */
    Rows first() {
        return first;
    }

    /** The worst rows, worst first. */
    List<Worst> worst() {
        List<Worst> rows = new ArrayList<>(worst);
        rows.sort(WORST_FIRST);
        return rows;
    }

    /** Writes {@code scores.csv}: the spooled cells of each row, with its error and whether {@code scores} flags it. */
    void writeScores(Path file, List<String> labelNames, AnomalyScores scores) throws IOException {
        out.close();
        boolean ids = first != null && first.hasIds();
        boolean labels = first != null && first.hasLabels();
        int k = contributions == null
                ? 0
                : Math.min(topColumns, contributions.columnNames().size());
        List<String> names = contributions == null ? List.of() : contributions.columnNames();
        List<String> header = new ArrayList<>(List.of(ids ? "id" : "index"));
        if (labels) {
            header.add("label");
        }
        header.addAll(List.of(scoreColumn, "flagged"));
        for (int rank = 1; rank <= k; rank++) {
            header.add("top_column_" + rank);
            header.add("top_share_" + rank);
        }
        CsvWriter.write(file, csv -> {
            csv.header(header);
            List<String> cells = new ArrayList<>(header.size());
            try (DataInputStream in =
                    new DataInputStream(new BufferedInputStream(Files.newInputStream(spool), 1 << 16))) {
                for (int i = 0; i < count; i++) {
                    cells.clear();
                    cells.add(ids ? readString(in) : Integer.toString(i));
                    if (labels) {
                        int label = in.readInt();
                        cells.add(label < labelNames.size() ? labelNames.get(label) : String.valueOf(label));
                    }
                    cells.add(Float.toString(scores.errors()[i]));
                    cells.add(String.valueOf(scores.flagged(i)));
                    for (int rank = 0; rank < k; rank++) {
                        cells.add(names.get(in.readInt()));
                        cells.add(String.format(Locale.ROOT, "%.4f", in.readDouble()));
                    }
                    csv.row(cells);
                }
            }
        });
    }

    private void writeString(String s) throws IOException {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static String readString(DataInputStream in) throws IOException {
        byte[] bytes = new byte[in.readInt()];
        in.readFully(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
