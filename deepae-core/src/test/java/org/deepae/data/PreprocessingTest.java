package org.deepae.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class PreprocessingTest {
    private static final double EPS = 1e-6;

    private static Table table(Column... columns) {
        return Table.of("train.csv", List.of(columns));
    }

    private static Column.Numeric numbers(String name, double... values) {
        return new Column.Numeric(name, values);
    }

    private static Column.Text texts(String name, String... values) {
        return new Column.Text(name, values);
    }

    private static PreprocessingOptions scaling(Scaling scaling) {
        return PreprocessingOptions.defaults().withScaling(scaling);
    }

    private static float[] encoded(Preprocessing p, Table t) throws DataFormatException {
        return p.encode(t).values();
    }

    @Test
    void standardScalingUsesThePopulationStandardDeviation() throws DataFormatException {
        // mean 5, squared deviations 9+1+1+1+0+0+4+16 = 32, population variance 4, std 2
        Table t = table(numbers("x", 2, 4, 4, 4, 5, 5, 7, 9));
        Preprocessing p = Preprocessing.fit(t, PreprocessingOptions.defaults());

        assertThat(p.offset(0)).isCloseTo(5, offset(1e-12));
        assertThat(p.scale(0)).isCloseTo(2, offset(1e-12));
        assertThat(encoded(p, t))
                .containsExactly(new float[] {-1.5f, -0.5f, -0.5f, -0.5f, 0, 0, 1, 1.5f + 0.5f}, offset(1e-6f));
    }

    @Test
    void minmaxScalingMapsTheTrainingRangeOntoZeroToOne() throws DataFormatException {
        Table t = table(numbers("x", 2, 4, 9));
        Preprocessing p = Preprocessing.fit(t, scaling(Scaling.MINMAX));

        assertThat(p.offset(0)).isEqualTo(2);
        assertThat(p.scale(0)).isEqualTo(7);
        assertThat(encoded(p, t)).containsExactly(new float[] {0, 2f / 7, 1}, offset(1e-7f));
        assertThat(encoded(p, table(numbers("x", 16)))).containsExactly(2f);
    }

    @Test
    void noScalingKeepsTheValues() throws DataFormatException {
        Table t = table(numbers("x", -1.5, 0, 3.25), numbers("y", 1, 2, 3));
        Preprocessing p = Preprocessing.fit(t, scaling(Scaling.NONE));

        assertThat(p.isIdentity()).isTrue();
        assertThat(encoded(p, t)).containsExactly(-1.5f, 1, 0, 2, 3.25f, 3);
    }

    @Test
    void constantColumnsAreKeptWithScaleOne() throws DataFormatException {
        Table t = table(numbers("c", 3, 3, 3));
        for (Scaling s : new Scaling[] {Scaling.STANDARD, Scaling.MINMAX}) {
            Preprocessing p = Preprocessing.fit(t, scaling(s));
            assertThat(p.scale(0)).as(s.id()).isEqualTo(1);
            assertThat(p.offset(0)).as(s.id()).isEqualTo(3);
            assertThat(encoded(p, t)).as(s.id()).containsExactly(0, 0, 0);
            assertThat(encoded(p, table(numbers("c", 5)))).as(s.id()).containsExactly(2);
        }
    }

    @Test
    void missingNumbersAreImputedWithTheTrainingMeanAndCounted() throws DataFormatException {
        Table t = table(numbers("x", 1, Double.NaN, 3), numbers("y", 0, 1, Double.NaN));
        Preprocessing p = Preprocessing.fit(t, scaling(Scaling.MINMAX));
        Encoded e = p.encode(t);

        // x: mean 2 over (1, 3), scaled (2 - 1) / 2; y: mean 0.5 over (0, 1)
        assertThat(e.values()).containsExactly(0, 0, 0.5f, 1, 1, 0.5f);
        assertThat(e.imputed()).containsExactly(Map.entry("x", 1), Map.entry("y", 1));
        assertThat(e.imputedTotal()).isEqualTo(2);
        assertThat(e.summary()).isEqualTo("imputed 2 missing values (x 1, y 1)");
    }

    @Test
    void missingNumbersAreRefusedUnderTheErrorPolicy() throws DataFormatException {
        PreprocessingOptions refuse = PreprocessingOptions.defaults().withMissing(MissingValues.ERROR);
        assertThatThrownBy(() -> Preprocessing.fit(table(numbers("x", 1, Double.NaN, 3)), refuse))
                .isInstanceOf(DataFormatException.class)
                .hasMessage("train.csv: row 2, column 'x': missing value, and missing values are refused (impute them "
                        + "with the "
                        + "training mean instead)");

        Preprocessing p = Preprocessing.fit(table(numbers("x", 1, 3)), refuse);
        Table scored = Table.of("score.csv", List.of(numbers("x", 1, 2, Double.NaN)));
        assertThatThrownBy(() -> p.encode(scored, 101))
                .isInstanceOf(DataFormatException.class)
                .hasMessage("score.csv: row 103, column 'x': missing value, and the model was fitted to refuse "
                        + "missing values")
                .hasMessageNotContaining("\n");
    }

    @Test
    void refusesANumericColumnWithNoValue() {
        assertThatThrownBy(() -> Preprocessing.fit(
                        table(numbers("a", 1, 2), numbers("x", Double.NaN, Double.NaN)),
                        PreprocessingOptions.defaults()))
                .isInstanceOf(DataFormatException.class)
                .hasMessageStartingWith("train.csv: column 'x' has no value in the 2 training rows");
    }

    @Test
    void refusesInfiniteTrainingValuesAndNoRowsOrColumns() {
        assertThatThrownBy(() -> Preprocessing.fit(
                        table(numbers("x", 1, Double.POSITIVE_INFINITY)), PreprocessingOptions.defaults()))
                .hasMessage("train.csv: row 2, column 'x': Infinity is not a finite number");
        assertThatThrownBy(() -> Preprocessing.fit(table(numbers("x")), PreprocessingOptions.defaults()))
                .hasMessage("train.csv: no data rows to fit the preprocessing on");
        assertThatThrownBy(() -> Preprocessing.fit(table(), PreprocessingOptions.defaults()))
                .hasMessage("train.csv: no columns to fit the preprocessing on");
    }

    @Test
    void oneHotKeepsTheMostFrequentLevelsAndPoolsTheRest() throws DataFormatException {
        Table t = table(texts("color", "green", "red", "blue", "red", null, "red", "blue", "yellow"));
        Preprocessing p = Preprocessing.fit(t, PreprocessingOptions.defaults().withMaxLevels(2));

        assertThat(p.featureNames()).containsExactly("color=red", "color=blue", "color=<other>", "color=<missing>");
        assertThat(p.width()).isEqualTo(4);
        assertThat(p.isNumericOnly()).isFalse();
        Encoded e = p.encode(t);
        assertThat(e.values())
                .containsExactly(
                        0, 0, 1, 0, // green: pooled
                        1, 0, 0, 0, 0, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 1, // missing
                        1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0); // yellow: pooled
        assertThat(e.other()).containsExactly(Map.entry("color", 2));
    }

    @Test
    void levelsOfEqualCountKeepTheOrderOfFirstAppearance() throws DataFormatException {
        Table t = table(texts("c", "b", "a", "a", "b", "c", "d"));
        assertThat(Preprocessing.fit(t, PreprocessingOptions.defaults().withMaxLevels(3))
                        .featureNames())
                .containsExactly("c=b", "c=a", "c=c", "c=<other>", "c=<missing>");
    }

    @Test
    void unseenLevelsAreScoredAsOtherAndCounted() throws DataFormatException {
        Preprocessing p = Preprocessing.fit(table(texts("color", "red", "blue")), PreprocessingOptions.defaults());
        Encoded e = p.encode(Table.of("score.csv", List.of(texts("color", "purple", "red", "pink", null))));

        assertThat(e.values()).containsExactly(0, 0, 1, 0, 1, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1);
        assertThat(e.other()).containsExactly(Map.entry("color", 2));
        assertThat(e.imputed()).isEmpty();
        assertThat(e.summary()).isEqualTo("scored 2 values as <other> (color 2)");
    }

    @Test
    void numericColumnsNamedCategoricalAreOneHotByTheirTextForm() throws DataFormatException {
        Table t = table(numbers("zip", 2134, 10001, 2134), numbers("age", 30, 40, 50));
        Preprocessing p = Preprocessing.fit(t, PreprocessingOptions.defaults().withCategorical(Set.of("zip")));

        assertThat(p.featureNames())
                .containsExactly("zip=2134.0", "zip=10001.0", "zip=<other>", "zip=<missing>", "age");
        assertThat(p.featureColumns()).containsExactly(0, 0, 0, 0, 1);
        assertThat(p.inputs())
                .containsExactly(
                        new TableSource.ColumnHead("zip", Column.Kind.NUMERIC),
                        new TableSource.ColumnHead("age", Column.Kind.NUMERIC));
        // the same column read as text (another file had a letter in it) still finds its levels
        Encoded e = p.encode(Table.of("score.csv", List.of(numbers("age", 40), texts("zip", "10001"))));
        assertThat(e.values()).containsExactly(0, 1, 0, 0, 0);
    }

    @Test
    void aTextColumnScoredAsNumbersFindsItsIntegerLevels() throws DataFormatException {
        Preprocessing p =
                Preprocessing.fit(table(texts("zip", "02134", "10001", "A1")), PreprocessingOptions.defaults());
        Encoded e = p.encode(Table.of("score.csv", List.of(numbers("zip", 10001, 2134))));
        assertThat(e.values()).containsExactly(0, 1, 0, 0, 0, 0, 0, 0, 1, 0);
        assertThat(e.other()).containsExactly(Map.entry("zip", 1));
    }

    @Test
    void refusesACategoricalNameThatIsNoColumn() {
        assertThatThrownBy(() -> Preprocessing.fit(
                        table(numbers("x", 1)), PreprocessingOptions.defaults().withCategorical(Set.of("zip"))))
                .hasMessage("train.csv: no column named 'zip' (named categorical); the columns are 'x'");
    }

    @Test
    void matchesColumnsByNameInAnyOrder() throws DataFormatException {
        Preprocessing p = Preprocessing.fit(table(numbers("a", 0, 2), texts("b", "u", "v")), scaling(Scaling.MINMAX));
        Encoded e = p.encode(Table.of("score.csv", List.of(texts("b", "v"), numbers("a", 1))));
        assertThat(e.values()).containsExactly(0.5f, 0, 1, 0, 0);
    }

    @Test
    void refusesMissingAndUnexpectedColumnsNamingThem() throws DataFormatException {
        Preprocessing p = Preprocessing.fit(table(numbers("a", 1), numbers("b", 2)), PreprocessingOptions.defaults());
        assertThatThrownBy(() -> p.encode(Table.of("score.csv", List.of(numbers("a", 1), numbers("z", 2)))))
                .isInstanceOf(DataFormatException.class)
                .hasMessage("score.csv: the columns do not match those the model was fitted on: "
                        + "missing 'b'; unexpected 'z'");
        assertThatThrownBy(() -> p.encode(Table.of("score.csv", List.of(numbers("b", 1)))))
                .hasMessage("score.csv: the columns do not match those the model was fitted on: missing 'a'");
    }

    @Test
    void refusesTextInANumericColumnQuotingIt() throws DataFormatException {
        Preprocessing p = Preprocessing.fit(table(numbers("x", 1, 2)), PreprocessingOptions.defaults());
        String huge = "n/a".repeat(30);
        assertThatThrownBy(() -> p.encode(Table.of("score.csv", List.of(texts("x", "3", null, huge)))))
                .isInstanceOf(DataFormatException.class)
                .hasMessage("score.csv: row 3, column 'x': " + Quoted.of(huge)
                        + " is not a number; the model was fitted on numbers in this column");
        // numbers written as text are read
        Encoded e = p.encode(Table.of("score.csv", List.of(texts("x", "3", null))));
        assertThat(e.values()).containsExactly(new float[] {3f, 0}, offset(1e-6f));
        assertThat(e.imputed()).containsExactly(Map.entry("x", 1));
    }

    @Test
    void refusesValuesThatOverflowAFloat() throws DataFormatException {
        Preprocessing p = Preprocessing.fit(table(numbers("x", 0, 1e-30)), PreprocessingOptions.defaults());
        assertThatThrownBy(() -> p.encode(Table.of("score.csv", List.of(numbers("x", 1e30)))))
                .hasMessageStartingWith(
                        "score.csv: row 1, column 'x': value 1.0E30 is too far from the training values");
    }

    @Test
    void decodeInvertsScalingAndPicksTheMostLikelyLevel() throws DataFormatException {
        Table t = table(numbers("x", 2, 4, 9), texts("c", "red", "blue", "red"), numbers("z", 7, 8, 7));
        Preprocessing p = Preprocessing.fit(t, PreprocessingOptions.defaults().withCategorical(Set.of("z")));
        Table back = p.decode(p.encode(t).values(), 3);

        assertThat(back.names()).containsExactly("x", "c", "z");
        assertThat(((Column.Numeric) back.column(0)).values()).containsExactly(new double[] {2, 4, 9}, offset(EPS));
        assertThat(back.column(1)).isEqualTo(texts("c", "red", "blue", "red"));
        assertThat(back.column(2)).isEqualTo(numbers("z", 7, 8, 7));

        // features: x, c=red, c=blue, c=<other>, c=<missing>, z=7.0, z=8.0, z=<other>, z=<missing>
        float[] reconstructed = {
            0, 0.2f, 0.7f, 0.1f, 0, 0.3f, 0.3f, 0.1f, 0, // ties go to the first slot
            0, 0.1f, 0.1f, 0.5f, 0.2f, 0.1f, 0, 0.8f, 0,
            0, 0.1f, 0.1f, 0.1f, 0.7f, 0, 0.1f, 0, 0.9f
        };
        Table decoded = p.decode(reconstructed, 3, "reconstructed");
        assertThat(decoded.source()).isEqualTo("reconstructed");
        assertThat(decoded.column(1)).isEqualTo(texts("c", "blue", Preprocessing.OTHER, null));
        assertThat(decoded.column(2)).isEqualTo(numbers("z", 7, Double.NaN, Double.NaN));
    }

    @Test
    void introspectionGivesOffsetsAndScalesOfNumericFeaturesOnly() throws DataFormatException {
        Preprocessing p = Preprocessing.fit(
                table(texts("c", "u", "u"), numbers("x", 1, 3)),
                PreprocessingOptions.defaults().withMaxLevels(1));
        assertThat(p.featureNames()).containsExactly("c=u", "c=<other>", "c=<missing>", "x");
        assertThat(p.offset(3)).isEqualTo(2);
        assertThat(p.scale(3)).isEqualTo(1);
        assertThatThrownBy(() -> p.offset(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("feature 0 (c=u) is one-hot, not scaled");
        assertThatThrownBy(() -> p.encodeNumeric(new float[4], 1)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void numericRowsWithoutScalingAreEncodedBitForBit() throws DataFormatException {
        float[] values = {0f, -0f, Float.MIN_VALUE, -Float.MAX_VALUE, 1e-40f, 0.1f, 255f, Float.MIN_NORMAL};
        Rows rows = new Rows(values, 4, 2, null, "pixels.npy");
        Preprocessing p = Preprocessing.numeric(List.of("p0", "p1"), rows, Scaling.NONE);

        assertThat(p.isIdentity()).isTrue();
        assertThat(p.isNumericOnly()).isTrue();
        float[] encoded = p.encodeNumeric(values, 4);
        for (int i = 0; i < values.length; i++) {
            assertThat(Float.floatToRawIntBits(encoded[i]))
                    .as("value %d", i)
                    .isEqualTo(Float.floatToRawIntBits(values[i]));
        }
        float[] decoded = p.decodeNumeric(encoded, 4);
        for (int i = 0; i < values.length; i++) {
            assertThat(Float.floatToRawIntBits(decoded[i])).isEqualTo(Float.floatToRawIntBits(values[i]));
        }
    }

    @Test
    void numericRowsAreScaledAsTheSameTable() throws DataFormatException {
        float[] values = {2, 10, 4, 20, 9, 60};
        Preprocessing rows =
                Preprocessing.numeric(List.of("a", "b"), new Rows(values, 3, 2, null, "x.npy"), Scaling.STANDARD);
        Preprocessing table = Preprocessing.fit(
                table(numbers("a", 2, 4, 9), numbers("b", 10, 20, 60)), PreprocessingOptions.defaults());

        assertThat(rows).isEqualTo(table);
        assertThat(rows.encodeNumeric(values, 3))
                .containsExactly(encoded(table, table(numbers("a", 2, 4, 9), numbers("b", 10, 20, 60))));
        assertThat(rows.encodeNumeric(new float[] {Float.NaN, 10}, 1)[0]).isEqualTo(0);
        assertThat(rows.decodeNumeric(rows.encodeNumeric(values, 3), 3)).containsExactly(values, offset(1e-5f));
        assertThatThrownBy(() -> Preprocessing.numeric(
                        List.of("a", "b"), new Rows(new float[] {Float.NaN, 1}, 1, 2, null, "x.npy"), Scaling.NONE))
                .hasMessageStartingWith("x.npy: column 'a' has no value in the 1 training rows");
    }

    @Test
    void optionsRefuseAMaxLevelsBelowOne() {
        assertThatThrownBy(() -> PreprocessingOptions.defaults().withMaxLevels(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("max levels must be at least 1, got 0");
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aMillionLevelsAreCappedQuickly() throws DataFormatException {
        int n = 1_000_000;
        String[] values = new String[n];
        for (int i = 0; i < n; i++) {
            // common0 to common29 appear 1,000 times each (ties kept by first appearance), every other row once
            values[i] = i < 30_000 ? "common" + (i % 30) : "id" + i;
        }
        Table t = table(texts("id", values));
        long start = System.nanoTime();
        Preprocessing p = Preprocessing.fit(t, PreprocessingOptions.defaults());
        Encoded e = p.encode(t);
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertThat(p.width()).isEqualTo(22);
        assertThat(p.featureNames().subList(0, 3)).containsExactly("id=common0", "id=common1", "id=common2");
        assertThat(p.featureNames().get(19)).isEqualTo("id=common19");
        assertThat(e.other()).containsExactly(Map.entry("id", n - 20_000));
        assertThat(millis).as("milliseconds to fit and encode a million levels").isLessThan(10_000);
    }
}
