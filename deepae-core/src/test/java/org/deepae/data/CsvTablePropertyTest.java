package org.deepae.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/** Random small tables written with random delimiters, quoting and line ends read back exactly, whole or in chunks. */
class CsvTablePropertyTest {
    private static Path dir;

    @BeforeContainer
    static void createDirectory() throws IOException {
        dir = Files.createTempDirectory("csv-table-property");
    }

    @AfterContainer
    static void deleteDirectory() throws IOException {
        try (var files = Files.list(dir)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Files.delete(f);
            }
        }
        Files.delete(dir);
    }

    private static final String[] WORDS = {
        "a",
        "b c",
        " padded ",
        "x,y",
        "p;q",
        "t\tu",
        "say \"hi\"",
        "two\nlines",
        "cr\r\nlf",
        "#hash",
        "NA",
        "",
        "3",
        "-1.5",
        "é✓",
        "\"",
        "?"
    };

    /** A table, the CSV text that holds it, and the options to read it with. */
    private record Sample(Table expected, String text, CsvTableOptions options) {}

    private static Sample sample(long seed) {
        Random random = new Random(seed);
        char delimiter = ",;\t".charAt(random.nextInt(3));
        int width = 1 + random.nextInt(4);
        int rows = 1 + random.nextInt(30);
        String lineEnd = random.nextBoolean() ? "\n" : "\r\n";
        List<String> names = new ArrayList<>();
        Set<String> textColumns = new HashSet<>();
        String[][] cells = new String[rows][width];
        List<Column> columns = new ArrayList<>();
        for (int c = 0; c < width; c++) {
            String name = "col " + c;
            names.add(name);
            boolean text = random.nextBoolean();
            double[] numbers = new double[rows];
            String[] texts = new String[rows];
            for (int r = 0; r < rows; r++) {
                if (text) {
                    String word = WORDS[random.nextInt(WORDS.length)];
                    cells[r][c] = word;
                    texts[r] = CsvCells.isMissing(word) ? null : word;
                } else if (random.nextInt(6) == 0) {
                    cells[r][c] = CsvTableReader.MISSING.get(random.nextInt(CsvTableReader.MISSING.size()));
                    numbers[r] = Double.NaN;
                } else {
                    int kind = random.nextInt(3);
                    double v = switch (kind) {
                        case 0 -> random.nextInt(2001) - 1000;
                        case 1 -> Math.round(random.nextGaussian() * 1e4) / 1e3;
                        default -> random.nextGaussian() * Math.pow(10, random.nextInt(40) - 20);
                    };
                    numbers[r] = v;
                    cells[r][c] = kind == 0 ? Long.toString((long) v) : Double.toString(v);
                }
            }
            if (text) {
                textColumns.add(name);
                columns.add(new Column.Text(name, texts));
            } else {
                columns.add(new Column.Numeric(name, numbers));
            }
        }
        StringBuilder out = new StringBuilder();
        appendLine(out, names, delimiter, width, random);
        out.append(lineEnd);
        for (int r = 0; r < rows; r++) {
            appendLine(out, List.of(cells[r]), delimiter, width, random);
            if (r < rows - 1 || random.nextBoolean()) {
                out.append(lineEnd);
            }
        }
        CsvTableOptions options =
                CsvTableOptions.DEFAULT.withDelimiter(delimiter).withTextColumns(textColumns);
        return new Sample(new Table("unused", columns, rows), out.toString(), options);
    }

    /** Appends cells joined by {@code delimiter}, quoting those that need it and some that do not. */
    private static void appendLine(StringBuilder out, List<String> cells, char delimiter, int width, Random random) {
        for (int c = 0; c < cells.size(); c++) {
            String cell = cells.get(c);
            boolean needs = cell.indexOf(delimiter) >= 0
                    || cell.indexOf('"') >= 0
                    || cell.indexOf('\n') >= 0
                    || cell.indexOf('\r') >= 0
                    || !cell.equals(cell.strip())
                    || (c == 0 && cell.startsWith("#"))
                    || (width == 1 && cell.isEmpty());
            if (c > 0) {
                out.append(delimiter);
            }
            if (needs || random.nextInt(4) == 0) {
                out.append(random.nextBoolean() ? " " : "")
                        .append('"')
                        .append(cell.replace("\"", "\"\""))
                        .append('"');
            } else {
                out.append(random.nextBoolean() && delimiter != '\t' ? " " + cell + "\t" : cell);
            }
        }
    }

    @Provide
    Arbitrary<Long> seeds() {
        return Arbitraries.longs();
    }

    @Property(tries = 300)
    void readsBackWhatWasWrittenWholeAndInChunks(@ForAll("seeds") long seed, @ForAll("chunks") int chunk)
            throws IOException {
        Sample sample = sample(seed);
        Path file = Files.writeString(dir.resolve("t.csv"), sample.text());
        Table whole = CsvTableReader.read(file, sample.options());
        assertThat(whole.columns())
                .as("seed %d:%n%s", seed, sample.text())
                .isEqualTo(sample.expected().columns());
        List<Table> chunks = new ArrayList<>();
        try (CsvTableReader reader = CsvTableReader.open(file, sample.options(), null)) {
            Table next;
            while ((next = reader.next(chunk)) != null) {
                assertThat(next.rows()).isBetween(1, chunk);
                chunks.add(next);
            }
        }
        assertThat(Table.concat(chunks.get(0).source(), chunks))
                .as("seed %d in chunks of %d", seed, chunk)
                .isEqualTo(whole);
    }

    @Provide
    Arbitrary<Integer> chunks() {
        return Arbitraries.integers().between(1, 12);
    }

    @Property(tries = 3000)
    void fastDoubleParsingAgreesWithTheJdk(@ForAll("decimals") String text) {
        double fast = CsvCells.fastParseDouble(text);
        if (!Double.isNaN(fast)) {
            assertThat(Double.doubleToLongBits(fast))
                    .as(text)
                    .isEqualTo(Double.doubleToLongBits(Double.parseDouble(text)));
        }
    }

    @Provide
    Arbitrary<String> decimals() {
        Arbitrary<String> digits =
                Arbitraries.strings().withChars("0123456789").ofMinLength(1).ofMaxLength(17);
        return net.jqwik.api.Combinators.combine(
                        Arbitraries.of("", "-", "+"),
                        digits,
                        Arbitraries.of("", ".")
                                .flatMap(p -> p.isEmpty()
                                        ? Arbitraries.just("")
                                        : Arbitraries.strings()
                                                .withChars("0123456789")
                                                .ofMaxLength(8)
                                                .map(d -> "." + d)),
                        Arbitraries.of("", "e", "E-", "e+")
                                .flatMap(e -> e.isEmpty()
                                        ? Arbitraries.just("")
                                        : Arbitraries.integers().between(0, 30).map(n -> e + n)))
                .as((sign, d, fraction, exponent) -> sign + d + fraction + exponent);
    }
}
