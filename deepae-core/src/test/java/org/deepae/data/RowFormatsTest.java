package org.deepae.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RowFormatsTest {
    @TempDir
    Path dir;

    @Test
    void findsFormatsByNameEndingInAnyCase() throws DataFormatException {
        assertThat(RowFormats.forPath(Path.of("codes.CSV"))).isEqualTo(RowFormat.CSV);
        assertThat(RowFormats.forPath(Path.of("table.tsv"))).isEqualTo(RowFormat.CSV);
        assertThat(RowFormats.forPath(Path.of("x.npy"))).isEqualTo(RowFormat.NPY);
        assertThat(RowFormats.forPath(Path.of("train-images.idx3-ubyte"))).isEqualTo(RowFormat.IDX);
        assertThat(RowFormats.forPath(Path.of("t10k-images-idx3-ubyte.gz"))).isEqualTo(RowFormat.IDX);
        assertThat(RowFormats.forPath(Path.of("a.png"))).isEqualTo(RowFormat.PNG);
        assertThat(RowFormats.forPath(Path.of("t.parquet"))).isEqualTo(RowFormat.PARQUET);
        assertThat(RowFormats.find(Path.of("noending"))).isEmpty();
    }

    @Test
    void rejectsUnknownEndingNamingTheFileAndTheSupportedFormats() {
        assertThatThrownBy(() -> RowFormats.forPath(Path.of("data.xlsx")))
                .isInstanceOf(DataFormatException.class)
                .hasMessageContaining("data.xlsx")
                .hasMessageContaining("'.xlsx'")
                .hasMessageContaining("CSV text (.csv, .tsv, .txt)")
                .hasMessageContaining("NumPy .npy (.npy)")
                .hasMessageNotContaining("\n");
    }

    @Test
    void findsFormatsByName() {
        assertThat(RowFormats.forName("npy")).isEqualTo(RowFormat.NPY);
        assertThat(RowFormats.forName(" CSV ")).isEqualTo(RowFormat.CSV);
        assertThatThrownBy(() -> RowFormats.forName("xml"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown format 'xml'")
                .hasMessageContaining("IDX images");
    }

    @Test
    void writtenFormatsHaveOneEndingOfTheirOwn() {
        assertThat(RowFormat.CSV.suffix()).isEqualTo("csv");
        assertThat(RowFormat.NPY.suffix()).isEqualTo("npy");
        assertThat(RowFormat.CSV.isWritable()).isTrue();
        assertThat(RowFormat.PNG.isWritable()).isFalse();
        assertThat(RowFormat.PARQUET.isReadable()).isFalse();
    }

    @Test
    void writesAndReadsBackRowsInEachWritableFormat() throws IOException {
        Rows rows = new Rows(new float[] {0.25f, -1f, 3f, 0.5f}, 2, 2, null, "t");
        for (RowFormat format : RowFormat.values()) {
            if (!format.isWritable()) {
                assertThatThrownBy(() -> format.write(dir.resolve("x." + format.suffix()), rows, "x_"))
                        .isInstanceOf(UnsupportedOperationException.class);
                continue;
            }
            Path file = dir.resolve("rows." + format.suffix());
            format.write(file, rows, "x_");
            Rows back = format.read(file, InputOptions.defaults());
            assertThat(back.values()).containsExactly(rows.values());
            assertThat(back.count()).isEqualTo(2);
        }
    }

    @Test
    void namesTheFormatsReadAsRowsForMessages() {
        assertThat(RowFormats.readable()).isEqualTo("CSV, NPY, IDX or PNG");
    }
}
