package org.deepae.model;

import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.util.Locale;

/**
 * How much memory a network needs, checked before anything is built: a network whose parameters cannot fit this
 * machine's memory, or whose largest weight matrix cannot be copied into one Java array, is refused with a message
 * that gives its parameter count and the memory it would need, instead of failing (or hanging) deep inside TensorFlow.
 *
 * @param parameters every weight and bias
 * @param largestMatrix values in the largest weight matrix
 */
public record NetworkFootprint(long parameters, long largestMatrix) {

    /**
     * Bytes a trained parameter needs: its float32 value, Adam's two moments and its gradient. Activations, the
     * initial values and TensorFlow's own buffers come on top, so this is a lower bound.
     */
    public static final int TRAINING_BYTES_PER_PARAMETER = 16;

    /** Bytes a loaded parameter needs: its value and the buffer it is restored through. */
    public static final int INFERENCE_BYTES_PER_PARAMETER = 8;

    /** The most values one weight matrix may hold: the weights are copied out of TensorFlow into Java arrays. */
    public static final long MAX_MATRIX_VALUES = Integer.MAX_VALUE - 8;

    /** What a network is being made for, which decides the memory it needs. */
    public enum Purpose {
        TRAINING("training", TRAINING_BYTES_PER_PARAMETER, "weights, gradients and Adam's moments"),
        INFERENCE("loading", INFERENCE_BYTES_PER_PARAMETER, "weights and the buffers they are restored through");

        private final String verb;
        private final int bytesPerParameter;
        private final String what;

        Purpose(String verb, int bytesPerParameter, String what) {
            this.verb = verb;
            this.bytesPerParameter = bytesPerParameter;
            this.what = what;
        }
    }

    /** The footprint of {@code spec}. */
    public static NetworkFootprint of(NetworkSpec spec) {
        return new NetworkFootprint(spec.parameterCount(), spec.largestWeightCount());
    }

    /** The bytes the network needs at the least for {@code purpose}. */
    public long bytesFor(Purpose purpose) {
        return Math.multiplyHigh(parameters, purpose.bytesPerParameter) != 0
                ? Long.MAX_VALUE
                : parameters * purpose.bytesPerParameter;
    }

    /**
     * Refuses {@code spec} when it cannot be made for {@code purpose} on this machine.
     *
     * @throws IllegalArgumentException naming the network, its parameter count and the memory it needs
     */
    public static void require(NetworkSpec spec, Purpose purpose) {
        require(spec, purpose, physicalMemory());
    }

    /** As {@link #require(NetworkSpec, Purpose)}, against {@code memoryBytes} of memory. */
    static void require(NetworkSpec spec, Purpose purpose, long memoryBytes) {
        NetworkFootprint footprint = of(spec);
        String network = "the network " + spec.describe();
        long needed = footprint.bytesFor(purpose);
        if (needed > memoryBytes) {
            throw new IllegalArgumentException(String.format(
                    Locale.ROOT,
                    "%s has %,d parameters; %s it needs at least %s of memory (%d bytes a parameter for %s), more "
                            + "than this "
                            + "machine's %s; use narrower or fewer layers",
                    network,
                    footprint.parameters,
                    purpose.verb,
                    gib(needed),
                    purpose.bytesPerParameter,
                    purpose.what,
                    gib(memoryBytes)));
        }
        if (footprint.largestMatrix > MAX_MATRIX_VALUES) {
            throw new IllegalArgumentException(String.format(
                    Locale.ROOT,
                    "%s has %,d parameters, and a weight matrix of %,d values, more than the %,d one matrix may "
                            + "hold; use "
                            + "narrower layers",
                    network,
                    footprint.parameters,
                    footprint.largestMatrix,
                    MAX_MATRIX_VALUES));
        }
    }

    /** This machine's memory as the JVM sees it (a container's limit inside a container). */
    static long physicalMemory() {
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean bean && bean.getTotalMemorySize() > 0) {
            return bean.getTotalMemorySize();
        }
        return Runtime.getRuntime().maxMemory();
    }

    private static String gib(long bytes) {
        return bytes == Long.MAX_VALUE
                ? "more than 8 EiB"
                : String.format(Locale.ROOT, "%.1f GiB", bytes / (1024.0 * 1024 * 1024));
    }
}
