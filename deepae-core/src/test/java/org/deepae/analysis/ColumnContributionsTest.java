package org.deepae.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.deepae.analysis.ColumnContributions.Share;
import org.junit.jupiter.api.Test;

class ColumnContributionsTest {

    /** Columns age (one feature), colour (three one-hot features) and income (one feature). */
    private static final ColumnContributions MIXED =
            new ColumnContributions(new int[] {0, 1, 1, 1, 2}, List.of("age", "colour", "income"));

    @Test
    void sumsTheOneHotFeaturesOfACategoricalColumn() {
        // Total 10: age 1, colour 2 + 3 + 1 = 6, income 3.
        List<Share> top = MIXED.top(new float[] {1, 2, 3, 1, 3}, 3);
        assertThat(top)
                .containsExactly(new Share(1, "colour", 0.6), new Share(2, "income", 0.3), new Share(0, "age", 0.1));
    }

    @Test
    void keepsTheTopKAndBreaksTiesByColumnOrder() {
        List<Share> top = MIXED.top(new float[] {2, 0, 0, 0, 2}, 2);
        assertThat(top).extracting(Share::name).containsExactly("age", "income");
        assertThat(top).extracting(Share::share).containsExactly(0.5, 0.5);
        assertThat(MIXED.top(new float[] {1, 1, 0, 0, 1}, 10)).hasSize(3);
        assertThat(MIXED.top(new float[] {1, 1, 0, 0, 1}, 0)).isEmpty();
    }

    @Test
    void anExactRowGivesZeroSharesInColumnOrder() {
        List<Share> top = MIXED.top(new float[5], 3);
        assertThat(top).containsExactly(new Share(0, "age", 0), new Share(1, "colour", 0), new Share(2, "income", 0));
    }

    @Test
    void bulkRowsMatchOneRowAtATime() {
        int columns = 40;
        int[] featureColumns = new int[100];
        for (int f = 0; f < featureColumns.length; f++) {
            featureColumns[f] = f % columns;
        }
        List<String> names = IntStream.range(0, columns).mapToObj(c -> "c" + c).toList();
        ColumnContributions contributions = new ColumnContributions(featureColumns, names);
        Random random = new Random(5);
        int rows = 200;
        float[] errors = new float[rows * featureColumns.length];
        for (int i = 0; i < errors.length; i++) {
            // Few distinct values, so that ties are common.
            errors[i] = random.nextInt(4) * 0.25f;
        }
        ColumnContributions.TopColumns bulk = contributions.top(errors, rows, 7);
        assertThat(bulk.rows()).isEqualTo(rows);
        for (int row = 0; row < rows; row++) {
            float[] one = Arrays.copyOfRange(errors, row * 100, (row + 1) * 100);
            assertThat(bulk.row(row)).isEqualTo(contributions.top(one, 7)).isEqualTo(naiveTop(contributions, one, 7));
            assertThat(bulk.share(row, 0)).isEqualTo(bulk.row(row).get(0).share());
            assertThat(bulk.column(row, 6)).isEqualTo(bulk.row(row).get(6).column());
        }
    }

    @Test
    void allColumnsSumToOne() {
        List<Share> all = MIXED.top(new float[] {0.3f, 0.01f, 0.2f, 0.07f, 1.5f}, 3);
        assertThat(all.stream().mapToDouble(Share::share).sum()).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void perFeatureMakesEachFeatureItsOwnColumn() {
        ColumnContributions pixels = ColumnContributions.perFeature(List.of("a", "b", "c", "d"));
        assertThat(pixels.width()).isEqualTo(4);
        assertThat(pixels.top(new float[] {0, 3, 1, 0}, 2))
                .containsExactly(new Share(1, "b", 0.75), new Share(2, "c", 0.25));
    }

    @Test
    void refusesBadMappingsAndErrors() {
        assertThatThrownBy(() -> new ColumnContributions(new int[] {0, 2}, List.of("a", "b")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("feature 1 comes from column 2, not one of the 2 columns");
        assertThatThrownBy(() -> MIXED.top(new float[4], 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a row has 5 encoded features, got 4");
        assertThatThrownBy(() -> MIXED.top(new float[] {1, Float.NaN, 0, 0, 0}, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("squared error 1 of row 0");
        assertThatThrownBy(() -> MIXED.top(new float[] {1, 0, 0, 0, -1}, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("got -1.0");
        assertThatThrownBy(() -> MIXED.top(new float[11], 2, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("expected 2 rows of 5 squared errors, got 11 values");
        assertThatThrownBy(() -> MIXED.top(new float[5], -1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("got -1");
    }

    /** The top k by sorting every column: largest share first, ties by column. */
    private static List<Share> naiveTop(ColumnContributions contributions, float[] errors, int k) {
        List<String> names = contributions.columnNames();
        double[] sums = new double[names.size()];
        double total = 0;
        int[] mapping = new int[errors.length];
        for (int f = 0; f < errors.length; f++) {
            mapping[f] = f % names.size();
            sums[mapping[f]] += errors[f];
            total += errors[f];
        }
        double whole = total;
        return IntStream.range(0, names.size())
                .boxed()
                .sorted((a, b) -> sums[a] != sums[b] ? Double.compare(sums[b], sums[a]) : Integer.compare(a, b))
                .limit(k)
                .map(c -> new Share(c, names.get(c), whole > 0 ? sums[c] / whole : 0))
                .toList();
    }
}
