package org.deepae.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("slow")
class CsvReaderTest {
    @TempDir
    Path dir;

    private Path csv(String text) throws IOException {
        return Files.writeString(dir.resolve("data.csv"), text);
    }

    private AbstractThrowableAssert<?, ? extends Throwable> assertRejected(Path file, String labelColumn) {
        return assertThatThrownBy(() -> CsvReader.read(file, labelColumn))
                .isInstanceOf(DataFormatException.class)
                .hasMessageStartingWith(file + ": ");
    }

    @Test
    void readsNumbersWithoutHeader() throws IOException {
        Rows rows = CsvReader.read(csv("1,2.5,-3\n4e-3, 5 ,6\n"));
        assertThat(rows.count()).isEqualTo(2);
        assertThat(rows.width()).isEqualTo(3);
        assertThat(rows.values()).containsExactly(1f, 2.5f, -3f, 4e-3f, 5f, 6f);
        assertThat(rows.hasLabels()).isFalse();
        assertThat(rows.isImages()).isFalse();
    }

    @Test
    void keepsEveryLabelOfManyNarrowRows() throws IOException {
        // labels outgrow their first array before the values do: a regression test for a lost label
        StringBuilder text = new StringBuilder("x,label\n");
        for (int i = 0; i < 3000; i++) {
            text.append(i).append(',').append(i % 10).append('\n');
        }
        Rows rows = CsvReader.read(csv(text.toString()));
        assertThat(rows.count()).isEqualTo(3000);
        for (int i = 0; i < 3000; i++) {
            assertThat(rows.labels()[i]).as("label of row %d", i).isEqualTo(i % 10);
            assertThat(rows.values()[i]).isEqualTo(i);
        }
    }

    @Test
    void detectsHeaderAndSkipsCommentsAndBlankLines() throws IOException {
        Rows rows = CsvReader.read(csv("# made by hand\n\nx,y\n  \n1,2\n# middle\n3,4\n\n"));
        assertThat(rows.values()).containsExactly(1f, 2f, 3f, 4f);
    }

    @Test
    void acceptsQuotedCells() throws IOException {
        Rows rows = CsvReader.read(csv("\"a\",\"b, c\"\n\"1.5\", \"2\" \n"));
        assertThat(rows.values()).containsExactly(1.5f, 2f);
    }

    @Test
    void takesLabelColumnByName() throws IOException {
        Rows rows = CsvReader.read(csv("x,digit,y\n1,3,2\n4,0,5\n"), "digit");
        assertThat(rows.labels()).containsExactly(3, 0);
        assertThat(rows.values()).containsExactly(1f, 2f, 4f, 5f);
    }

    @Test
    void takesLabelColumnByIndexWithOrWithoutHeader() throws IOException {
        assertThat(CsvReader.read(csv("7,1,2\n8,3,4\n"), "0").labels()).containsExactly(7, 8);
        Rows rows = CsvReader.read(csv("a,b,c\n1,2,9\n3,4,5.0\n"), "2");
        assertThat(rows.labels()).containsExactly(9, 5);
        assertThat(rows.values()).containsExactly(1f, 2f, 3f, 4f);
    }

    @Test
    void usesLabelHeaderColumnWhenNoneIsGiven() throws IOException {
        Rows rows = CsvReader.read(csv("label,p0,p1\n4,0.5,0.25\n"));
        assertThat(rows.labels()).containsExactly(4);
        assertThat(rows.values()).containsExactly(0.5f, 0.25f);
    }

    @Test
    void rejectsUnknownLabelColumn() throws IOException {
        assertRejected(csv("a,b\n1,2\n"), "digit").hasMessageContaining("line 1: no column named 'digit'");
        assertRejected(csv("1,2\n"), "digit").hasMessageContaining("must be a 0-based column index");
        assertRejected(csv("1,2\n"), "2").hasMessageContaining("label column 2 (0-based) is out of range");
    }

    @Test
    void rejectsLabelsThatAreNotWholeNumbers() throws IOException {
        assertRejected(csv("label,x\n1,2\n-1,3\n"), null).hasMessageContaining("line 3, column 1: label '-1'");
        assertRejected(csv("label,x\n1.5,2\n"), null).hasMessageContaining("line 2, column 1: label '1.5'");
    }

    @Test
    void rejectsRaggedRowNamingTheLine() throws IOException {
        assertRejected(csv("a,b,c,d\n1,2,3,4\n\n# c\n1,2,3,4\n1,2,3,4\n1,2,3,4,5\n"), null)
                .hasMessageContaining(
                        "line 7 has more than 4 columns, expected 4 (as on line 1); stopped reading it at column 5");
        assertRejected(csv("1,2\n3,4,5\n"), null)
                .hasMessageContaining(
                        "line 2 has more than 2 columns, expected 2 (as on line 1); stopped reading it at column 3");
    }

    @Test
    void rejectsNonNumericCellNamingLineAndColumn() throws IOException {
        assertRejected(csv("a,b\n1,2\n3,abc\n"), null).hasMessageContaining("line 3, column 2: 'abc' is not a number");
        assertRejected(csv("1,2\n3,\n"), null).hasMessageContaining("line 2, column 2: empty cell is not a number");
    }

    @Test
    void rejectsNanAndInfinityNamingLineAndColumn() throws IOException {
        assertRejected(csv("1,2\n3,NaN\n"), null)
                .hasMessageContaining("line 2, column 2: 'NaN' is not a finite number");
        assertRejected(csv("1,2\n-inf,2\n"), null).hasMessageContaining("line 2, column 1: '-inf'");
        assertRejected(csv("1,2\n1e39,2\n"), null).hasMessageContaining("line 2, column 1: '1e39' is too large");
    }

    @Test
    void rejectsEmptyFileAndHeaderOnly() throws IOException {
        assertRejected(csv(""), null).hasMessageContaining("no data");
        assertRejected(csv("# nothing\n\n"), null).hasMessageContaining("no data");
        assertRejected(csv("a,b\n"), null).hasMessageContaining("line 1 is a header but no data rows follow");
    }

    @Test
    void suggestsTheDelimiterForSemicolonAndTabFiles() throws IOException {
        assertRejected(csv("1;2;3\n4;5;6\n"), null)
                .hasMessageContaining("line 1")
                .hasMessageContaining("semicolon");
        assertRejected(csv("a;b\n1;2\n"), null).hasMessageContaining("line 1").hasMessageContaining("semicolon");
        assertRejected(csv("1\t2\n3\t4\n"), null).hasMessageContaining("line 1").hasMessageContaining("tab-separated");
    }

    @Test
    void rejectsBinaryContent() throws IOException {
        Path file = Files.write(dir.resolve("b.csv"), new byte[] {'1', ',', (byte) 0xC3, (byte) 0x28, '\n'});
        assertRejected(file, null).hasMessageContaining("line 1: expected UTF-8 text");
    }

    @Test
    void readsTenThousandWideRowsQuickly() throws IOException {
        StringBuilder text = new StringBuilder();
        for (int r = 0; r < 10_000; r++) {
            for (int c = 0; c < 784; c++) {
                text.append(c == 0 ? "" : ",").append(((r * 31 + c) % 255) / 255f);
            }
            text.append('\n');
        }
        Path file = csv(text.toString());
        long start = System.nanoTime();
        Rows rows = CsvReader.read(file);
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(rows.count()).isEqualTo(10_000);
        assertThat(rows.width()).isEqualTo(784);
        assertThat(millis).as("milliseconds to read 10,000 x 784").isLessThan(5_000);
    }

    /** A line of {@code cells} cells {@code 0.5}: 4 characters a cell. */
    private static String wideLine(int cells) {
        return "0.5,".repeat(cells - 1) + "0.5\n";
    }

    @Test
    void refusesATooWideLineAtItsFirstExtraCell() throws IOException {
        // a 4 MB line was read and split whole before its width was checked (3.6 GB for an 80 MB line)
        Path file = csv("a,b,c,d\n1,2,3,4\n" + wideLine(1_000_000));
        assertRejected(file, null)
                .hasMessage(file + ": line 3 has more than 4 columns, expected 4 (as on line 1); "
                        + "stopped reading it at column 5");
    }

    @Test
    void stopsReadingATooWideLineEarly() {
        String text = "1,2,3,4\n" + wideLine(1_000_000);
        long[] read = {0};
        Reader counting = new FilterReader(new StringReader(text)) {
            @Override
            public int read(char[] buffer, int offset, int length) throws IOException {
                int n = super.read(buffer, offset, length);
                read[0] += Math.max(n, 0);
                return n;
            }
        };
        assertThatThrownBy(() -> CsvReader.read(counting, "text", null, CsvReader.MAX_LINE_CHARS))
                .hasMessage("text: line 2 has more than 4 columns, expected 4 (as on line 1); stopped reading it at "
                        + "column 5");
        assertThat(read[0]).as("characters read of %d", text.length()).isLessThan(200_000);
    }

    @Test
    void refusesACellLongerThanTheLimit() throws IOException {
        Path file = csv("1,2\n3," + "7".repeat(CsvReader.MAX_CELL_CHARS + 1) + "\n");
        assertRejected(file, null)
                .hasMessage(file + ": line 2, column 2: a cell longer than the limit of 1,048,576 characters");
        Path quoted = csv("\"" + "x".repeat(CsvReader.MAX_CELL_CHARS + 1) + "\",1\n1,2\n");
        assertRejected(quoted, null)
                .hasMessage(quoted + ": line 1, column 1: a cell longer than the limit of 1,048,576 characters");
    }

    @Test
    void refusesAFirstLineWithMoreColumnsThanTheLimit() throws IOException {
        Path file = csv(wideLine(CsvReader.MAX_COLUMNS + 1));
        assertRejected(file, null).hasMessage(file + ": line 1 has more than the limit of 1,048,576 columns");
    }

    @Test
    void refusesALineLongerThanTheLimit() {
        assertThatThrownBy(() -> CsvReader.read(new StringReader("1,2\n3,      4\n"), "text", null, 8))
                .hasMessage("text: line 2 is longer than the limit of 8 characters per line");
    }

    @Test
    void countsNoCommasInQuotesCommentsOrAfterAnEscapedQuote() throws IOException {
        Rows rows = CsvReader.read(csv("\"a,b\",\"c \"\"d,e\"\"\"\n# a, comment, with, commas\n1,2\r\n3,4\r5,6\n"));
        assertThat(rows.count()).isEqualTo(3);
        assertThat(rows.values()).containsExactly(1f, 2f, 3f, 4f, 5f, 6f);
    }

    @Test
    void refusesAFirstLineMixingNumbersAndTextInsteadOfDroppingIt() throws IOException {
        // a typo in a headerless file's first row made it a header, and that row was silently lost
        Path file = csv("1,2,abc,4\n5,6,7,8\n");
        assertRejected(file, null)
                .hasMessage(file + ": line 1 mixes numbers and text: cell 3 'abc'; a header must have "
                        + "no numeric cell, and a data row only numbers");
        Path empty = csv("# data\n1,,3\n4,5,6\n");
        assertRejected(empty, null).hasMessageContaining("line 2 mixes numbers and text: cell 2 (empty)");
    }

    @Test
    void takesAFirstLineOfOnlyTextAsTheHeader() throws IOException {
        Rows rows = CsvReader.read(csv(",x,label\n1,2,3\n"));
        assertThat(rows.values()).containsExactly(1f, 2f);
        assertThat(rows.labels()).containsExactly(3);
    }
}
