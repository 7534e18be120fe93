package org.deepae.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class DetectionMetricsPropertyTest {

    /** Scores from a handful of values, so that ties are common, with a label each. */
    record Rows(double[] scores, boolean[] anomalies) {}

    @Provide
    Arbitrary<Rows> rows() {
        Arbitrary<List<Integer>> levels =
                Arbitraries.integers().between(-3, 3).list().ofMinSize(2).ofMaxSize(40);
        return levels.flatMap(list -> Combinators.combine(
                        Arbitraries.just(list),
                        Arbitraries.of(true, false).list().ofSize(list.size()))
                .as((scores, labels) -> {
                    double[] s = new double[scores.size()];
                    boolean[] a = new boolean[scores.size()];
                    for (int i = 0; i < s.length; i++) {
                        s[i] = scores.get(i) * 0.5;
                        a[i] = labels.get(i);
                    }
                    return new Rows(s, a);
                }));
    }

    private static boolean bothClasses(boolean[] anomalies) {
        boolean positive = false;
        boolean negative = false;
        for (boolean a : anomalies) {
            positive |= a;
            negative |= !a;
        }
        return positive && negative;
    }

    @Property(tries = 300)
    void aucIsTheMannWhitneyStatisticWithHalfCreditForTies(@ForAll("rows") Rows rows) {
        Assume.that(bothClasses(rows.anomalies()));
        double u = 0;
        long pairs = 0;
        for (int i = 0; i < rows.scores().length; i++) {
            for (int j = 0; j < rows.scores().length; j++) {
                if (rows.anomalies()[i] && !rows.anomalies()[j]) {
                    pairs++;
                    double difference = rows.scores()[i] - rows.scores()[j];
                    u += difference > 0 ? 1 : difference == 0 ? 0.5 : 0;
                }
            }
        }
        assertThat(DetectionMetrics.of(rows.scores(), rows.anomalies(), 0).rocAuc())
                .isCloseTo(u / pairs, within(1e-12));
    }

    @Property(tries = 300)
    void flippedScoresGiveOneMinusTheAuc(@ForAll("rows") Rows rows) {
        Assume.that(bothClasses(rows.anomalies()));
        double[] flipped = new double[rows.scores().length];
        for (int i = 0; i < flipped.length; i++) {
            flipped[i] = -rows.scores()[i];
        }
        double auc = DetectionMetrics.of(rows.scores(), rows.anomalies(), 0).rocAuc();
        assertThat(DetectionMetrics.of(flipped, rows.anomalies(), 0).rocAuc()).isCloseTo(1 - auc, within(1e-12));
    }

    @Property(tries = 300)
    void averagePrecisionIsAtMostOneAndTheCurvesEndAtFullRecall(@ForAll("rows") Rows rows) {
        Assume.that(bothClasses(rows.anomalies()));
        DetectionMetrics m = DetectionMetrics.of(rows.scores(), rows.anomalies(), 0);
        assertThat(m.averagePrecision()).isBetween(0.0, 1.0);
        DetectionMetrics.Curve roc = m.rocCurve();
        assertThat(roc.x()[roc.size() - 1]).isEqualTo(1.0);
        assertThat(roc.y()[roc.size() - 1]).isEqualTo(1.0);
        DetectionMetrics.Curve pr = m.precisionRecallCurve();
        assertThat(pr.x()[pr.size() - 1]).isEqualTo(1.0);
        assertThat(pr.y()[pr.size() - 1]).isCloseTo(m.positiveRate(), within(1e-12));
    }
}
