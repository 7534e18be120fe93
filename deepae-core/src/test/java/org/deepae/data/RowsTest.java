package org.deepae.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RowsTest {
    private static Rows labelledImages() {
        float[] values = new float[3 * 4];
        for (int i = 0; i < values.length; i++) {
            values[i] = i;
        }
        return new Rows(values, 3, 4, new int[] {7, 8, 9}, 2, 2, "t");
    }

    @Test
    void rejectsValuesThatDoNotFillTheRows() {
        assertThatThrownBy(() -> new Rows(new float[5], 2, 3, null, "t"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("expected 6 values");
    }

    @Test
    void rejectsWrongLabelCountAndImageSize() {
        assertThatThrownBy(() -> new Rows(new float[6], 2, 3, new int[1], "t"))
                .hasMessageContaining("expected 2 labels, got 1");
        assertThatThrownBy(() -> new Rows(new float[6], 1, 6, null, 2, 2, "t"))
                .hasMessageContaining("images of 2x2 need rows of 4 values, got 6");
        assertThatThrownBy(() -> new Rows(new float[6], 1, 6, null, 6, 0, "t"))
                .hasMessageContaining("both positive or both 0");
    }

    @Test
    void selectKeepsLabelsAndShapeInTheGivenOrder() {
        Rows picked = labelledImages().select(new int[] {2, 0, 2});
        assertThat(picked.count()).isEqualTo(3);
        assertThat(picked.labels()).containsExactly(9, 7, 9);
        assertThat(picked.row(0)).containsExactly(8, 9, 10, 11);
        assertThat(picked.row(1)).containsExactly(0, 1, 2, 3);
        assertThat(picked.isImages()).isTrue();
        assertThat(picked.imageHeight()).isEqualTo(2);
    }

    @Test
    void selectNamesAnIndexOutOfRangeAndTheCount() {
        assertThatThrownBy(() -> labelledImages().select(new int[] {0, 3}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("row index 3 is out of range for 3 rows");
        assertThatThrownBy(() -> labelledImages().row(-1)).hasMessageContaining("row index -1");
    }

    @Test
    void headTakesAtMostTheRowsThereAre() {
        assertThat(labelledImages().head(2).labels()).containsExactly(7, 8);
        assertThat(labelledImages().head(10).count()).isEqualTo(3);
        assertThat(labelledImages().head(0).count()).isZero();
    }

    @Test
    void convertsToAndFromImageSets() {
        Rows rows = labelledImages();
        ImageSet set = rows.toImageSet();
        assertThat(set.height()).isEqualTo(2);
        assertThat(Rows.of(set, "t")).isEqualTo(rows);
        assertThatThrownBy(() -> new Rows(new float[2], 1, 2, null, "plain").toImageSet())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("plain");
    }

    @Test
    void convertsToAndFromArrays() {
        Rows rows = Rows.of(new float[][] {{1, 2}, {3, 4}, {5, 6}}, "a");
        assertThat(rows.width()).isEqualTo(2);
        assertThat(rows.hasLabels()).isFalse();
        assertThat(rows.toArray()).isDeepEqualTo(new float[][] {{1, 2}, {3, 4}, {5, 6}});
    }

    @Test
    void rejectsRaggedArraysNamingTheRow() {
        assertThatThrownBy(() -> Rows.of(new float[][] {{1, 2}, {3, 4}, {5}}, "a"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("row 2 has 1 values, expected 2 like row 0");
        assertThatThrownBy(() -> Rows.of(new float[0][], "a")).isInstanceOf(IllegalArgumentException.class);
    }
}
