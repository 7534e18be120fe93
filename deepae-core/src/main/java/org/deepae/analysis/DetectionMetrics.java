package org.deepae.analysis;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * How well per-row anomaly scores find the known anomalies, computed as scikit-learn does: ROC AUC
 * ({@code roc_auc_score}), average precision ({@code average_precision_score}, step-wise), and precision, recall and
 * F1 of the rows flagged by a threshold ({@code precision_recall_fscore_support}). Rows are flagged when their score
 * is above the threshold, as {@link Threshold#flags} does. Tied scores form one threshold, so a tie gives half
 * credit (the area under the ROC curve is the Mann-Whitney U statistic over positives times negatives).
 *
 * <p>The curves are kept with at most about {@value #CURVE_POINTS} points, enough to draw them; the metrics come from
 * every threshold. Building takes O(n log n) time for n rows.
 */
public final class DetectionMetrics {

    /** The most points a curve keeps, about: more are thinned out for drawing. */
    public static final int CURVE_POINTS = 1000;

    private final double threshold;
    private final long positives;
    private final long negatives;
    private final long truePositives;
    private final long falsePositives;
    private final double rocAuc;
    private final double averagePrecision;
    private final Curve rocCurve;
    private final Curve precisionRecallCurve;

    /**
     * A curve through points {@code (x[i], y[i])}, from the highest threshold to the lowest.
     *
     * @param x the points' x values
     * @param y the points' y values
     * @param thresholds the score threshold of each point: rows scoring at or above it count as flagged at that
     *     point; {@code +Infinity} for the point where no row is flagged
     */
    public record Curve(double[] x, double[] y, double[] thresholds) {
        public Curve {
            if (x.length != y.length || x.length != thresholds.length) {
                throw new IllegalArgumentException("a curve needs as many y values and thresholds as x values, got "
                        + x.length + ", " + y.length + " and " + thresholds.length);
            }
            x = x.clone();
            y = y.clone();
            thresholds = thresholds.clone();
        }

        @Override
        public double[] x() {
            return x.clone();
        }

        @Override
        public double[] y() {
            return y.clone();
        }

        @Override
        public double[] thresholds() {
            return thresholds.clone();
        }

        /** The number of points. */
        public int size() {
            return x.length;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Curve other
                    && Arrays.equals(x, other.x)
                    && Arrays.equals(y, other.y)
                    && Arrays.equals(thresholds, other.thresholds);
        }

        @Override
        public int hashCode() {
            return Objects.hash(Arrays.hashCode(x), Arrays.hashCode(y), Arrays.hashCode(thresholds));
        }

        @Override
        public String toString() {
            return "Curve[" + x.length + " points]";
        }
    }

    private DetectionMetrics(double[] scores, boolean[] anomalies, double threshold) {
        Objects.requireNonNull(scores, "scores");
        Objects.requireNonNull(anomalies, "anomalies");
        if (scores.length != anomalies.length) {
            throw new IllegalArgumentException("got " + scores.length + " scores for " + anomalies.length + " labels");
        }
        if (!Double.isFinite(threshold)) {
            throw new IllegalArgumentException("the threshold must be finite, got " + threshold);
        }
        this.threshold = threshold;
        int positiveCount = 0;
        for (int i = 0; i < scores.length; i++) {
            if (!Double.isFinite(scores[i])) {
                throw new IllegalArgumentException("score " + i + " is not finite: " + scores[i]);
            }
            if (anomalies[i]) {
                positiveCount++;
            }
        }
        positives = positiveCount;
        negatives = (long) scores.length - positiveCount;
        if (positives == 0 || negatives == 0) {
            throw new IllegalArgumentException("detection metrics need both anomalies and normal rows, got " + positives
                    + " anomalies and " + negatives + " normal rows");
        }
        // Scores of each class, sorted: walking both from the top visits the thresholds in decreasing order.
        // Adding 0.0 turns -0.0 into 0.0, which Arrays.sort would otherwise order below it.
        double[] positive = new double[positiveCount];
        double[] negative = new double[scores.length - positiveCount];
        int p = 0;
        int n = 0;
        long flaggedPositives = 0;
        long flaggedNegatives = 0;
        for (int i = 0; i < scores.length; i++) {
            double score = scores[i] + 0.0;
            boolean flagged = score > threshold;
            if (anomalies[i]) {
                positive[p++] = score;
                flaggedPositives += flagged ? 1 : 0;
            } else {
                negative[n++] = score;
                flaggedNegatives += flagged ? 1 : 0;
            }
        }
        truePositives = flaggedPositives;
        falsePositives = flaggedNegatives;
        Arrays.sort(positive);
        Arrays.sort(negative);
        Thresholds walk = new Thresholds(positive, negative);
        rocAuc = walk.rocAuc;
        averagePrecision = walk.averagePrecision;
        rocCurve = walk.rocCurve;
        precisionRecallCurve = walk.precisionRecallCurve;
    }

    /**
     * The metrics of {@code scores} (higher is more anomalous) against {@code anomalies} (true for a real anomaly),
     * with rows scoring above {@code threshold} flagged.
     *
     * @throws IllegalArgumentException when the lengths differ, a score or the threshold is not finite, or there are
     *     no anomalies or no normal rows
     */
    public static DetectionMetrics of(double[] scores, boolean[] anomalies, double threshold) {
        return new DetectionMetrics(scores, anomalies, threshold);
    }

    /** The metrics of {@code float} scores; see {@link #of(double[], boolean[], double)}. */
    public static DetectionMetrics of(float[] scores, boolean[] anomalies, double threshold) {
        Objects.requireNonNull(scores, "scores");
        double[] widened = new double[scores.length];
        for (int i = 0; i < scores.length; i++) {
            widened[i] = scores[i];
        }
        return new DetectionMetrics(widened, anomalies, threshold);
    }

    /** The metrics of reconstruction errors and their threshold against {@code anomalies}. */
    public static DetectionMetrics of(AnomalyScores scores, boolean[] anomalies) {
        Objects.requireNonNull(scores, "scores");
        return of(scores.errors(), anomalies, scores.threshold().value());
    }

    /** The area under the ROC curve, as scikit-learn's {@code roc_auc_score}. */
    public double rocAuc() {
        return rocAuc;
    }

    /** The average precision, as scikit-learn's {@code average_precision_score}: a step-wise sum, no interpolation. */
    public double averagePrecision() {
        return averagePrecision;
    }

    /** The threshold above which rows are flagged. */
    public double threshold() {
        return threshold;
    }

    /** The share of flagged rows that are anomalies; 0 when no row is flagged (scikit-learn's zero-division value). */
    public double precision() {
        long flagged = truePositives + falsePositives;
        return flagged == 0 ? 0 : (double) truePositives / flagged;
    }

    /** The share of anomalies that are flagged. */
    public double recall() {
        return (double) truePositives / positives;
    }

    /** The harmonic mean of precision and recall; 0 when both are 0. */
    public double f1() {
        long sum = 2 * truePositives + falsePositives + falseNegatives();
        return truePositives == 0 ? 0 : 2.0 * truePositives / sum;
    }

    /** The number of anomalies. */
    public long positives() {
        return positives;
    }

    /** The number of normal rows. */
    public long negatives() {
        return negatives;
    }

    /** The share of rows that are anomalies: the precision of flagging at random, the baseline of the PR curve. */
    public double positiveRate() {
        return (double) positives / (positives + negatives);
    }

    /** The number of anomalies flagged. */
    public long truePositives() {
        return truePositives;
    }

    /** The number of normal rows flagged. */
    public long falsePositives() {
        return falsePositives;
    }

    /** The number of normal rows not flagged. */
    public long trueNegatives() {
        return negatives - falsePositives;
    }

    /** The number of anomalies not flagged. */
    public long falseNegatives() {
        return positives - truePositives;
    }

    /**
     * The ROC curve: x the false positive rate, y the true positive rate, from (0, 0) to (1, 1), one point per distinct
     * score (as scikit-learn's {@code roc_curve} without {@code drop_intermediate}), thinned beyond
     * {@value #CURVE_POINTS} points.
     */
    public Curve rocCurve() {
        return rocCurve;
    }

    /**
     * The precision-recall curve: x the recall, y the precision, from (0, 1) at the highest threshold to the lowest
     * threshold (scikit-learn's {@code precision_recall_curve}, in reverse order), thinned beyond {@value
     * #CURVE_POINTS}
     * points. The average precision is the area under its steps: precision {@code y[i]} from {@code x[i - 1]} to
     * {@code x[i]}.
     */
    public Curve precisionRecallCurve() {
        return precisionRecallCurve;
    }

    /** The metrics by their JSON names, in a fixed order, for a {@code --json} result or a report. */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("roc_auc", rocAuc);
        map.put("average_precision", averagePrecision);
        map.put("precision", precision());
        map.put("recall", recall());
        map.put("f1", f1());
        map.put("threshold", threshold);
        map.put("positives", positives);
        map.put("negatives", negatives);
        map.put("true_positives", truePositives);
        map.put("false_positives", falsePositives);
        map.put("true_negatives", trueNegatives());
        map.put("false_negatives", falseNegatives());
        return map;
    }

    @Override
    public String toString() {
        return "DetectionMetrics" + toMap();
    }

    /** One walk over the distinct scores, from the highest: the areas, and the curves' points. */
    private static final class Thresholds {
        final double rocAuc;
        final double averagePrecision;
        final Curve rocCurve;
        final Curve precisionRecallCurve;

        Thresholds(double[] positive, double[] negative) {
            long positives = positive.length;
            long negatives = negative.length;
            int capacity = positive.length + negative.length + 1;
            // Cumulative counts of rows scoring at or above each distinct score; index 0 is the point flagging none.
            int[] tps = new int[capacity];
            int[] fps = new int[capacity];
            double[] cuts = new double[capacity];
            cuts[0] = Double.POSITIVE_INFINITY;
            int points = 1;
            int p = positive.length - 1;
            int n = negative.length - 1;
            // Twice the Mann-Whitney U: sum of (fp step) * (tp before + tp after), exact in a long up to 2 P N.
            long doubleU = 0;
            double precisionSum = 0;
            while (p >= 0 || n >= 0) {
                double cut = Math.max(
                        p >= 0 ? positive[p] : Double.NEGATIVE_INFINITY,
                        n >= 0 ? negative[n] : Double.NEGATIVE_INFINITY);
                int tp = tps[points - 1];
                int fp = fps[points - 1];
                while (p >= 0 && positive[p] == cut) {
                    tp++;
                    p--;
                }
                while (n >= 0 && negative[n] == cut) {
                    fp++;
                    n--;
                }
                doubleU += (long) (fp - fps[points - 1]) * ((long) tp + tps[points - 1]);
                precisionSum += (double) (tp - tps[points - 1]) / positives * ((double) tp / ((long) tp + fp));
                tps[points] = tp;
                fps[points] = fp;
                cuts[points] = cut;
                points++;
            }
            rocAuc = doubleU / (2.0 * positives * negatives);
            averagePrecision = precisionSum;

            double[] fpr = new double[points];
            double[] tpr = new double[points];
            double[] precision = new double[points];
            for (int i = 0; i < points; i++) {
                fpr[i] = (double) fps[i] / negatives;
                tpr[i] = (double) tps[i] / positives;
                precision[i] = i == 0 ? 1 : (double) tps[i] / ((long) tps[i] + fps[i]);
            }
            double[] thresholds = Arrays.copyOf(cuts, points);
            rocCurve = thinned(fpr, tpr, thresholds);
            precisionRecallCurve = thinned(tpr, precision, thresholds);
        }
    }

    /**
     * The curve through {@code (x, y)}, at most about {@link #CURVE_POINTS} of them: the path's length (in x plus y)
     * is cut into {@code CURVE_POINTS / 2} equal pieces, and of the points in each piece the first and the last are
     * kept. No point of the full curve lies further than one piece from the thinned one, and its ends are kept.
     */
    static Curve thinned(double[] x, double[] y, double[] thresholds) {
        int count = x.length;
        if (count <= CURVE_POINTS) {
            return new Curve(x, y, thresholds);
        }
        double[] along = new double[count];
        for (int i = 1; i < count; i++) {
            along[i] = along[i - 1] + Math.abs(x[i] - x[i - 1]) + Math.abs(y[i] - y[i - 1]);
        }
        double pieces = CURVE_POINTS / 2.0;
        double length = along[count - 1];
        int[] kept = new int[count];
        int size = 0;
        for (int i = 0; i < count; i++) {
            boolean first = i == 0 || piece(along[i - 1], length, pieces) != piece(along[i], length, pieces);
            boolean last = i == count - 1 || piece(along[i + 1], length, pieces) != piece(along[i], length, pieces);
            if (first || last) {
                kept[size++] = i;
            }
        }
        double[] keptX = new double[size];
        double[] keptY = new double[size];
        double[] keptThresholds = new double[size];
        for (int k = 0; k < size; k++) {
            keptX[k] = x[kept[k]];
            keptY[k] = y[kept[k]];
            keptThresholds[k] = thresholds[kept[k]];
        }
        return new Curve(keptX, keptY, keptThresholds);
    }

    private static long piece(double position, double length, double pieces) {
        return length == 0 ? 0 : (long) Math.min(Math.floor(position / length * pieces), pieces - 1);
    }
}
