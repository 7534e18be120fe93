package org.deepae.model;

/**
 * One product {@code op(A) x op(B)} of an {@code m x k} by a {@code k x n} matrix, where A or B may be stored
 * transposed as the gradients store them.
 */
public record MatrixProduct(int m, int k, int n, boolean transposeA, boolean transposeB) {

    /** A product without transposition. */
    public static MatrixProduct of(int m, int k, int n) {
        return new MatrixProduct(m, k, n, false, false);
    }

    /** Floating-point operations: {@code 2 m k n}. */
    public double flops() {
        return 2.0 * m * k * n;
    }
}
