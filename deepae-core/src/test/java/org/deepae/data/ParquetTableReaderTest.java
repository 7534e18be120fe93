package org.deepae.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.deepae.data.Column.Kind;
import org.deepae.data.TableSource.ColumnHead;
import org.deepae.testing.ParquetFiles;
import org.deepae.testing.ParquetFiles.Options;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ParquetTableReaderTest {
    private static final double NAN = Double.NaN;

    @TempDir
    Path dir;

    @Test
    void readsEveryNumericTypeWithMissingValuesAsNaN() throws Exception {
        Path file = ParquetFiles.write(
                dir.resolve("numbers.parquet"),
                """
        message m {
          optional int32 i32; optional int64 i64; optional float f; optional double d; optional boolean b;
          optional int32 small (INTEGER(8,true)); optional int32 u32 (INTEGER(32,false));
          optional int64 u64 (INTEGER(64,false));
          optional int32 price (DECIMAL(9,2)); optional int64 big (DECIMAL(18,3));
          optional fixed_len_byte_array(16) wide (DECIMAL(38,2));
        }""",
                new Object[] {7, 1L << 40, 1.5f, 0.1, true, -8, -1, -1L, 12345, -98765L, decimal16(-250)},
                new Object[] {null, null, null, null, null, null, null, null, null, null, null},
                new Object[] {-3, -5L, -0.25f, 1e300, false, 127, 5, 6L, 1, 0L, decimal16(1)});

        Table table = ParquetTableReader.read(file);

        assertThat(table.source()).isEqualTo(file.toString());
        assertThat(table.rows()).isEqualTo(3);
        assertThat(table.columns())
                .containsExactly(
                        new Column.Numeric("i32", new double[] {7, NAN, -3}),
                        new Column.Numeric("i64", new double[] {1L << 40, NAN, -5}),
                        new Column.Numeric("f", new double[] {1.5, NAN, -0.25}),
                        new Column.Numeric("d", new double[] {0.1, NAN, 1e300}),
                        new Column.Numeric("b", new double[] {1, NAN, 0}),
                        new Column.Numeric("small", new double[] {-8, NAN, 127}),
                        new Column.Numeric("u32", new double[] {4294967295.0, NAN, 5}),
                        new Column.Numeric("u64", new double[] {1.8446744073709552E19, NAN, 6}),
                        new Column.Numeric("price", new double[] {123.45, NAN, 0.01}),
                        new Column.Numeric("big", new double[] {-98.765, NAN, 0}),
                        new Column.Numeric("wide", new double[] {-2.5, NAN, 0.01}));
    }

    @Test
    void readsStringsAndEnumsWithMissingValuesAsNull() throws Exception {
        Path file = ParquetFiles.write(
                dir.resolve("text.parquet"),
                """
        message m { optional binary city (STRING); required binary level (ENUM); optional binary old (UTF8); }""",
                new Object[] {"Zürich ✓", "low", "a"},
                new Object[] {null, "high", null},
                new Object[] {"", "low", "𝄞"});

        Table table = ParquetTableReader.read(file);

        assertThat(table.columns())
                .containsExactly(
                        new Column.Text("city", new String[] {"Zürich ✓", null, ""}),
                        new Column.Text("level", new String[] {"low", "high", "low"}),
                        new Column.Text("old", new String[] {"a", null, "𝄞"}));
    }

    @Test
    void reportsTheColumnsOfTheFile() throws Exception {
        Path file = ParquetFiles.write(
                dir.resolve("heads.parquet"),
                "message m { required double x; optional binary s (STRING); required boolean flag; }");

        try (ParquetTableReader reader = ParquetTableReader.open(file, null)) {
            assertThat(reader.columns())
                    .containsExactly(
                            new ColumnHead("x", Kind.NUMERIC),
                            new ColumnHead("s", Kind.TEXT),
                            new ColumnHead("flag", Kind.NUMERIC));
            assertThat(reader.source()).isEqualTo(file.toString());
        }
    }

    @Test
    void chunksAcrossRowGroupsAndPagesEqualTheWholeRead() throws Exception {
        Object[][] rows = new Object[1000][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = new Object[] {i % 7 == 0 ? null : i * 0.5, i % 5 == 0 ? null : "c" + (i % 3), (long) i};
        }
        Path file = ParquetFiles.write(
                dir.resolve("groups.parquet"),
                "message m { optional double x; optional binary s (STRING); required int64 n; }",
                Options.DEFAULT.withSmallGroups(2_000, 50),
                rows);
        assertThat(ParquetFiles.rowGroups(file)).hasSizeGreaterThan(3);

        Table whole = ParquetTableReader.read(file);
        List<Table> chunks = new ArrayList<>();
        try (ParquetTableReader reader = ParquetTableReader.open(file, null)) {
            for (Table chunk = reader.next(77); chunk != null; chunk = reader.next(77)) {
                chunks.add(chunk);
            }
            assertThat(reader.next(77)).isNull();
        }

        assertThat(chunks).hasSize(13);
        assertThat(chunks).allSatisfy(c -> assertThat(c.rows()).isLessThanOrEqualTo(77));
        assertThat(concat(chunks)).isEqualTo(whole);
        assertThat(whole.rows()).isEqualTo(1000);
        assertThat(((Column.Numeric) whole.column(0)).values()[999]).isEqualTo(499.5);
        assertThat(whole.column(1).text(998)).isEqualTo("c2");
        assertThat(whole.column(0).isMissing(994)).isTrue();
    }

    @ParameterizedTest
    @EnumSource(
            value = CompressionCodecName.class,
            names = {"UNCOMPRESSED", "SNAPPY", "GZIP", "ZSTD", "LZ4_RAW"})
    void readsPagesOfEveryCommonCodec(CompressionCodecName codec) throws Exception {
        Object[][] rows = new Object[300][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = new Object[] {Math.sin(i), "word" + (i % 4)};
        }
        Path file = ParquetFiles.write(
                dir.resolve(codec + ".parquet"),
                "message m { required double x; required binary s (STRING); }",
                Options.DEFAULT.withCodec(codec).withSmallGroups(1_500, 40).withDictionary(false),
                rows);

        Table table = ParquetTableReader.read(file);

        assertThat(table.rows()).isEqualTo(300);
        assertThat(((Column.Numeric) table.column(0)).values()[299]).isEqualTo(Math.sin(299));
        assertThat(table.column(1).text(299)).isEqualTo("word3");
    }

    @Test
    void refusesACodecItCannotReadWhenOpened() throws Exception {
        Path file = ParquetFiles.write(
                dir.resolve("lzo.parquet"),
                "message m { required double x; }",
                Options.DEFAULT.withCodec(CompressionCodecName.LZO),
                new Object[] {1.0});

        assertThatThrownBy(() -> ParquetTableReader.open(file, null))
                .isInstanceOf(DataFormatException.class)
                .hasMessage(file + ": column 'x' is compressed with LZO, which deepae cannot read; write the file with "
                        + "SNAPPY, ZSTD, GZIP, LZ4_RAW or no compression");
    }

    @Test
    void readsTheColumnsOfAGivenSchemaInItsOrderAndSkipsTheOthers() throws Exception {
        Consumer<Group> tags = g -> g.addGroup("list").append("element", "t");
        Path file = ParquetFiles.write(
                dir.resolve("wide.parquet"), """
        message m {
          required double a; optional binary s (STRING);
          optional group tags (LIST) { repeated group list { optional binary element (STRING); } }
          required int32 b;
        }""", new Object[] {1.0, "x", tags, 10}, new Object[] {2.0, null, tags, 20
                });

        try (ParquetTableReader reader = ParquetTableReader.open(
                file, List.of(new ColumnHead("b", Kind.NUMERIC), new ColumnHead("s", Kind.TEXT)))) {
            assertThat(reader.columns())
                    .containsExactly(new ColumnHead("b", Kind.NUMERIC), new ColumnHead("s", Kind.TEXT));
            assertThat(reader.next(10).columns())
                    .containsExactly(
                            new Column.Numeric("b", new double[] {10, 20}),
                            new Column.Text("s", new String[] {"x", null}));
        }
    }

    @Test
    void namesTheMissingColumnsAndThoseOfAnotherKind() throws Exception {
        Path file = ParquetFiles.write(
                dir.resolve("other.parquet"), "message m { required double a; optional binary s (STRING); }");
        List<ColumnHead> expected = List.of(
                new ColumnHead("a", Kind.TEXT),
                new ColumnHead("s", Kind.TEXT),
                new ColumnHead("age", Kind.NUMERIC),
                new ColumnHead("zip", Kind.TEXT));

        assertThatThrownBy(() -> ParquetTableReader.open(file, expected))
                .isInstanceOf(DataFormatException.class)
                .hasMessage(file + ": does not have the expected columns: no columns 'age' and 'zip'; column 'a' is "
                        + "numeric (DOUBLE), expected text");
    }

    @Test
    void refusesNestedAndUnsupportedColumnsNamingEach() throws Exception {
        Path file = ParquetFiles.write(dir.resolve("nested.parquet"), """
        message m {
          required double ok;
          optional group tags (LIST) { repeated group list { optional binary element (STRING); } }
        }""");

        assertThatThrownBy(() -> ParquetTableReader.open(file, null))
                .isInstanceOf(DataFormatException.class)
                .hasMessage(
                        file + ": column 'tags' is a LIST, which deepae cannot read; keep only flat numeric, boolean "
                                + "and string columns");
    }

    @Test
    void describesEveryKindOfColumnItCannotRead() throws Exception {
        Path file = ParquetFiles.write(dir.resolve("odd.parquet"), """
        message m {
          optional group props (MAP) {
            repeated group key_value { required binary key (STRING); optional int32 value; }
          }
          optional group point { required double x; required double y; }
          repeated int32 counts;
          optional int96 legacy;
          optional int32 day (DATE);
          optional int64 at (TIMESTAMP(MILLIS,true));
          optional binary blob;
          optional fixed_len_byte_array(16) id (UUID);
          optional binary shape (GEOMETRY);
        }""");

        assertThatThrownBy(() -> ParquetTableReader.open(file, null))
                .isInstanceOf(DataFormatException.class)
                .hasMessage(file
                        + ": columns 'props' is a MAP, 'point' is a group of nested columns, 'counts' is a repeated "
                        + "INT32 (a list of values per row), 'legacy' is an INT96 (an old timestamp encoding), "
                        + "'day' is a DATE "
                        + "(INT32), 'at' is a TIMESTAMP(MILLIS,true) (INT64), 'blob' is a BINARY without a string "
                        + "annotation "
                        + "(raw bytes), 'id' is a UUID (FIXED_LEN_BYTE_ARRAY) and 'shape' is a GEOMETRY (BINARY), "
                        + "which deepae cannot read; keep only flat "
                        + "numeric, boolean and string columns");
    }

    @Test
    void aFileWithoutRowsHasItsColumnsAndNoChunk() throws Exception {
        Path file = ParquetFiles.write(
                dir.resolve("empty-table.parquet"), "message m { required double x; optional binary s (STRING); }");

        try (ParquetTableReader reader = ParquetTableReader.open(file, null)) {
            assertThat(reader.columns()).extracting(ColumnHead::name).containsExactly("x", "s");
            assertThat(reader.next(100)).isNull();
        }
        Table table = ParquetTableReader.read(file);
        assertThat(table.rows()).isZero();
        assertThat(table.columns())
                .containsExactly(new Column.Numeric("x", new double[0]), new Column.Text("s", new String[0]));
    }

    @Test
    void checksItsArgumentsAndState() throws Exception {
        Path file = ParquetFiles.write(
                dir.resolve("state.parquet"), "message m { required double x; }", new Object[] {1.0});
        ParquetTableReader reader = ParquetTableReader.open(file, null);

        assertThatThrownBy(() -> reader.next(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("row count must be positive, got 0");
        reader.close();
        reader.close();
        assertThatThrownBy(() -> reader.next(1))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
    }

    private static byte[] decimal16(long unscaled) {
        byte[] raw = BigInteger.valueOf(unscaled).toByteArray();
        byte[] out = new byte[16];
        Arrays.fill(out, 0, 16 - raw.length, unscaled < 0 ? (byte) -1 : 0);
        System.arraycopy(raw, 0, out, 16 - raw.length, raw.length);
        return out;
    }

    private static Table concat(List<Table> chunks) {
        Table first = chunks.get(0);
        List<Column> columns = new ArrayList<>();
        for (int c = 0; c < first.columns().size(); c++) {
            int col = c;
            if (first.column(c) instanceof Column.Numeric n) {
                double[] all = chunks.stream()
                        .flatMapToDouble(t -> Arrays.stream(((Column.Numeric) t.column(col)).values()))
                        .toArray();
                columns.add(new Column.Numeric(n.name(), all));
            } else {
                String[] all = chunks.stream()
                        .flatMap(t -> Arrays.stream(((Column.Text) t.column(col)).values()))
                        .toArray(String[]::new);
                columns.add(new Column.Text(first.column(c).name(), all));
            }
        }
        return new Table(first.source(), columns, columns.get(0).size());
    }
}
