package org.deepae.model;

import java.util.Locale;

/** Where TensorFlow runs the graph. */
public enum Device {
    /** TensorFlow's own placement: a GPU when the native library supports one and one is present, else the CPU. */
    AUTO,
    /** The CPU only: GPUs are hidden from the session. */
    CPU,
    /** A GPU: refused with advice when TensorFlow sees none. */
    GPU;

    /** The name on the command line and in files. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
