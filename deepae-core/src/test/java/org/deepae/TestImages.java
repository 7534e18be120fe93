package org.deepae;

import org.deepae.data.Rows;
import org.deepae.testing.BarImages;

/** {@link BarImages} as rows, for the library's tests. */
public final class TestImages {

    private TestImages() {}

    /** {@code rows} images of {@code size x size}, each a horizontal or vertical bar at a random position, labelled. */
    public static Rows bars(int rows, int size, long seed) {
        BarImages bars = BarImages.of(rows, size, seed);
        return new Rows(bars.pixels(), bars.count(), bars.width(), bars.labels(), size, size, "bars");
    }
}
