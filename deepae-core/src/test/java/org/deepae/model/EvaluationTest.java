package org.deepae.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class EvaluationTest {

    @Test
    void aggregatesRowErrorsOverallAndPerClass() {
        Evaluation e = Evaluation.of(new float[] {0.1f, 0.3f, 0.2f, 0.4f}, new int[] {7, 2, 7, 7});
        assertThat(e.rows()).isEqualTo(4);
        assertThat(e.meanSquaredError()).isCloseTo(0.25, Offset.offset(1e-7));
        assertThat(e.psnr()).isCloseTo(6.0206, Offset.offset(1e-4)); // 10 log10(1 / 0.25)
        assertThat(e.perClass().keySet()).containsExactly(2, 7);
        assertThat(e.perClass().get(2).rows()).isEqualTo(1);
        assertThat(e.perClass().get(2).meanSquaredError()).isCloseTo(0.3, Offset.offset(1e-7));
        assertThat(e.perClass().get(7).rows()).isEqualTo(3);
        assertThat(e.perClass().get(7).meanSquaredError()).isCloseTo(0.7 / 3, Offset.offset(1e-7));
    }

    @Test
    void withoutLabelsThereIsNoPerClassError() {
        Evaluation e = Evaluation.of(new float[] {0.01f}, null);
        assertThat(e.perClass()).isEmpty();
        assertThat(e.psnr()).isCloseTo(20, Offset.offset(1e-5));
        assertThatThrownBy(() -> Evaluation.of(new float[2], new int[3])).hasMessageContaining("2 labels, got 3");
    }
}
