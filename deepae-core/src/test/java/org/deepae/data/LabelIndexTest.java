package org.deepae.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class LabelIndexTest {

    @Test
    void valuesMapToTheirNamesNumbersWhateverTheirSpellingAndNewOnesAreAppended() {
        LabelIndex index = new LabelIndex(List.of("0", "1", "cat"));
        assertThat(index.of("1")).isEqualTo(1);
        assertThat(index.of("1.0")).isEqualTo(1);
        assertThat(index.of("1e0")).isEqualTo(1);
        assertThat(index.of("cat")).isEqualTo(2);
        assertThat(index.of("dog")).isEqualTo(3);
        assertThat(index.of("dog")).isEqualTo(3);
        assertThat(index.names()).containsExactly("0", "1", "cat", "dog");
        assertThat(LabelIndex.numberForm("2.50")).isEqualTo("2.5");
        assertThat(LabelIndex.numberForm("x1")).isNull();
    }

    @Test
    void aMissingLabelNamesTheRowCountedInTheWholeFile() {
        Table table = Table.of("t.csv", List.of(new Column.Text("kind", new String[] {"a", null})));
        assertThatThrownBy(() -> new LabelIndex(List.of()).labels(table, 0, 100))
                .isInstanceOf(DataFormatException.class)
                .hasMessage("t.csv: data row 102 has no value in the label column 'kind'");
    }
}
