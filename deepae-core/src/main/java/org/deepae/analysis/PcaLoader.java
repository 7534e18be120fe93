package org.deepae.analysis;

import java.io.IOException;
import java.nio.file.Path;
import org.deepae.model.Autoencoder;
import org.deepae.model.ModelLoader;

/** The {@link ModelLoader} for PCAs saved with a code size, found by {@code ServiceLoader}. */
public final class PcaLoader implements ModelLoader {

    @Override
    public boolean accepts(Path dir) {
        return PcaAutoencoder.isPca(dir);
    }

    @Override
    public Autoencoder load(Path dir) throws IOException {
        return PcaAutoencoder.load(dir, 0);
    }
}
