package org.deepae.model;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Loads models from directories: the service behind {@link Autoencoder#load(Path)}. Implementations are found with
 * {@link java.util.ServiceLoader}, which keeps this package free of any engine or file format.
 */
public interface ModelLoader {

    /** Whether {@code dir} looks like a model this loader reads. */
    boolean accepts(Path dir);

    /** Loads the model in {@code dir} for inference. */
    Autoencoder load(Path dir) throws IOException;
}
