package org.deepae.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;
import org.deepae.data.NpyReader;
import org.deepae.data.Rows;
import org.deepae.testing.ParquetFiles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code encode}, {@code reconstruct} and {@code anomalies} read, score and write a table a chunk at a time: the
 * files are the same whatever the chunk size and whether the table is CSV or Parquet, and a bad cell far into the
 * input leaves no output behind.
 */
class StreamingCommandsTest {

    private static final int ROWS = 120;

    @TempDir
    static Path shared;

    private static Path model;
    private static Path csv;
    private static Path parquet;

    @BeforeAll
    static void trainATableModel() throws IOException {
        Random random = new Random(5);
        StringBuilder text = new StringBuilder("id,temperature,pressure,site,state\n");
        List<Object[]> rows = new ArrayList<>();
        String[] sites = {"north", "south", "east"};
        for (int i = 0; i < ROWS; i++) {
            boolean fault = i % 10 == 9;
            String t = String.format(Locale.ROOT, "%.3f", 20 + 5 * random.nextGaussian());
            String p = String.format(
                    Locale.ROOT, "%.3f", fault ? 60 + 20 * random.nextGaussian() : 140 + 2 * random.nextGaussian());
            String temperature = i == 3 ? "NA" : t;
            text.append("s")
                    .append(i)
                    .append(',')
                    .append(temperature)
                    .append(',')
                    .append(p)
                    .append(',')
                    .append(sites[i % 3])
                    .append(',')
                    .append(fault ? "fault" : "ok")
                    .append('\n');
            rows.add(new Object[] {
                "s" + i,
                i == 3 ? null : Double.parseDouble(t),
                Double.parseDouble(p),
                sites[i % 3],
                fault ? "fault" : "ok"
            });
        }
        csv = Files.writeString(shared.resolve("sensors.csv"), text, StandardCharsets.UTF_8);
        parquet = ParquetFiles.write(
                shared.resolve("sensors.parquet"),
                "message m { required binary id (STRING); "
                        + "optional double temperature; required double pressure; required binary site (STRING); "
                        + "required binary state (STRING); }",
                rows.toArray(Object[][]::new));
        Path run = shared.resolve("run");
        CommandRun train = CommandRun.of(
                "train",
                "--dataset",
                csv.toString(),
                "--label-column",
                "state",
                "--id-column",
                "id",
                "--epochs",
                "3",
                "--batch-size",
                "16",
                "--out",
                run.toString());
        assertThat(train.exitCode()).as(train.err()).isZero();
        model = run.resolve("model");
    }

    private static CommandRun run(String command, Path input, Path out, String... more) {
        List<String> args = new ArrayList<>(
                List.of(command, "--model", model.toString(), "--input", input.toString(), "--out", out.toString()));
        args.addAll(List.of(more));
        CommandRun run = CommandRun.of(args.toArray(String[]::new));
        assertThat(run.exitCode()).as(run.err()).isZero();
        return run;
    }

    @Test
    void encodingInChunksWritesTheSameCodesAsInOneChunk(@TempDir Path dir) throws IOException {
        CommandRun whole = run("encode", csv, dir.resolve("whole.csv"), "--chunk-rows", "1000000");
        run("encode", csv, dir.resolve("chunked.csv"), "--chunk-rows", "7");
        run("encode", parquet, dir.resolve("parquet.csv"), "--chunk-rows", "11");
        assertThat(whole.out())
                .containsPattern("Encoded 120 rows of .*sensors.csv into codes of \\d+ values: .*whole.csv "
                        + "\\([\\d,]+ rows/s, \\d+\\.\\d\\d s\\)");
        assertThat(whole.err()).contains("note: imputed 1 missing value (temperature 1)");
        List<String> lines = Files.readAllLines(dir.resolve("whole.csv"));
        assertThat(lines).hasSize(ROWS + 1);
        assertThat(lines.get(0)).startsWith("id,label,code_0");
        assertThat(lines.get(10)).startsWith("s9,fault,");
        assertThat(Files.readAllLines(dir.resolve("chunked.csv"))).isEqualTo(lines);
        assertThat(Files.readAllLines(dir.resolve("parquet.csv"))).isEqualTo(lines);

        run("encode", csv, dir.resolve("whole.npy"), "--chunk-rows", "1000000");
        run("encode", csv, dir.resolve("chunked.npy"), "--chunk-rows", "7");
        assertThat(Files.readAllBytes(dir.resolve("chunked.npy")))
                .isEqualTo(Files.readAllBytes(dir.resolve("whole.npy")));
        Rows codes = NpyReader.read(dir.resolve("chunked.npy"));
        assertThat(codes.count()).isEqualTo(ROWS);
        for (int i = 0; i < ROWS; i++) {
            String[] cells = lines.get(i + 1).split(",", 0);
            for (int j = 0; j < codes.width(); j++) {
                assertThat(codes.values()[i * codes.width() + j]).isEqualTo(Float.parseFloat(cells[2 + j]));
            }
        }
        assertThat(leftovers(dir)).isEmpty();
    }

    @Test
    void reconstructingInChunksWritesTheSameTable(@TempDir Path dir) throws IOException {
        CommandRun whole = run("reconstruct", csv, dir.resolve("whole.csv"), "--chunk-rows", "1000000");
        run("reconstruct", csv, dir.resolve("chunked.csv"), "--chunk-rows", "8");
        run("reconstruct", parquet, dir.resolve("parquet.csv"), "--chunk-rows", "50");
        assertThat(whole.out()).containsPattern("Reconstructed 120 rows of .*: .*whole.csv \\([\\d,]+ rows/s");
        List<String> lines = Files.readAllLines(dir.resolve("whole.csv"));
        assertThat(lines.get(0)).isEqualTo("id,temperature,pressure,site");
        assertThat(lines).hasSize(ROWS + 1);
        assertThat(Files.readAllLines(dir.resolve("chunked.csv"))).isEqualTo(lines);
        assertThat(Files.readAllLines(dir.resolve("parquet.csv"))).isEqualTo(lines);
    }

    @Test
    void scoringInChunksWritesTheSameScoresAndEvaluation(@TempDir Path dir) throws IOException {
        String[] truth = {"--truth-column", "state", "--positive", "fault", "--threshold-percentile", "90"};
        CommandRun whole = run("anomalies", csv, dir.resolve("whole"), concat(truth, "--chunk-rows", "1000000"));
        CommandRun chunked = run("anomalies", csv, dir.resolve("chunked"), concat(truth, "--chunk-rows", "9"));
        CommandRun fromParquet = run("anomalies", parquet, dir.resolve("parquet"), concat(truth, "--chunk-rows", "13"));
        assertThat(whole.out())
                .containsPattern("\\d+ of 120 rows flagged: reconstruction error above [\\d.]+ \\(90th "
                        + "percentile[^)]*\\); scored [\\d,]+ rows/s, \\d+\\.\\d\\d s");
        assertThat(whole.out()).contains("worst row: s", "against the truth (12 anomalies in 120 rows): ROC AUC");
        List<String> scores = Files.readAllLines(dir.resolve("whole/scores.csv"));
        assertThat(scores).hasSize(ROWS + 1);
        assertThat(scores.get(0))
                .isEqualTo("id,label,error,flagged,top_column_1,top_share_1,top_column_2,top_share_2,"
                        + "top_column_3,top_share_3");
        assertThat(scores.get(10)).startsWith("s9,fault,");
        assertThat(Files.readAllLines(dir.resolve("chunked/scores.csv"))).isEqualTo(scores);
        assertThat(Files.readAllLines(dir.resolve("parquet/scores.csv"))).isEqualTo(scores);
        assertThat(withoutSpeed(chunked.out()))
                .isEqualTo(withoutSpeed(whole.out()).replace("whole", "chunked"));
        assertThat(withoutSpeed(fromParquet.out()).replace("parquet", "csv"))
                .isEqualTo(withoutSpeed(whole.out()).replace("whole", "csv"));
        assertThat(dir.resolve("chunked/roc.png")).exists();
        assertThat(leftovers(dir)).isEmpty();

        CommandRun json = run("anomalies", csv, dir.resolve("json"), "--chunk-rows", "10", "--json");
        assertThat(json.out()).contains("\"rows\" : 120", "\"rows_per_second\" : ", "\"seconds\" : ");
    }

    @Test
    void aBadCellOnALateLineLeavesNoOutputAndNamesFileAndLine(@TempDir Path dir) throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(csv));
        String[] cells = lines.get(110).split(",", 0);
        cells[2] = "high";
        lines.set(110, String.join(",", cells));
        Path bad = Files.write(dir.resolve("bad.csv"), lines);
        Path out = dir.resolve("out");
        Files.createDirectories(out);
        for (String[] args : List.of(
                new String[] {"encode", "codes.csv"},
                new String[] {"encode", "codes.npy"},
                new String[] {"reconstruct", "back.csv"},
                new String[] {"anomalies", "scores"})) {
            CommandRun run = CommandRun.of(
                    args[0],
                    "--model",
                    model.toString(),
                    "--input",
                    bad.toString(),
                    "--out",
                    out.resolve(args[1]).toString(),
                    "--chunk-rows",
                    "10");
            assertThat(run.exitCode()).as(args[0] + " " + run.err()).isEqualTo(1);
            assertThat(run.err().strip())
                    .doesNotContain("\n")
                    .contains(bad + ": line 111, column 3 'pressure': 'high' is not a number");
            assertThat(out.resolve(args[1])).doesNotExist();
        }
        try (Stream<Path> files = Files.list(out)) {
            assertThat(files).isEmpty();
        }
        assertThat(leftovers(dir)).isEmpty();
    }

    /** Hidden temporary files left in {@code dir}. */
    private static List<Path> leftovers(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(f -> f.getFileName().toString().startsWith(".")).toList();
        }
    }

    private static String withoutSpeed(String out) {
        return out.replaceAll("scored [\\d,]+ rows/s, [\\d.]+ s", "scored");
    }

    private static String[] concat(String[] a, String... b) {
        return Stream.concat(Stream.of(a), Stream.of(b)).toArray(String[]::new);
    }
}
