package org.deepae.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.deepae.TestImages;
import org.deepae.data.Dataset;
import org.deepae.data.DatasetInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PcaCacheTest {

    private static Dataset bars(String sha256, int rows) {
        return new Dataset(
                new DatasetInfo("bars", "test", sha256, null),
                TestImages.bars(rows, 4, 1),
                TestImages.bars(8, 4, 2),
                null,
                null);
    }

    @Test
    void aKeptPcaIsTheOneFittedAndIsReadRatherThanFittedAgain(@TempDir Path dir) throws Exception {
        PcaCache cache = new PcaCache(dir);
        Dataset data = bars("abc", 40);
        PcaModel first = cache.fitted(data, 1);
        PcaModel direct = new Pca(1).fit(data);
        assertThat(first.eigenvalueArray()).containsExactly(direct.eigenvalueArray());
        assertThat(first.componentArray()).containsExactly(direct.componentArray());

        // mark the kept entry: the next call must return it as stored, not a new fit
        Path entry = cache.entry(data);
        assertThat(entry.resolve(PcaDirectory.PCA_JSON)).exists();
        PcaModel marked = new PcaModel(
                direct.meanArray(),
                direct.componentArray(),
                scaled(direct.eigenvalueArray()),
                direct.imageHeight(),
                direct.imageWidth(),
                direct.dataset(),
                direct.trainRows(),
                1,
                0);
        PcaDirectory.save(entry, marked);
        assertThat(cache.fitted(data, 1).eigenvalueArray()).containsExactly(marked.eigenvalueArray());
    }

    @Test
    void otherDataOrAnotherRowCountHasItsOwnEntry(@TempDir Path dir) {
        PcaCache cache = new PcaCache(dir);
        assertThat(cache.entry(bars("abc", 40)))
                .isNotEqualTo(cache.entry(bars("abd", 40)))
                .isNotEqualTo(cache.entry(bars("abc", 39)));
    }

    @Test
    void aDamagedEntryIsFittedAndWrittenAgain(@TempDir Path dir) throws Exception {
        PcaCache cache = new PcaCache(dir);
        Dataset data = bars("abc", 40);
        Path entry = cache.entry(data);
        Files.createDirectories(entry);
        Files.writeString(entry.resolve(PcaDirectory.PCA_JSON), "{ not json");
        PcaModel fitted = cache.fitted(data, 1);
        assertThat(fitted.eigenvalueArray())
                .containsExactly(new Pca(1).fit(data).eigenvalueArray());
        assertThat(PcaDirectory.load(entry, 1).eigenvalueArray()).containsExactly(fitted.eigenvalueArray());
    }

    @Test
    void aCacheThatCannotBeWrittenStillGivesThePca(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("not-a-directory");
        Files.writeString(file, "x");
        Dataset data = bars("abc", 40);
        assertThat(new PcaCache(file).fitted(data, 1).eigenvalueArray())
                .containsExactly(new Pca(1).fit(data).eigenvalueArray());
    }

    private static float[] scaled(float[] values) {
        float[] out = values.clone();
        for (int i = 0; i < out.length; i++) {
            out[i] *= 2;
        }
        return out;
    }
}
