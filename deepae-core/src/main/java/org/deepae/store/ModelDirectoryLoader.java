package org.deepae.store;

import java.io.IOException;
import java.nio.file.Path;
import org.deepae.model.Autoencoder;
import org.deepae.model.ModelLoader;

/** The {@link ModelLoader} for model directories and deepae SavedModels, found by {@code ServiceLoader}. */
public final class ModelDirectoryLoader implements ModelLoader {

    @Override
    public boolean accepts(Path dir) {
        return ModelDirectory.isModel(dir);
    }

    @Override
    public Autoencoder load(Path dir) throws IOException {
        return ModelDirectory.load(dir, 0);
    }
}
