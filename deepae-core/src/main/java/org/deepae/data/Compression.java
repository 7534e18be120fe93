package org.deepae.data;

/** How a written file is compressed. Readers detect compression from the content, so they do not need this. */
public enum Compression {
    /** Plain bytes. */
    NONE,
    /** Gzip, as in the published MNIST {@code .gz} files. */
    GZIP
}
