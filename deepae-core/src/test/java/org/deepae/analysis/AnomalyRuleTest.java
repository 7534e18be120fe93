package org.deepae.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class AnomalyRuleTest {

    private static final float[] ERRORS = {1, 2, 3, 4, 10};

    @Test
    void sigmaRuleIsMeanPlusPopulationStandardDeviations() {
        // mean 4, squared deviations 9 + 4 + 1 + 0 + 36 = 50, variance 10
        Threshold t = new AnomalyRule.Sigma(2).apply(ERRORS);
        assertThat(t.value()).isCloseTo(4 + 2 * Math.sqrt(10), Offset.offset(1e-9));
        assertThat(t.rule()).isEqualTo("mean + 2 sigma");
        assertThat(new AnomalyRule.Sigma(1.5).apply(ERRORS).rule()).isEqualTo("mean + 1.5 sigma");
    }

    @Test
    void percentileRuleInterpolatesLikeNumpy() {
        // numpy.percentile([1, 2, 3, 4, 10], 90) = 4 + 0.6 * (10 - 4) = 7.6
        assertThat(new AnomalyRule.Percentile(90).apply(ERRORS).value()).isCloseTo(7.6, Offset.offset(1e-6));
        assertThat(new AnomalyRule.Percentile(50).apply(new float[] {5, 1, 3}).value())
                .isEqualTo(3);
        assertThat(new AnomalyRule.Percentile(100).apply(ERRORS).value()).isEqualTo(10);
        assertThat(new AnomalyRule.Percentile(0).apply(ERRORS).value()).isEqualTo(1);
        assertThat(new AnomalyRule.Percentile(99).apply(ERRORS).rule()).isEqualTo("99th percentile");
    }

    @Test
    void rejectsBadRulesAndEmptyReferences() {
        assertThatThrownBy(() -> new AnomalyRule.Sigma(-1)).hasMessageContaining("got -1.0");
        assertThatThrownBy(() -> new AnomalyRule.Percentile(101)).hasMessageContaining("[0, 100], got 101.0");
        assertThatThrownBy(() -> new AnomalyRule.Sigma(3).apply(new float[0])).hasMessageContaining("no reference");
    }

    @Test
    void scoresFlagRowsAboveTheThresholdAndOrderTheWorst() {
        AnomalyScores scores = new AnomalyScores(new float[] {0.5f, 3f, 0.1f, 3f, 9f}, new Threshold(2.5, "fixed"));
        assertThat(scores.flaggedCount()).isEqualTo(3);
        assertThat(scores.flagged(0)).isFalse();
        assertThat(scores.flagged(4)).isTrue();
        assertThat(scores.worst(4)).containsExactly(4, 1, 3, 0);
        assertThat(scores.worst(10)).containsExactly(4, 1, 3, 0, 2);
        assertThat(new Threshold(2.5, "x").flags(2.5)).isFalse();
    }
}
