package org.deepae.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.TempDir;

/** Reads Debian's dataset-fashion-mnist, when installed. */
@EnabledIf("systemCopyInstalled")
@Tag("slow")
class FashionMnistSystemCopyTest {
    @TempDir
    Path cache;

    static boolean systemCopyInstalled() {
        return Files.isDirectory(KnownSources.FASHION_SYSTEM_DIR);
    }

    @Test
    void loadsDebianFashionMnistAndMatchesOriginalContent() throws IOException {
        Dataset data = new DatasetCatalog(cache).load("fashion-mnist");

        assertThat(data.info().name()).isEqualTo("fashion-mnist");
        assertThat(data.info().source()).isEqualTo(KnownSources.FASHION_SYSTEM_DIR.toString());
        assertThat(data.info().sha256()).isEqualTo("14410854cf7a289477dcfc7df3f8ec24741e281cdcc425ede0d9a748ca630214");
        assertThat(data.train().count()).isEqualTo(60_000);
        assertThat(data.test().count()).isEqualTo(10_000);
        assertThat(data.train().imageHeight()).isEqualTo(28);
        assertThat(data.train().imageWidth()).isEqualTo(28);
        assertThat(data.test().labels()).containsOnly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
    }
}
