package org.deepae.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvWriterTest {
    @TempDir
    Path dir;

    @Test
    void writesPrefixedHeaderAndLabelColumn() throws IOException {
        Path file = dir.resolve("codes.csv");
        CsvWriter.write(file, new Rows(new float[] {0.5f, -1f, 1e-3f, 2f}, 2, 2, new int[] {7, 3}, "t"), "code_");
        assertThat(Files.readString(file)).isEqualTo("code_0,code_1,label\n0.5,-1.0,7\n0.001,2.0,3\n");
        Rows back = CsvReader.read(file);
        assertThat(back.labels()).containsExactly(7, 3);
    }

    @Test
    void writesUnlabelledRowsWithoutLabelColumn() throws IOException {
        Path file = dir.resolve("x.csv");
        CsvWriter.write(file, new Rows(new float[] {1f}, 1, 1, null, "t"), "x_");
        assertThat(Files.readString(file)).isEqualTo("x_0\n1.0\n");
    }

    @Test
    void rejectsNonFiniteValuesAndBadPrefixesWithoutWriting() {
        Path file = dir.resolve("bad.csv");
        assertThatThrownBy(() -> CsvWriter.write(file, new Rows(new float[] {1f, Float.NaN}, 1, 2, null, "t"), "c"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("row 0, column 1");
        assertThatThrownBy(() -> CsvWriter.write(file, new Rows(new float[] {1f}, 1, 1, null, "t"), "a,b"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CsvWriter.write(file, new Rows(new float[] {1f}, 1, 1, null, "t"), "1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("numeric column names");
        assertThat(file).doesNotExist();
    }

    @Test
    void writesRowsOneAtATimeAfterTheHeaderQuotingCells() throws IOException {
        Path file = dir.resolve("t.csv");
        CsvWriter.write(file, csv -> {
            assertThat(csv.hasHeader()).isFalse();
            csv.header(java.util.List.of("id", "note"));
            csv.row(java.util.List.of("a", "x,y"));
            assertThatThrownBy(() -> csv.header(java.util.List.of("again"))).isInstanceOf(IllegalStateException.class);
        });
        assertThat(Files.readString(file)).isEqualTo("id,note\na,\"x,y\"\n");
    }

    @Test
    void writesATableWithItsColumnNames() throws IOException {
        Path file = dir.resolve("table.csv");
        Table table = new Table("t", java.util.List.of(new Column.Numeric("size", new double[] {1.5, 2})), 2);
        CsvWriter.write(file, table);
        assertThat(Files.readString(file)).isEqualTo("size\n1.5\n2.0\n");
    }
}
