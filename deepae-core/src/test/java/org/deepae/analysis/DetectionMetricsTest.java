package org.deepae.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/**
 * Expected values come from scikit-learn 1.2.1 (NumPy 1.24.2): {@code roc_auc_score}, {@code average_precision_score},
 * {@code precision_recall_fscore_support(y, scores > threshold, average="binary", zero_division=0)},
 * {@code roc_curve(drop_intermediate=False)} and {@code precision_recall_curve}. The 1,000-row vectors are made by
 * {@link #tiedScores} and {@link #continuousScores} from a {@link Random} seed; the script that computed the
 * references ported {@code java.util.Random} (its 48-bit LCG, {@code nextInt(bound)} and {@code nextDouble}) to
 * Python to make the same vectors, and its first values are checked below. scikit-learn's first ROC threshold is the
 * largest score plus 1; ours is +Infinity.
 */
class DetectionMetricsTest {

    private static final Offset<Double> EXACT = within(1e-12);

    private static boolean[] labels(int... ones) {
        boolean[] labels = new boolean[ones.length];
        for (int i = 0; i < ones.length; i++) {
            labels[i] = ones[i] == 1;
        }
        return labels;
    }

    /** Row i: anomaly when {@code nextInt(10) == 0}, score {@code (nextInt(100) + (anomaly ? 30 : 0)) * 0.125}. */
    static Scored tiedScores(long seed, int rows) {
        Random random = new Random(seed);
        double[] scores = new double[rows];
        boolean[] anomalies = new boolean[rows];
        for (int i = 0; i < rows; i++) {
            anomalies[i] = random.nextInt(10) == 0;
            scores[i] = (random.nextInt(100) + (anomalies[i] ? 30 : 0)) * 0.125;
        }
        return new Scored(scores, anomalies);
    }

    /** Row i: anomaly when {@code nextInt(20) == 0}, score {@code nextDouble() + (anomaly ? 0.5 : 0)}. */
    static Scored continuousScores(long seed, int rows) {
        Random random = new Random(seed);
        double[] scores = new double[rows];
        boolean[] anomalies = new boolean[rows];
        for (int i = 0; i < rows; i++) {
            anomalies[i] = random.nextInt(20) == 0;
            scores[i] = random.nextDouble() + (anomalies[i] ? 0.5 : 0);
        }
        return new Scored(scores, anomalies);
    }

    record Scored(double[] scores, boolean[] anomalies) {
        int positives() {
            int count = 0;
            for (boolean a : anomalies) {
                count += a ? 1 : 0;
            }
            return count;
        }
    }

    @Test
    void matchesScikitLearnOnItsDocumentationExample() {
        DetectionMetrics m = DetectionMetrics.of(new double[] {0.1, 0.4, 0.35, 0.8}, labels(0, 0, 1, 1), 0.35);
        assertThat(m.rocAuc()).isCloseTo(0.75, EXACT);
        assertThat(m.averagePrecision()).isCloseTo(0.8333333333333333, EXACT);
        // 0.35 itself is not above the threshold: only 0.4 and 0.8 are flagged.
        assertThat(m.truePositives()).isEqualTo(1);
        assertThat(m.falsePositives()).isEqualTo(1);
        assertThat(m.precision()).isCloseTo(0.5, EXACT);
        assertThat(m.recall()).isCloseTo(0.5, EXACT);
        assertThat(m.f1()).isCloseTo(0.5, EXACT);
        assertThat(m.rocCurve().x()).containsExactly(0.0, 0.0, 0.5, 0.5, 1.0);
        assertThat(m.rocCurve().y()).containsExactly(0.0, 0.5, 0.5, 1.0, 1.0);
        assertThat(m.rocCurve().thresholds()).containsExactly(Double.POSITIVE_INFINITY, 0.8, 0.4, 0.35, 0.1);
        // precision_recall_curve's arrays reversed: from recall 0 at the highest threshold.
        assertThat(m.precisionRecallCurve().x()).containsExactly(0.0, 0.5, 0.5, 1.0, 1.0);
        assertThat(m.precisionRecallCurve().y())
                .containsExactly(new double[] {1.0, 1.0, 0.5, 0.6666666666666666, 0.5}, EXACT);
    }

    @Test
    void tiedScoresFormOneThresholdAsInScikitLearn() {
        double[] scores = {0.5, 0.5, 0.2, 0.9, 0.5, 0.1, 0.9, 0.3};
        DetectionMetrics m = DetectionMetrics.of(scores, labels(0, 1, 0, 1, 1, 0, 0, 1), 0.5);
        assertThat(m.rocAuc()).isCloseTo(0.65625, EXACT);
        assertThat(m.averagePrecision()).isCloseTo(0.5916666666666667, EXACT);
        assertThat(m.precision()).isCloseTo(0.5, EXACT);
        assertThat(m.recall()).isCloseTo(0.25, EXACT);
        assertThat(m.f1()).isCloseTo(0.3333333333333333, EXACT);
        assertThat(m.rocCurve().x()).containsExactly(0.0, 0.25, 0.5, 0.5, 0.75, 1.0);
        assertThat(m.rocCurve().y()).containsExactly(0.0, 0.25, 0.75, 1.0, 1.0, 1.0);
        assertThat(m.precisionRecallCurve().x()).containsExactly(0.0, 0.25, 0.75, 1.0, 1.0, 1.0);
        assertThat(m.precisionRecallCurve().y())
                .containsExactly(new double[] {1.0, 0.5, 0.6, 0.6666666666666666, 0.5714285714285714, 0.5}, EXACT);
    }

    @Test
    void allEqualScoresGiveChanceAucAndThePositiveRateAsAveragePrecision() {
        double[] scores = {2, 2, 2, 2, 2};
        DetectionMetrics below = DetectionMetrics.of(scores, labels(0, 1, 0, 0, 1), 1.0);
        assertThat(below.rocAuc()).isCloseTo(0.5, EXACT);
        assertThat(below.averagePrecision()).isCloseTo(0.4, EXACT);
        assertThat(below.precision()).isCloseTo(0.4, EXACT);
        assertThat(below.recall()).isCloseTo(1.0, EXACT);
        assertThat(below.f1()).isCloseTo(0.5714285714285715, EXACT);
        assertThat(below.rocCurve().x()).containsExactly(0.0, 1.0);
        assertThat(below.rocCurve().y()).containsExactly(0.0, 1.0);
        assertThat(below.precisionRecallCurve().x()).containsExactly(0.0, 1.0);
        assertThat(below.precisionRecallCurve().y()).containsExactly(1.0, 0.4);

        DetectionMetrics at = DetectionMetrics.of(scores, labels(0, 1, 0, 0, 1), 2.0);
        assertThat(at.truePositives() + at.falsePositives()).isZero();
        assertThat(at.precision()).isZero();
        assertThat(at.recall()).isZero();
        assertThat(at.f1()).isZero();
    }

    @Test
    void negativeZeroTiesWithZero() {
        DetectionMetrics m = DetectionMetrics.of(new double[] {-0.0, 0.0, 1.0, -1.0}, labels(1, 0, 1, 0), 0.0);
        assertThat(m.rocAuc()).isCloseTo(0.875, EXACT);
        assertThat(m.averagePrecision()).isCloseTo(0.8333333333333333, EXACT);
        assertThat(m.f1()).isCloseTo(0.6666666666666666, EXACT);
        assertThat(m.rocCurve().x()).containsExactly(0.0, 0.0, 0.5, 1.0);
        assertThat(m.rocCurve().y()).containsExactly(0.0, 0.5, 1.0, 1.0);
    }

    @Test
    void theReferenceVectorsAreTheOnesScikitLearnScored() {
        Scored tied = tiedScores(42, 1000);
        assertThat(tied.scores()).startsWith(11.625, 10.5, 6.875, 2.25, 11.625);
        assertThat(tied.anomalies()).startsWith(labels(1, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 1, 0, 1, 1, 0, 0, 0));
        assertThat(tied.positives()).isEqualTo(101);
        Scored continuous = continuousScores(7, 1000);
        assertThat(continuous.scores()).startsWith(0.6385376565034628, 0.34830970303125697, 0.7425885008003883);
        assertThat(continuous.positives()).isEqualTo(46);
    }

    @Test
    void matchesScikitLearnOnAThousandTiedScores() {
        Scored tied = tiedScores(42, 1000);
        DetectionMetrics m = DetectionMetrics.of(tied.scores(), tied.anomalies(), 10.0);
        assertThat(m.rocAuc()).isCloseTo(0.7494410731395721, EXACT);
        assertThat(m.averagePrecision()).isCloseTo(0.43519342619372103, EXACT);
        assertThat(m.precision()).isCloseTo(0.21333333333333335, EXACT);
        assertThat(m.recall()).isCloseTo(0.4752475247524752, EXACT);
        assertThat(m.f1()).isCloseTo(0.294478527607362, EXACT);
        assertThat(m.truePositives()).isEqualTo(48);
        assertThat(m.falsePositives()).isEqualTo(177);
        assertThat(m.positives()).isEqualTo(101);
        assertThat(m.negatives()).isEqualTo(899);
        assertThat(m.trueNegatives()).isEqualTo(899 - 177);
        assertThat(m.falseNegatives()).isEqualTo(101 - 48);
    }

    @Test
    void matchesScikitLearnOnAThousandContinuousScores() {
        Scored continuous = continuousScores(7, 1000);
        DetectionMetrics m = DetectionMetrics.of(continuous.scores(), continuous.anomalies(), 0.9);
        assertThat(m.rocAuc()).isCloseTo(0.8991204083492845, EXACT);
        assertThat(m.averagePrecision()).isCloseTo(0.69124983009586, EXACT);
        assertThat(m.precision()).isCloseTo(0.2672413793103448, EXACT);
        assertThat(m.recall()).isCloseTo(0.6739130434782609, EXACT);
        assertThat(m.f1()).isCloseTo(0.38271604938271603, EXACT);
        assertThat(m.truePositives()).isEqualTo(31);
        assertThat(m.falsePositives()).isEqualTo(85);
        // 1,000 distinct scores: 1,001 points, just above what a curve keeps.
        assertThat(m.rocCurve().size()).isLessThanOrEqualTo(DetectionMetrics.CURVE_POINTS);
    }

    @Test
    void floatScoresAndAnomalyScoresGiveTheSameMetrics() {
        float[] errors = {0.1f, 0.4f, 0.35f, 0.8f};
        DetectionMetrics fromFloats = DetectionMetrics.of(errors, labels(0, 0, 1, 1), 0.35f);
        DetectionMetrics fromScores =
                DetectionMetrics.of(new AnomalyScores(errors, new Threshold(0.35f, "test")), labels(0, 0, 1, 1));
        assertThat(fromFloats.rocAuc()).isCloseTo(0.75, EXACT);
        assertThat(fromFloats.toMap()).isEqualTo(fromScores.toMap());
        assertThat(fromFloats.truePositives()).isEqualTo(1);
    }

    @Test
    void mapsTheMetricsToTheirJsonNames() {
        DetectionMetrics m = DetectionMetrics.of(new double[] {0.1, 0.4, 0.35, 0.8}, labels(0, 0, 1, 1), 0.35);
        assertThat(m.toMap())
                .containsKeys(
                        "roc_auc",
                        "average_precision",
                        "precision",
                        "recall",
                        "f1",
                        "threshold",
                        "positives",
                        "negatives",
                        "true_positives",
                        "false_positives");
        assertThat(m.toMap().keySet()).startsWith("roc_auc", "average_precision");
        assertThat(m.toMap())
                .containsEntry("roc_auc", 0.75)
                .containsEntry("positives", 2L)
                .containsEntry("true_positives", 1L)
                .containsEntry("threshold", 0.35);
    }

    @Test
    void refusesLabelsOfOneClassOnly() {
        assertThatThrownBy(() -> DetectionMetrics.of(new double[] {1, 2}, labels(0, 0), 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("0 anomalies");
        assertThatThrownBy(() -> DetectionMetrics.of(new double[] {1, 2}, labels(1, 1), 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("0 normal rows");
        assertThatThrownBy(() -> DetectionMetrics.of(new double[0], new boolean[0], 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesMismatchedLengthsAndNonFiniteValues() {
        assertThatThrownBy(() -> DetectionMetrics.of(new double[] {1, 2, 3}, labels(0, 1), 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("got 3 scores for 2 labels");
        assertThatThrownBy(() -> DetectionMetrics.of(new double[] {1, Double.NaN}, labels(0, 1), 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("score 1 is not finite: NaN");
        assertThatThrownBy(() -> DetectionMetrics.of(new float[] {Float.POSITIVE_INFINITY, 1}, labels(0, 1), 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("score 0 is not finite: Infinity");
        assertThatThrownBy(() -> DetectionMetrics.of(new double[] {1, 2}, labels(0, 1), Double.NaN))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("threshold");
    }

    @Test
    void twoMillionRowsGiveThinnedCurvesFromEnd() {
        int rows = 2_000_000;
        Random random = new Random(3);
        float[] scores = new float[rows];
        boolean[] anomalies = new boolean[rows];
        for (int i = 0; i < rows; i++) {
            anomalies[i] = random.nextInt(100) == 0;
            scores[i] = (float) (random.nextGaussian() + (anomalies[i] ? 2 : 0));
        }
        DetectionMetrics m = DetectionMetrics.of(scores, anomalies, 2.0);
        // Two unit normals 2 apart: AUC = Phi(2 / sqrt 2) = 0.9214.
        assertThat(m.rocAuc()).isCloseTo(0.9214, within(0.005));
        for (DetectionMetrics.Curve curve : new DetectionMetrics.Curve[] {m.rocCurve(), m.precisionRecallCurve()}) {
            assertThat(curve.size()).isBetween(100, DetectionMetrics.CURVE_POINTS);
            assertThat(curve.x()[curve.size() - 1]).isEqualTo(1.0);
        }
        assertThat(m.rocCurve().x()[0]).isZero();
        assertThat(m.rocCurve().y()[m.rocCurve().size() - 1]).isEqualTo(1.0);
        assertThat(m.precisionRecallCurve().y()[m.precisionRecallCurve().size() - 1])
                .isCloseTo(m.positiveRate(), EXACT);
    }

    @Test
    void thinningKeepsTheEndsAndStaysWithinOnePieceOfTheCurve() {
        int count = 100_000;
        double[] x = new double[count];
        double[] y = new double[count];
        double[] thresholds = new double[count];
        for (int i = 0; i < count; i++) {
            x[i] = (double) i / (count - 1);
            y[i] = Math.sqrt(x[i]);
            thresholds[i] = count - i;
        }
        DetectionMetrics.Curve thin = DetectionMetrics.thinned(x, y, thresholds);
        assertThat(thin.size()).isLessThanOrEqualTo(DetectionMetrics.CURVE_POINTS);
        assertThat(thin.x()[0]).isZero();
        assertThat(thin.x()[thin.size() - 1]).isEqualTo(1.0);
        assertThat(thin.thresholds()[0]).isEqualTo(count);
        // Every point of the full curve is within one piece (2 / CURVE_POINTS of the path's length, here 2) of the line
        // between its kept neighbours.
        double[] tx = thin.x();
        double[] ty = thin.y();
        int segment = 0;
        for (int i = 0; i < count; i++) {
            while (tx[segment + 1] < x[i]) {
                segment++;
            }
            double t = (x[i] - tx[segment]) / Math.max(tx[segment + 1] - tx[segment], 1e-300);
            double line = ty[segment] + t * (ty[segment + 1] - ty[segment]);
            assertThat(Math.abs(line - y[i])).isLessThanOrEqualTo(4.0 / DetectionMetrics.CURVE_POINTS);
        }
    }
}
