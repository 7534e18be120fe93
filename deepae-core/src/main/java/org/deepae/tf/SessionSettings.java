package org.deepae.tf;

import java.util.concurrent.atomic.AtomicInteger;
import org.deepae.model.Device;
import org.deepae.model.Precision;
import org.tensorflow.Graph;
import org.tensorflow.Session;
import org.tensorflow.proto.ConfigProto;
import org.tensorflow.proto.GraphOptions;
import org.tensorflow.proto.RewriterConfig;

/**
 * How deepae's sessions are configured: threads, precision and device.
 *
 * <p>TensorFlow sizes its thread pools once per process, from the first session it opens, and ignores the thread
 * counts of later sessions; that first session need not be one of ours (TensorFlow Java's {@code VarianceScaling}
 * initializer, for one, opens sessions with default settings to read a shape). So the first configuration asked of
 * this class also opens an empty session with it, and the pools have deepae's sizes whatever runs next.
 *
 * <p>Sizing is safe when several threads open models at once (a server, a Spark executor): the first configuration
 * sizes the pools exactly once, every other thread asking for a configuration meanwhile waits until that empty
 * session is open, so no session of deepae's is created before the pools have their sizes. A sizing that fails (the
 * native library refused the configuration) leaves the pools unsized, and the next configuration tries again.
 *
 * <p>Every op runs on one thread, and work runs in parallel as independent ops, one per inter-op thread: training
 * towers, inference lanes, chunks of a large product. TensorFlow runs a product of a training batch on one thread
 * anyway (its oneDNN matrix product stays on one thread while the operands fit the L2 cache); with a single
 * inter-op thread the towers ran one after the other and a training step took twice as long, and with two intra-op
 * threads as well the element-wise ops competed with the products of the other tower (a step 6-8% slower on the
 * reference machine).
 */
final class SessionSettings {

    private static final Object SIZING = new Object();

    /** The configuration that sized the pools, or {@code null} before; written once, under {@link #SIZING}. */
    private static volatile ConfigProto poolConfig;

    /** How many times this process has sized the pools: once, unless a test forgot the sizing. */
    private static final AtomicInteger SIZINGS = new AtomicInteger();

    private SessionSettings() {}

    /** {@code threads} threads (0: one per core), float32, TensorFlow's device placement. */
    static ConfigProto config(int threads) {
        return config(threads, Precision.FP32);
    }

    /** {@code threads} threads (0: one per core) and the precision. */
    static ConfigProto config(int threads, Precision precision) {
        return config(threads, precision, Device.AUTO);
    }

    /**
     * The session configuration for {@code threads} (0: one per core), {@code precision} and {@code device}:
     * {@code threads} inter-op threads, one intra-op thread. The first call in a process also sizes TensorFlow's
     * thread pools with it.
     */
    static ConfigProto config(int threads, Precision precision, Device device) {
        if (threads < 0 || threads > TfAutoencoder.MAX_THREADS) {
            throw new IllegalArgumentException("threads must be 0 (one per core) or between 1 and "
                    + TfAutoencoder.MAX_THREADS + ", got " + threads);
        }
        int count = threadCount(threads);
        ConfigProto.Builder config =
                ConfigProto.newBuilder().setInterOpParallelismThreads(count).setIntraOpParallelismThreads(1);
        Devices.configure(config, device);
        if (precision == Precision.BF16) {
            config.setGraphOptions(GraphOptions.newBuilder()
                    .setRewriteOptions(
                            RewriterConfig.newBuilder().setAutoMixedPrecisionOnednnBfloat16(RewriterConfig.Toggle.ON)));
        }
        ConfigProto built = config.build();
        sizePools(built);
        return built;
    }

    /** The threads a setting of {@code threads} means: itself, or one per core for 0. */
    static int threadCount(int threads) {
        return threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
    }

    /**
     * The configuration that sized TensorFlow's thread pools in this process, or {@code null} when no configuration
     * has been asked for yet.
     */
    static ConfigProto poolConfiguration() {
        return poolConfig;
    }

    /** How many times the pools were sized in this process. */
    static int sizings() {
        return SIZINGS.get();
    }

    /**
     * Forgets that the pools were sized, so that a test can race the first sizing again (TensorFlow keeps the pools it
     * has; the next configuration only opens another empty session).
     */
    static void forgetSizing() {
        synchronized (SIZING) {
            poolConfig = null;
        }
    }

    @SuppressWarnings("try") // the session is opened only for its side effect: it sizes the pools
    private static void sizePools(ConfigProto config) {
        if (poolConfig != null) {
            return; // sized, and the volatile read makes the sizing happen-before this session
        }
        synchronized (SIZING) {
            if (poolConfig != null) {
                return; // another thread sized them while this one waited
            }
            try (Graph graph = new Graph();
                    Session session = new Session(graph, config)) {
                // opening it is enough: the process's thread pools now have this session's sizes
            }
            SIZINGS.incrementAndGet();
            poolConfig = config;
        }
    }
}
