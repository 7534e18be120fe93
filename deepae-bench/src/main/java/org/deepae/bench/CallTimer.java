package org.deepae.bench;

import org.deepae.tf.Kernel;

/** The timing loop of the benchmarks: the mean wall time of one call of a kernel. */
final class CallTimer {

    private CallTimer() {}

    /**
     * Runs {@code kernel} {@code warmUp} times, then for about {@code seconds} and at least ten times, and returns the
     * mean seconds per call of the timed ones.
     */
    static double secondsPerCall(Kernel kernel, int warmUp, double seconds) {
        for (int i = 0; i < warmUp; i++) {
            kernel.run();
        }
        long budget = (long) (seconds * 1e9);
        int calls = 0;
        long start = System.nanoTime();
        while (System.nanoTime() - start < budget || calls < 10) {
            kernel.run();
            calls++;
        }
        return (System.nanoTime() - start) / 1e9 / calls;
    }
}
