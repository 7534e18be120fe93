package org.deepae.data;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.deepae.io.JsonFiles;

class PreprocessingPropertyTest {

    /** A table and the numeric columns in it that are forced categorical. */
    record Case(Table table, Set<String> categorical) {}

    @Provide
    Arbitrary<Case> tables() {
        return Arbitraries.integers().between(1, 30).flatMap(rows -> {
            Arbitrary<double[]> numbers = Arbitraries.oneOf(
                            Arbitraries.doubles().between(-1e6, 1e6).ofScale(6),
                            Arbitraries.doubles().between(-1e-3, 1e-3).ofScale(12),
                            Arbitraries.doubles().between(1e9, 1e9 + 10).ofScale(3))
                    .array(double[].class)
                    .ofSize(rows);
            Arbitrary<String[]> texts = Arbitraries.of("a", "b", "", "d e", "\u00e9")
                    .injectNull(0.2)
                    .array(String[].class)
                    .ofSize(rows);
            Arbitrary<double[]> codes = Arbitraries.integers()
                    .between(-2, 3)
                    .map(i -> (double) i)
                    .array(double[].class)
                    .ofSize(rows);
            return Combinators.combine(
                            numbers.list().ofMinSize(1).ofMaxSize(3),
                            texts.list().ofMaxSize(2),
                            codes.list().ofMaxSize(1))
                    .as((n, t, c) -> {
                        List<Column> columns = new ArrayList<>();
                        Set<String> categorical = new HashSet<>();
                        for (int i = 0; i < n.size(); i++) {
                            columns.add(new Column.Numeric("n" + i, n.get(i)));
                        }
                        for (int i = 0; i < t.size(); i++) {
                            columns.add(new Column.Text("t" + i, t.get(i)));
                        }
                        for (int i = 0; i < c.size(); i++) {
                            columns.add(new Column.Numeric("c" + i, c.get(i)));
                            categorical.add("c" + i);
                        }
                        Collections.rotate(columns, rows % columns.size());
                        return new Case(new Table("t.csv", columns, rows), categorical);
                    });
        });
    }

    private static Preprocessing fit(Case c, Scaling scaling) throws DataFormatException {
        return Preprocessing.fit(
                c.table(), PreprocessingOptions.defaults().withScaling(scaling).withCategorical(c.categorical()));
    }

    /**
     * Numeric columns come back within 1e-5 of the column's largest magnitude (float rounding of the encoded value);
     * categorical ones, whose levels are all kept, exactly.
     */
    @Property(tries = 300, edgeCases = EdgeCasesMode.MIXIN)
    void decodeInvertsEncode(@ForAll("tables") Case c, @ForAll Scaling scaling) throws DataFormatException {
        Preprocessing p = fit(c, scaling);
        Table back = p.decode(p.encode(c.table()).values(), c.table().rows());

        assertThat(back.names()).isEqualTo(c.table().names());
        for (int k = 0; k < back.columns().size(); k++) {
            Column original = c.table().column(k);
            Column decoded = back.column(k);
            if (original instanceof Column.Numeric numeric && !c.categorical().contains(original.name())) {
                double[] expected = numeric.values();
                double[] actual = ((Column.Numeric) decoded).values();
                double largest = 0;
                for (double v : expected) {
                    largest = Math.max(largest, Math.abs(v));
                }
                for (int i = 0; i < expected.length; i++) {
                    assertThat(Math.abs(actual[i] - expected[i]))
                            .as("%s row %d: %s against %s", original.name(), i, actual[i], expected[i])
                            .isLessThanOrEqualTo(1e-5 * largest);
                }
            } else {
                assertThat(decoded).isEqualTo(original);
            }
        }
    }

    @Property(tries = 60, edgeCases = EdgeCasesMode.MIXIN)
    void jsonRoundTripKeepsTheEncoding(@ForAll("tables") Case c, @ForAll Scaling scaling) throws IOException {
        Preprocessing p = fit(c, scaling);
        Path file = Files.createTempFile("preprocessing", ".json");
        try {
            Files.write(file, new ObjectMapper().writeValueAsBytes(p.toJson()));
            Preprocessing back = Preprocessing.fromJson(JsonFiles.readObject(file));
            assertThat(back).isEqualTo(p);
            assertThat(back.encode(c.table())).isEqualTo(p.encode(c.table()));
        } finally {
            Files.delete(file);
        }
    }
}
