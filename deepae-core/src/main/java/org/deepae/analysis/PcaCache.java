package org.deepae.analysis;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;
import org.deepae.data.Dataset;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PCAs of datasets' training images, kept on disk by the data's content checksum: fitting one on 60,000 images of
 * 784 values takes over a second (mostly EJML's eigendecomposition), and every report and comparison on the same
 * data fits the same one. A fit depends on the data and the fitting code alone, not on the thread count (its products
 * run chunk by chunk, added up in a fixed order), so on the same machine a kept one is what fitting again with this
 * version would give; another CPU may differ in the last digits, as a new fit there would. An entry that cannot be
 * read is fitted and written again; a cache that cannot be written only costs the time.
 */
public final class PcaCache {

    private static final Logger LOG = LoggerFactory.getLogger(PcaCache.class);

    private final Path dir;

    /** A cache in {@code dir}, created when first written. */
    public PcaCache(Path dir) {
        this.dir = Objects.requireNonNull(dir, "dir");
    }

    /**
     * The version of the fitting: raise it whenever {@link Pca} or the products it uses change what a fit gives, so
     * that entries of the old fitting are no longer used.
     */
    static final int FIT_VERSION = 1;

    /** The entry for {@code data}: the fitting's version, the data's content checksum and training rows. */
    Path entry(Dataset data) {
        return dir.resolve("v" + FIT_VERSION + "-" + data.info().sha256() + "-"
                + data.train().count() + "x" + data.features());
    }

    /** The PCA of {@code data}'s training images, with all components: the kept one, or a new fit that is then kept. */
    public PcaModel fitted(Dataset data, int threads) {
        Path entry = entry(data);
        if (entry.toFile().isDirectory()) {
            try {
                PcaModel kept = PcaDirectory.load(entry, threads);
                if (kept.trainRows() == data.train().count() && kept.inputSize() == data.features()) {
                    return kept;
                }
                LOG.debug("{}: fitted on other data; fitting again", entry);
            } catch (IOException | RuntimeException e) {
                LOG.debug("{}: cannot be read ({}); fitting again", entry, e.getMessage());
            }
        }
        PcaModel fitted = new Pca(threads).fit(data);
        try {
            PcaDirectory.save(entry, fitted);
        } catch (IOException | RuntimeException e) {
            LOG.warn("cannot keep the PCA of {} in {}: {}", data.info().name(), entry, e.getMessage());
        }
        return fitted;
    }
}
