package org.deepae.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.deepae.data.CsvTableOptions.Header;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The delimiter, header and naming decisions of {@link CsvTableReader}, and their explanations. */
class CsvTableLayoutTest {
    @TempDir
    Path dir;

    private CsvLayout layout(String name, String text, CsvTableOptions options) throws IOException {
        Path file = Files.writeString(dir.resolve(name), text);
        try (CsvTableReader reader = CsvTableReader.open(file, options, null)) {
            return reader.layout();
        }
    }

    private CsvLayout layout(String text) throws IOException {
        return layout("data.csv", text, CsvTableOptions.DEFAULT);
    }

    @Test
    void sniffsCommaSemicolonAndTab() throws IOException {
        assertThat(layout("a,b,c\n1,2,3\n").delimiter()).isEqualTo(',');
        CsvLayout semicolon = layout("a;b\n1,5;2\n3;4,5\n");
        assertThat(semicolon.delimiter()).isEqualTo(';');
        assertThat(semicolon.delimiterReason()).isEqualTo("';' gives 2 cells on each of the first 3 lines");
        assertThat(layout("a\tb\n1\t2\n").delimiter()).isEqualTo('\t');
    }

    @Test
    void ignoresDelimitersInsideQuotesWhenSniffing() throws IOException {
        assertThat(layout("a;b\n\"x,y,z\";1\n\"p,q\";2\n").delimiter()).isEqualTo(';');
    }

    @Test
    void prefersTabForTsvFiles() throws IOException {
        // both ',' and tab give 2 cells everywhere: the .tsv name decides
        String text = "a,x\tb\n1,2\t3\n";
        assertThat(layout("data.csv", text, CsvTableOptions.DEFAULT).delimiter())
                .isEqualTo(',');
        assertThat(layout("data.tsv", text, CsvTableOptions.DEFAULT).delimiter())
                .isEqualTo('\t');
    }

    @Test
    void takesTheDelimiterOptionOverTheSniffer() throws IOException {
        CsvLayout given = layout("data.csv", "a;b,c\n1;2,3\n", CsvTableOptions.DEFAULT.withDelimiter(';'));
        assertThat(given.delimiter()).isEqualTo(';');
        assertThat(given.delimiterReason()).isEqualTo("given in the options");
        assertThat(given.columns()).hasSize(2);
    }

    @Test
    void readsAFileWithoutDelimiterAsOneColumn() throws IOException {
        CsvLayout single = layout("x\n1\n2\n");
        assertThat(single.columns()).hasSize(1);
        assertThat(single.delimiterReason()).startsWith("one column");
    }

    @Test
    void refusesAFileWhereNoDelimiterFitsInOneLine() throws IOException {
        Path file = Files.writeString(dir.resolve("odd.csv"), "a,b;c\n1;2;3,4,5\n6,7\n");
        assertThatThrownBy(() -> CsvTableReader.read(file, CsvTableOptions.DEFAULT))
                .isInstanceOf(DataFormatException.class)
                .hasMessage(file
                        + ": cannot tell the delimiter: on the first 3 lines ',' gives 2 to 3, ';' gives 1 to 3, tab "
                        + "gives 1 cells, and none gives the same number (at least 2) on every line; give the "
                        + "delimiter "
                        + "explicitly (delimiter option)")
                .message()
                .doesNotContain("\n");
    }

    @Test
    void takesTheOnlyDelimiterFoundSoThatTheRaggedLineIsNamed() throws IOException {
        Path file = Files.writeString(dir.resolve("r.csv"), "a,b\n1,2\n3,4,5\n");
        assertThatThrownBy(() -> CsvTableReader.read(file, CsvTableOptions.DEFAULT))
                .hasMessageContaining("line 3 has more than 2 cells");
    }

    @Test
    void explainsAutoHeaderDecisions() throws IOException {
        CsvLayout header = layout("a,b,,NA,c\n1,2,3,4,5\n");
        assertThat(header.header()).isTrue();
        assertThat(header.headerReason()).isEqualTo("line 1 is the header: none of its 5 cells is a number");
        CsvLayout data = layout("# comment\nx,3.5,7\ny,1,2\n");
        assertThat(data.header()).isFalse();
        assertThat(data.headerReason())
                .isEqualTo("no header: line 2 has numeric cells (column 2 '3.5', column 3 '7'), so it is data");
        assertThat(data.columns().get(0).reason()).isEqualTo("text: line 2 has 'x', which is not a number");
        CsvLayout many = layout("1,2,3,4,5\n");
        assertThat(many.headerReason())
                .endsWith("(column 1 '1', column 2 '2', column 3 '3' and 2 more), so it is data");
    }

    @Test
    void keepsTheFirstDataRowWhenThereIsNoHeader() throws IOException {
        Table table =
                CsvTableReader.read(Files.writeString(dir.resolve("n.csv"), "1,a\n2,b\n"), CsvTableOptions.DEFAULT);
        assertThat(table.rows()).isEqualTo(2);
        assertThat(table.names()).containsExactly("column_1", "column_2");
    }

    @Test
    void followsPresentAndAbsentHeaderOptions() throws IOException {
        CsvLayout present = layout("data.csv", "2019,2020\n1,2\n", CsvTableOptions.DEFAULT.withHeader(Header.PRESENT));
        assertThat(present.header()).isTrue();
        assertThat(present.columns().get(0).name()).isEqualTo("2019");
        assertThat(present.headerReason()).isEqualTo("line 1 is the header, as the options say");
        CsvLayout absent = layout("data.csv", "a,b\nc,d\n", CsvTableOptions.DEFAULT.withHeader(Header.ABSENT));
        assertThat(absent.header()).isFalse();
        assertThat(absent.headerReason())
                .isEqualTo("no header, as the options say: line 1 is data and the columns are "
                        + "named column_1 to column_2");
        assertThat(absent.columns()).extracting(CsvLayout.ColumnLayout::name).containsExactly("column_1", "column_2");
    }

    @Test
    void makesHeaderNamesUniqueAndSaysSo() throws IOException {
        CsvLayout layout = layout("a,a,,a_2,a\n1,2,3,4,5\n");
        assertThat(layout.columns())
                .extracting(CsvLayout.ColumnLayout::name)
                .containsExactly("a", "a_3", "column_3", "a_2", "a_4");
        assertThat(layout.notes())
                .containsExactly(
                        "column 3 has an empty header cell; named column_3",
                        "column 2: the header 'a' repeats column 1's; named 'a_3'",
                        "column 5: the header 'a' repeats column 1's; named 'a_4'");
    }
}
