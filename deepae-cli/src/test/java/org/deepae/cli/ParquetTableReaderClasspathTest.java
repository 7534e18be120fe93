package org.deepae.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.deepae.data.Column;
import org.deepae.data.DataFormatException;
import org.deepae.data.ParquetTableReader;
import org.deepae.data.Table;
import org.deepae.testing.ParquetFiles;
import org.deepae.testing.ParquetFiles.Options;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reads Parquet files in a child JVM on exactly the launcher's classpath ({@code deepae-cli/target/classpath.txt}, with
 * the library modules), where the
 * dependencies that pom.xml excludes are missing, as they are for a user: nothing may need them, and nothing may log.
 */
@Tag("slow")
class ParquetTableReaderClasspathTest {

    @TempDir
    Path dir;

    @Test
    void readsOnTheLaunchersClasspathWithoutAWordOnStandardError() throws Exception {
        Object[][] rows = new Object[500][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = new Object[] {i * 2.0, i % 2 == 0, i % 3 == 0 ? null : "s" + (i % 4), (long) i, i};
        }
        String schema = "message m { required double x; required boolean b; optional binary s (STRING);"
                + " optional int64 n; required int32 price (DECIMAL(9,2)); }";
        Path plain = ParquetFiles.write(dir.resolve("plain.parquet"), schema, rows);
        Path snappy = ParquetFiles.write(
                dir.resolve("snappy.parquet"), schema, Options.DEFAULT.withCodec(CompressionCodecName.SNAPPY), rows);
        Path zstd = ParquetFiles.write(
                dir.resolve("zstd.parquet"), schema, Options.DEFAULT.withCodec(CompressionCodecName.ZSTD), rows);
        Path geometry = ParquetFiles.write(
                dir.resolve("geometry.parquet"),
                "message m { required double x; optional binary shape (GEOMETRY); }",
                new Object[] {1.0, null});
        Path text = Files.writeString(dir.resolve("text.parquet"), "not parquet");

        Child child = run(plain, snappy, zstd, geometry, text);

        assertThat(child.err()).isEmpty();
        String sums = "500 rows, 5 columns, x sums to 249500.0, b to 250.0, s has 167 missing";
        assertThat(child.out())
                .containsExactly(
                        sums,
                        sums,
                        sums,
                        geometry
                                + ": column 'shape' is a GEOMETRY (BINARY), which deepae cannot read; keep only "
                                + "flat numeric, "
                                + "boolean and string columns",
                        text + ": is not a Parquet file (it does not start with PAR1, Parquet's magic number)");
        assertThat(child.exit()).isZero();
    }

    private record Child(int exit, List<String> out, String err) {}

    private Child run(Path... files) throws IOException, InterruptedException {
        Path classes = Path.of(ParquetTableReader.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .getPath());
        Path testClasses = Path.of(Reading.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .getPath());
        Path classpathFile = Path.of("target", "classpath.txt").toAbsolutePath();
        assertThat(classpathFile)
                .as("the build writes the launcher's classpath")
                .exists();
        String classpath = classes + ":" + testClasses + ":"
                + Files.readString(classpathFile).strip();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                classpath,
                Reading.class.getName()));
        for (Path file : files) {
            command.add(file.toString());
        }
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        Process p = new ProcessBuilder(command)
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("the child ends").isTrue();
        return new Child(
                p.exitValue(),
                Files.readAllLines(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    /** The child: reads each file and prints what it holds, or its one-line error. */
    public static final class Reading {
        private Reading() {}

        public static void main(String[] args) throws IOException {
            for (String arg : args) {
                try {
                    Table table = ParquetTableReader.read(Path.of(arg));
                    double[] x = ((Column.Numeric) table.column(0)).values();
                    double[] b = ((Column.Numeric) table.column(1)).values();
                    Column s = table.column(2);
                    long missing = IntStream.range(0, table.rows())
                            .filter(s::isMissing)
                            .count();
                    System.out.println(
                            table.rows() + " rows, " + table.columns().size() + " columns, x sums to "
                                    + Arrays.stream(x).sum() + ", b to "
                                    + Arrays.stream(b).sum() + ", s has "
                                    + missing + " missing");
                } catch (DataFormatException e) {
                    System.out.println(e.getMessage());
                }
            }
        }
    }
}
