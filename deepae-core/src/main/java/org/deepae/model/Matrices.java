package org.deepae.model;

/** Conversions between {@code float[][]} rows and one row-major array. */
final class Matrices {

    private Matrices() {}

    /** The rows, each of {@code width} values, in one row-major array. */
    static float[] flatten(float[][] rows, int width) {
        float[] flat = new float[Math.multiplyExact(rows.length, width)];
        for (int i = 0; i < rows.length; i++) {
            if (rows[i].length != width) {
                throw new IllegalArgumentException(
                        "row " + i + " has " + rows[i].length + " values, expected " + width);
            }
            System.arraycopy(rows[i], 0, flat, i * width, width);
        }
        return flat;
    }

    /** A row-major array cut into rows of {@code width} values. */
    static float[][] split(float[] flat, int width) {
        float[][] rows = new float[flat.length / width][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = java.util.Arrays.copyOfRange(flat, i * width, (i + 1) * width);
        }
        return rows;
    }
}
