package org.deepae.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The default encoder for tables, as measured in docs/own-data.md. */
class TableLayersTest {

    @Test
    void theMeasuredTablesGetAHalfWidthHiddenLayerAndAQuarterWidthCode() {
        assertThat(DenseSpec.tableLayers(13)).containsExactly(7, 3); // wine
        assertThat(DenseSpec.tableLayers(30)).containsExactly(15, 8); // breast cancer
        assertThat(DenseSpec.tableLayers(64)).containsExactly(32, 16); // digits
    }

    @Test
    void theCodeIsAlwaysSmallerThanTheInputAndAtLeastOne() {
        for (int width = 2; width <= 2_000; width++) {
            List<Integer> layers = DenseSpec.tableLayers(width);
            int code = layers.get(layers.size() - 1);
            assertThat(code).as("code of width %d", width).isBetween(1, width - 1);
            for (int i = 0; i + 1 < layers.size(); i++) {
                assertThat(layers.get(i))
                        .as("layers of width %d", width)
                        .isLessThan(width)
                        .isGreaterThan(layers.get(i + 1));
            }
        }
    }

    @Test
    void narrowTablesGetJustTheCode() {
        assertThat(DenseSpec.tableLayers(2)).containsExactly(1);
        assertThat(DenseSpec.tableLayers(3)).containsExactly(2, 1);
        assertThat(DenseSpec.tableLayers(4)).containsExactly(2, 1);
    }

    @Test
    void aSingleValueCannotBeCompressed() {
        assertThatThrownBy(() -> DenseSpec.tableLayers(1)).hasMessageContaining("got 1");
    }
}
