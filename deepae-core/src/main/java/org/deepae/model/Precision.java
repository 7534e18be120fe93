package org.deepae.model;

import java.util.Locale;

/** The arithmetic the matrix products run in. */
public enum Precision {
    /** 32-bit floats everywhere: the default, and what the tutorial does. */
    FP32,
    /**
     * TensorFlow's oneDNN automatic mixed precision: matrix products in bfloat16 (fast on CPUs with AVX512_BF16 or
     * AMX), variables and the optimizer in float32.
     */
    BF16;

    /** The name on the command line and in files. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
