package org.deepae.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainingDataTest {

    @Test
    void theTestSplitIsSeededDisjointInFileOrderAndHoldsAtLeastOneRow() throws Exception {
        int[][] a = TrainingData.split(100, 0.2, 7, "t");
        int[][] b = TrainingData.split(100, 0.2, 7, "t");
        assertThat(a[0]).containsExactly(b[0]);
        assertThat(a[1]).hasSize(20).isSorted();
        assertThat(a[0]).hasSize(80).isSorted().doesNotContain(a[1]);
        assertThat(TrainingData.split(100, 0.2, 8, "t")[1]).isNotEqualTo(a[1]);
        assertThat(TrainingData.split(3, 0.01, 1, "t")[1]).hasSize(1);
        assertThat(TrainingData.split(3, 0, 1, "t")[1]).isEmpty();
        assertThatThrownBy(() -> TrainingData.split(1, 0.5, 1, "t.csv"))
                .isInstanceOf(DataFormatException.class)
                .hasMessage("t.csv: a test split of 0.5 of 1 rows leaves no training rows");
    }

    @Test
    void aTableTooLargeForTheHeapIsRefusedWithTheHeapItNeeds() {
        DataSource.TableFile file = new DataSource.TableFile(Path.of("big.csv"), DataSource.TableFormat.CSV);
        assertThatThrownBy(() -> TrainingData.requireHeap(file, 1L << 34, 30))
                .isInstanceOf(DataFormatException.class)
                .hasMessageStartingWith(
                        "big.csv: training holds the table in memory: about 17,179,869,184 rows x 30 columns")
                .hasMessageContaining("DEEPAE_JAVA_OPTS=-Xmx");
    }

    @Test
    void labelsOfATableAreItsSortedValuesAndOnlyLabelsFiltersTheTrainingRowsAlone(@TempDir Path dir) throws Exception {
        StringBuilder csv = new StringBuilder("x,y,kind\n");
        IntStream.range(0, 50)
                .forEach(i -> csv.append(i)
                        .append(',')
                        .append(i % 7)
                        .append(',')
                        .append(i % 5 == 0 ? "rare" : "common")
                        .append('\n'));
        Path file = Files.writeString(dir.resolve("t.csv"), csv);
        TrainingData.Request request = new TrainingData.Request(
                file.toString(),
                null,
                0.2,
                1,
                "kind",
                null,
                List.of(),
                List.of("common"),
                List.of(),
                null,
                PreprocessingOptions.defaults(),
                CsvTableOptions.DEFAULT);
        TrainingData.Loaded loaded = TrainingData.load(request, new DatasetCatalog(dir.resolve("cache")), null);
        Dataset data = loaded.dataset();
        assertThat(loaded.kind()).isEqualTo("table");
        assertThat(data.labelNames()).containsExactly("common", "rare");
        assertThat(data.featureNames()).containsExactly("x", "y");
        assertThat(data.test().count()).isEqualTo(10);
        assertThat(Arrays.stream(data.train().labels()).distinct()).containsExactly(0);
        assertThat(data.test().labels()).contains(0, 1);
        // standardised on the training rows: their mean is 0
        double mean = 0;
        for (int i = 0; i < data.train().count(); i++) {
            mean += data.train().values()[2 * i];
        }
        assertThat(mean / data.train().count()).isCloseTo(0, org.assertj.core.data.Offset.offset(1e-5));
    }
}
