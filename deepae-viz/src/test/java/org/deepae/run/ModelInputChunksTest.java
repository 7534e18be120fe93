package org.deepae.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.deepae.data.CsvTableOptions;
import org.deepae.data.CsvTableReader;
import org.deepae.data.DataFormatException;
import org.deepae.data.DatasetCatalog;
import org.deepae.data.Preprocessing;
import org.deepae.data.PreprocessingOptions;
import org.deepae.data.Rows;
import org.deepae.data.Table;
import org.deepae.model.Activation;
import org.deepae.model.DenseSpec;
import org.deepae.model.Loss;
import org.deepae.store.ModelInfo;
import org.deepae.testing.ParquetFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link ModelInput#open}: a table read in chunks gives the rows {@link ModelInput#read} gives whole. */
class ModelInputChunksTest {

    /** Rows of id, temperature (one missing), site, state (the label) and a note column the model never saw. */
    private static String csv(int rows) {
        StringBuilder text = new StringBuilder("id,temperature,site,state,note\n");
        String[] sites = {"north", "south", "east"};
        for (int i = 0; i < rows; i++) {
            text.append("r")
                    .append(i)
                    .append(',')
                    .append(i == 4 ? "NA" : String.format(Locale.ROOT, "%.2f", 20 + i * 0.5))
                    .append(',')
                    .append(sites[i % 3])
                    .append(',')
                    .append(i % 5 == 4 ? "fault" : "ok")
                    .append(',')
                    .append(i % 2 == 0 ? "even" : "7")
                    .append('\n');
        }
        return text.toString();
    }

    /** A model fitted on temperature and site, with state as its label column and id as its id column. */
    private static ModelInfo model(Path dir) throws IOException {
        Path train = Files.writeString(
                dir.resolve("train.csv"),
                "temperature,site\n20,north\n21,south\n22,east\n23,north\n",
                StandardCharsets.UTF_8);
        Table table = CsvTableReader.read(train, CsvTableOptions.DEFAULT);
        Preprocessing preprocessing = Preprocessing.fit(table, PreprocessingOptions.defaults());
        DenseSpec spec = new DenseSpec(preprocessing.width(), List.of(2), Activation.RELU, Activation.LINEAR, Loss.MSE);
        return ModelInfo.builder(spec)
                .training(Map.of("data_kind", "table", "label_column", "state", "id_column", "id"))
                .rows(4, 0)
                .deepaeVersion("test")
                .preprocessing(preprocessing)
                .labelNames(List.of("ok"))
                .build();
    }

    private static ModelInput.Request request(Path input, String truthColumn) {
        return new ModelInput.Request(
                input.toString(), null, null, null, truthColumn, null, new DatasetCatalog(input.getParent()));
    }

    @Test
    void chunksOfACsvTableAreTheWholeTableInPieces(@TempDir Path dir) throws IOException {
        ModelInfo info = model(dir);
        Path input = Files.writeString(dir.resolve("score.csv"), csv(23), StandardCharsets.UTF_8);
        ModelInput.Read whole = ModelInput.read(request(input, "note"), info);
        List<ModelInput.Chunk> chunks = new ArrayList<>();
        List<String> notes;
        try (InputChunks open = ModelInput.open(request(input, "note"), info, 5)) {
            assertThat(open.hasLabels()).isTrue();
            ModelInput.Chunk chunk;
            while ((chunk = open.next()) != null) {
                chunks.add(chunk);
            }
            assertThat(open.rowsRead()).isEqualTo(23);
            assertThat(open.labelNames()).containsExactly("ok", "fault");
            notes = open.notes();
        }
        assertThat(chunks).extracting(c -> c.rows().count()).containsExactly(5, 5, 5, 5, 3);
        assertThat(chunks).extracting(ModelInput.Chunk::first).containsExactly(0L, 5L, 10L, 15L, 20L);
        Rows rows = whole.rows();
        assertThat(rows.count()).isEqualTo(23);
        int width = rows.width();
        for (ModelInput.Chunk chunk : chunks) {
            for (int i = 0; i < chunk.rows().count(); i++) {
                int r = (int) chunk.first() + i;
                assertThat(chunk.rows().row(i)).containsExactly(rows.row(r));
                assertThat(chunk.id(i)).isEqualTo("r" + r).isEqualTo(rows.id(r));
                assertThat(chunk.rows().labels()[i]).isEqualTo(rows.labels()[r]).isEqualTo(r % 5 == 4 ? 1 : 0);
                assertThat(chunk.truth()[i]).isEqualTo(whole.truth()[r]).isEqualTo(r % 2 == 0 ? "even" : "7");
            }
            assertThat(chunk.rows().width()).isEqualTo(width);
        }
        // the notes add up the chunks: the one missing temperature imputed
        assertThat(notes).containsExactly("imputed 1 missing value (temperature 1)");
        assertThat(whole.notes()).isEqualTo(notes);
    }

    @Test
    void aParquetTableReadsOnlyTheColumnsItNeedsWithTheFileKinds(@TempDir Path dir) throws IOException {
        ModelInfo info = model(dir);
        Path input = dir.resolve("score.parquet");
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            rows.add(new Object[] {
                (long) i, 20.0 + i, i % 2 == 0 ? "north" : "west", i % 3 == 0 ? "fault" : "ok", "unused"
            });
        }
        ParquetFiles.write(
                input,
                "message m { required int64 id; required double temperature; required binary site "
                        + "(STRING); required binary state (STRING); required binary note (STRING); }",
                rows.toArray(Object[][]::new));
        ModelInput.Read whole = ModelInput.read(request(input, null), info);
        try (InputChunks open = ModelInput.open(request(input, null), info, 4)) {
            ModelInput.Chunk chunk;
            int r = 0;
            while ((chunk = open.next()) != null) {
                for (int i = 0; i < chunk.rows().count(); i++, r++) {
                    assertThat(chunk.rows().row(i)).containsExactly(whole.rows().row(r));
                    assertThat(chunk.id(i)).isEqualTo(Integer.toString(r)); // an integer id as a table shows it
                    assertThat(chunk.rows().labels()[i]).isEqualTo(r % 3 == 0 ? 1 : 0);
                }
            }
            assertThat(r).isEqualTo(11);
            assertThat(open.notes()).containsExactly("scored 5 values as <other> (site 5)");
        }
    }

    @Test
    void aBadCellOnALateLineFailsThatChunkNamingFileAndLine(@TempDir Path dir) throws IOException {
        ModelInfo info = model(dir);
        String text = csv(30).replace("\nr27,33.50,", "\nr27,warm,");
        Path input = Files.writeString(dir.resolve("late.csv"), text, StandardCharsets.UTF_8);
        try (InputChunks open = ModelInput.open(request(input, null), info, 10)) {
            assertThat(open.next().rows().count()).isEqualTo(10);
            assertThat(open.next().rows().count()).isEqualTo(10);
            assertThatThrownBy(open::next)
                    .isInstanceOf(DataFormatException.class)
                    .hasMessageStartingWith(input + ": line 29, column 2 'temperature': 'warm' is not a number");
        }
    }

    @Test
    void aTableWithoutAModelColumnIsRefusedWhenOpened(@TempDir Path dir) throws IOException {
        ModelInfo info = model(dir);
        Path input = Files.writeString(dir.resolve("short.csv"), "id,site\nr1,north\n", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> ModelInput.open(request(input, null), info))
                .isInstanceOf(DataFormatException.class)
                .hasMessage(input + ": the model needs the column 'temperature', which the table does not have");
        Path header = Files.writeString(dir.resolve("header.csv"), "temperature,site\n", StandardCharsets.UTF_8);
        try (InputChunks open = ModelInput.open(request(header, null), info)) {
            assertThatThrownBy(open::next).hasMessage(header + ": the table has no rows");
        }
    }

    @Test
    void labelsWrittenAsAnotherNumberFindTheModelsLabel(@TempDir Path dir) throws IOException {
        ModelInfo base = model(dir);
        ModelInfo info = ModelInfo.builder(base.spec())
                .training(Map.of("data_kind", "table", "label_column", "target"))
                .rows(4, 0)
                .deepaeVersion("test")
                .preprocessing(base.preprocessing())
                .labelNames(List.of("0", "1"))
                .build();
        Path input = Files.writeString(
                dir.resolve("numbers.csv"),
                "temperature,site,target\n20,north,1.0\n21,south,0\n22,east,2\n",
                StandardCharsets.UTF_8);
        try (InputChunks open = ModelInput.open(request(input, null), info)) {
            assertThat(open.next().rows().labels()).containsExactly(1, 0, 2);
            assertThat(open.labelNames()).containsExactly("0", "1", "2");
        }
    }

    @Test
    void matchingComparesTextAndNumbers() {
        var positive = ModelInput.matching(List.of("fault", "1"));
        assertThat(positive.test("fault")).isTrue();
        assertThat(positive.test("1.0")).isTrue();
        assertThat(positive.test("1")).isTrue();
        assertThat(positive.test("Fault")).isFalse();
        assertThat(positive.test("10")).isFalse();
        assertThat(positive.test("")).isFalse();
        assertThat(positive.test(null)).isFalse();
    }

    @Test
    void imagesAndArraysAreHandedOutInSlices(@TempDir Path dir) throws IOException {
        float[][] values = new float[7][3];
        for (int i = 0; i < 7; i++) {
            values[i] = new float[] {i, i + 0.5f, -i};
        }
        Path npy = dir.resolve("rows.npy");
        org.deepae.data.NpyWriter.write(npy, Rows.of(values, "rows"));
        DenseSpec spec = new DenseSpec(3, List.of(2), Activation.RELU, Activation.LINEAR, Loss.MSE);
        ModelInfo info =
                ModelInfo.builder(spec).rows(7, 0).deepaeVersion("test").build();
        try (InputChunks open = ModelInput.open(request(npy, null), info, 3)) {
            List<Integer> counts = new ArrayList<>();
            ModelInput.Chunk chunk;
            while ((chunk = open.next()) != null) {
                counts.add(chunk.rows().count());
                for (int i = 0; i < chunk.rows().count(); i++) {
                    assertThat(chunk.rows().row(i)).containsExactly(values[(int) chunk.first() + i]);
                    assertThat(chunk.id(i)).isEqualTo(Long.toString(chunk.first() + i));
                }
            }
            assertThat(counts).containsExactly(3, 3, 1);
        }
    }
}
