package org.deepae.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.assertj.core.api.AbstractThrowableAssert;
import org.deepae.data.TableSource.ColumnHead;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvTableReaderTest {
    @TempDir
    Path dir;

    private Path file(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    private Path csv(String text) throws IOException {
        return file("data.csv", text);
    }

    private static Table read(Path file) throws IOException {
        return CsvTableReader.read(file, CsvTableOptions.DEFAULT);
    }

    private static AbstractThrowableAssert<?, ? extends Throwable> assertRejected(Path file, CsvTableOptions options) {
        return assertThatThrownBy(() -> CsvTableReader.read(file, options))
                .isInstanceOf(DataFormatException.class)
                .hasMessageStartingWith(file + ": ");
    }

    private static double[] numbers(Table table, int column) {
        return ((Column.Numeric) table.column(column)).values();
    }

    private static String[] texts(Table table, int column) {
        return ((Column.Text) table.column(column)).values();
    }

    @Test
    void readsNumericAndTextColumnsWithHeader() throws IOException {
        Table table = read(csv("id,city,temp\n1,Paris,20.5\n2, Rome ,-3\n3,Oslo,1e2\n"));
        assertThat(table.names()).containsExactly("id", "city", "temp");
        assertThat(table.rows()).isEqualTo(3);
        assertThat(numbers(table, 0)).containsExactly(1, 2, 3);
        assertThat(texts(table, 1)).containsExactly("Paris", "Rome", "Oslo");
        assertThat(numbers(table, 2)).containsExactly(20.5, -3, 100);
    }

    @Test
    void parsesNumbersAsDoublesExactly() throws IOException {
        Table table = read(csv("x\n0.1\n3.141592653589793238\n-0\n1e-300\n"));
        assertThat(numbers(table, 0)).containsExactly(0.1, 3.141592653589793, -0.0, 1e-300);
    }

    @Test
    void readsSemicolonAndTabFiles() throws IOException {
        Table semicolon = read(csv("a;b\n1;x,y\n2;z\n"));
        assertThat(semicolon.names()).containsExactly("a", "b");
        assertThat(texts(semicolon, 1)).containsExactly("x,y", "z");
        Table tabs = read(csv("a\tb c\n1\t  spaced \n"));
        assertThat(tabs.names()).containsExactly("a", "b c");
        assertThat(texts(tabs, 1)).containsExactly("spaced");
    }

    @Test
    void skipsTheByteOrderMark() throws IOException {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] text = "name,x\nb,1\n".getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[bom.length + text.length];
        System.arraycopy(bom, 0, all, 0, 3);
        System.arraycopy(text, 0, all, 3, text.length);
        Table table = read(Files.write(dir.resolve("bom.csv"), all));
        assertThat(table.names()).containsExactly("name", "x");
    }

    @Test
    void refusesInvalidUtf8NamingTheFile() throws IOException {
        Path file = Files.write(dir.resolve("b.csv"), new byte[] {'a', '\n', '1', (byte) 0xC3, (byte) 0x28, '\n'});
        assertRejected(file, CsvTableOptions.DEFAULT).hasMessageContaining("expected UTF-8 text");
    }

    @Test
    void readsQuotedCellsWithDelimitersQuotesAndLineBreaks() throws IOException {
        Table table = read(csv("note,x\n\"a, b\",1\n\"say \"\"hi\"\"\",2\r\n\"two\r\nlines\n\",3\n \" kept \" ,4\n"));
        assertThat(texts(table, 0)).containsExactly("a, b", "say \"hi\"", "two\r\nlines\n", " kept ");
        assertThat(numbers(table, 1)).containsExactly(1, 2, 3, 4);
    }

    @Test
    void countsLinesInsideQuotedCellsInMessages() throws IOException {
        Path file = csv("note,x\n\"one\ntwo\nthree\",1\nfour,5,6\n");
        assertRejected(file, CsvTableOptions.DEFAULT)
                .hasMessage(file
                        + ": line 5 has more than 2 cells, expected 2 (as on line 1); stopped reading it at cell 3");
    }

    @Test
    void refusesAnUnclosedQuoteNamingWhereItOpened() throws IOException {
        Path file = csv("a,b\n1,2\n3,\"open\n4,5\n");
        assertRejected(file, CsvTableOptions.DEFAULT.withDelimiter(','))
                .hasMessage(file + ": line 3, cell 2: the quote opened there is not closed by the end of the file");
        assertRejected(file, CsvTableOptions.DEFAULT).hasMessageContaining("line 3, cell 2: the quote opened there");
    }

    @Test
    void refusesTextAfterAClosingQuote() throws IOException {
        Path file = csv("a,b\n\"x\"y,2\n");
        assertRejected(file, CsvTableOptions.DEFAULT)
                .hasMessageContaining("line 2, cell 1: text follows the closing quote");
    }

    @Test
    void readsMissingTokensAsNanAndNull() throws IOException {
        Table table = read(csv("x,c\n1,a\n,\nNA,N/A\nNaN,nan\nnull,NULL\n?,b\n"));
        assertThat(numbers(table, 0)).containsExactly(1, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        assertThat(texts(table, 1)).containsExactly("a", null, null, null, null, "b");
        assertThat(CsvTableReader.MISSING).containsExactly("", "NA", "N/A", "NaN", "nan", "null", "NULL", "?");
    }

    @Test
    void makesAMixedColumnTextAndSaysWhichCellDecided() throws IOException {
        Path file = csv("x,y\n1,2\n3,4\n5,oops\n6,7\n");
        Table table = read(file);
        assertThat(texts(table, 1)).containsExactly("2", "4", "oops", "7");
        try (CsvTableReader reader = CsvTableReader.open(file, CsvTableOptions.DEFAULT, null)) {
            CsvLayout.ColumnLayout y = reader.layout().columns().get(1);
            assertThat(y.kind()).isEqualTo(Column.Kind.TEXT);
            assertThat(y.reason()).isEqualTo("text: line 4 has 'oops', which is not a number");
            assertThat(reader.layout().columns().get(0).reason()).isEqualTo("numeric");
            assertThat(reader.layout().describe())
                    .contains("column 'y' is text: line 4 has 'oops', which is not a number");
        }
    }

    @Test
    void hintsAtADecimalComma() throws IOException {
        Path file = csv("x;y\n1;2,5\n");
        try (CsvTableReader reader = CsvTableReader.open(file, CsvTableOptions.DEFAULT, null)) {
            assertThat(reader.layout().columns().get(1).reason())
                    .contains("'2,5'")
                    .contains("decimal comma");
        }
    }

    @Test
    void keepsForcedTextColumnsAsText() throws IOException {
        Path file = csv("zip,x\n01234,1\n75001,2\n");
        Table table = CsvTableReader.read(file, CsvTableOptions.DEFAULT.withTextColumns(Set.of("zip")));
        assertThat(texts(table, 0)).containsExactly("01234", "75001");
        assertRejected(file, CsvTableOptions.DEFAULT.withTextColumns(Set.of("zap")))
                .hasMessage(file + ": no column named 'zap' to keep as text; the columns are 'zip', 'x'");
    }

    @Test
    void readsAColumnWithNoValueAsNumericNanAndSaysSo() throws IOException {
        Path file = csv("x,empty\n1,\n2,NA\n");
        try (CsvTableReader reader = CsvTableReader.open(file, CsvTableOptions.DEFAULT, null)) {
            assertThat(reader.columns().get(1)).isEqualTo(new ColumnHead("empty", Column.Kind.NUMERIC));
            assertThat(reader.layout().notes())
                    .containsExactly("column 'empty' has no value, every cell is missing: it is numeric and all NaN");
            assertThat(numbers(reader.next(10), 1)).containsExactly(Double.NaN, Double.NaN);
        }
    }

    @Test
    void refusesInfinityInANumericColumn() throws IOException {
        Path file = csv("a,b\n1,2\n3,inf\n");
        assertRejected(file, CsvTableOptions.DEFAULT)
                .hasMessageStartingWith(file + ": line 3, column 2 'b': 'inf' is not a finite number");
        assertRejected(csv("a\n-Infinity\n1\n"), CsvTableOptions.DEFAULT).hasMessageContaining("line 2, column 1 'a'");
        assertRejected(csv("a\n1e400\n"), CsvTableOptions.DEFAULT).hasMessageContaining("'1e400' is not a finite");
        // in a text column, inf is text like any other word
        assertThat(texts(read(csv("a\ninf\nhigh\n")), 0)).containsExactly("inf", "high");
    }

    @Test
    void refusesARaggedLineAtOnce() throws IOException {
        Path shorter = csv("a,b,c\n1,2,3\n4,5\n");
        assertRejected(shorter, CsvTableOptions.DEFAULT)
                .hasMessage(shorter + ": line 3 has 2 cells, expected 3 (as on line 1)");
        Path longer = csv("1,2\n3,4\n\n5,6,7\n");
        assertRejected(longer, CsvTableOptions.DEFAULT)
                .hasMessage(longer
                        + ": line 4 has more than 2 cells, expected 2 (as on line 1); stopped reading it at cell 3");
    }

    @Test
    void skipsBlankAndCommentLinesUnlessCommentsAreOff() throws IOException {
        Path file = csv("# made by hand\n\nx,y\n  \n1,2\n# middle\r\n3,4\n");
        assertThat(numbers(read(file), 1)).containsExactly(2, 4);
        Path hashes = csv("tag,x\n#a,1\n#b,2\n");
        assertThat(texts(CsvTableReader.read(hashes, CsvTableOptions.DEFAULT.withComments(false)), 0))
                .containsExactly("#a", "#b");
    }

    @Test
    void refusesAnEmptyFileAndAHeaderWithoutRows() throws IOException {
        Path empty = csv("# nothing\n\n");
        assertRejected(empty, CsvTableOptions.DEFAULT)
                .hasMessage(empty + ": no data: the file is empty or holds only blank and comment lines");
        Path header = csv("a,b\n");
        assertRejected(header, CsvTableOptions.DEFAULT)
                .hasMessage(header + ": line 1 is the header but no data rows follow");
    }

    @Test
    void readsInChunksThatMatchTheWholeRead() throws IOException {
        StringBuilder text = new StringBuilder("n,word\n");
        for (int i = 0; i < 2500; i++) {
            text.append(i).append(',').append(i % 7 == 0 ? "NA" : "w" + i % 5).append('\n');
        }
        Path file = csv(text.toString());
        Table whole = read(file);
        try (CsvTableReader reader = CsvTableReader.open(file, CsvTableOptions.DEFAULT, null)) {
            int rows = 0;
            Table chunk;
            while ((chunk = reader.next(1000)) != null) {
                assertThat(chunk.rows()).isLessThanOrEqualTo(1000);
                assertThat(chunk.select(java.util.stream.IntStream.range(0, chunk.rows())
                                .toArray()))
                        .isEqualTo(whole.select(java.util.stream.IntStream.range(rows, rows + chunk.rows())
                                .toArray()));
                rows += chunk.rows();
            }
            assertThat(rows).isEqualTo(2500);
            assertThat(reader.next(10)).isNull();
        }
    }

    @Test
    void streamsAgainstASchemaAndRefusesTextInANumericColumn() throws IOException {
        Path file = csv("city,temp\nParis,20\nRome,hot\n");
        List<ColumnHead> schema =
                List.of(new ColumnHead("temp", Column.Kind.NUMERIC), new ColumnHead("city", Column.Kind.TEXT));
        try (CsvTableReader reader = CsvTableReader.open(file, CsvTableOptions.DEFAULT, schema)) {
            assertThat(reader.columns())
                    .containsExactly(
                            new ColumnHead("city", Column.Kind.TEXT), new ColumnHead("temp", Column.Kind.NUMERIC));
            Table first = reader.next(1);
            assertThat(numbers(first, 1)).containsExactly(20);
            assertThatThrownBy(() -> reader.next(1))
                    .isInstanceOf(DataFormatException.class)
                    .hasMessage(file
                            + ": line 3, column 2 'temp': 'hot' is not a number, but the column is numeric (as the "
                            + "schema says)");
        }
    }

    @Test
    void refusesAFileWhoseColumnsAreNotTheSchemas() throws IOException {
        Path file = csv("a,b\n1,2\n");
        List<ColumnHead> schema =
                List.of(new ColumnHead("a", Column.Kind.NUMERIC), new ColumnHead("c", Column.Kind.NUMERIC));
        assertThatThrownBy(() -> CsvTableReader.open(file, CsvTableOptions.DEFAULT, schema))
                .isInstanceOf(DataFormatException.class)
                .hasMessage(file
                        + ": the columns do not match the schema: missing 'c'; not in the schema 'b' (line 1 is the "
                        + "header: none of its 2 cells is a number)");
    }

    @Test
    void refusesACellLongerThanTheLimitWithoutReadingOn() throws IOException {
        Path file = csv("a,b\n1," + "7".repeat(CsvReader.MAX_CELL_CHARS + 1) + "\n");
        assertRejected(file, CsvTableOptions.DEFAULT.withDelimiter(','))
                .hasMessage(file + ": line 2, cell 2: a cell longer than the limit of 1,048,576 characters");
        // a quote left open swallows the rest of the file; the cell limit stops it and says why it may have happened
        Path open = csv("a,b\n\"x,1\n" + "2,3\n".repeat(300_000));
        assertRejected(open, CsvTableOptions.DEFAULT.withDelimiter(','))
                .hasMessage(
                        open + ": line 2, cell 1: a cell longer than the limit of 1,048,576 characters; is the quote "
                                + "opened there missing its closing quote?");
    }

    @Test
    void refusesALineWiderThanTheLimit() throws IOException {
        Path file = csv("0,".repeat(CsvReader.MAX_COLUMNS) + "0\n");
        assertRejected(file, CsvTableOptions.DEFAULT)
                .hasMessage(file + ": line 1 has more than the limit of 1,048,576 cells");
    }

    @Test
    void refusesABadDelimiterOption() {
        assertThatThrownBy(() -> CsvTableOptions.DEFAULT.withDelimiter('"'))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("U+0022");
    }
}
