package org.deepae.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Named points in long operations where a test can stop the process deterministically, to kill or interrupt it at
 * exactly that moment instead of racing it. Off unless the system property {@value #PAUSE_AT} names a point: then the
 * {@code N}-th time that point is reached ({@code name@N}, first time by default) the thread writes the point's name to
 * the file named by {@value #PAUSE_FILE} and waits until the JVM begins to shut down (Ctrl-C, SIGTERM) or a minute has
 * passed, then goes on. A SIGKILL meanwhile ends the process at that point.
 *
 * <p>Without the system properties, the environment variables {@value #PAUSE_AT_ENV} and {@value #PAUSE_FILE_ENV} say
 * the same: a process started by one the test started (a Spark worker's executor) inherits them.
 *
 * <p>The points: {@code spark-batch} (before a Spark partition's batch is scored), {@code train-step} (before each
 * training step), {@code directory-written:NAME} (an atomic directory
 * write whose new content is complete, before anything is renamed) and {@code directory-moved-aside:NAME} (the old
 * directory moved aside, the new one not yet in place: the one moment when {@code NAME} does not exist).
 */
public final class PausePoints {

    /** The system property naming the point to pause at: {@code name} or {@code name@N}. */
    public static final String PAUSE_AT = "deepae.test.pause-at";

    /** The system property naming the file written when the pause begins. */
    public static final String PAUSE_FILE = "deepae.test.pause-file";

    private static final String POINT;
    private static final int HIT;
    private static final AtomicInteger HITS = new AtomicInteger();

    /** The environment variable read when {@value #PAUSE_AT} is not set (a child process started by another). */
    public static final String PAUSE_AT_ENV = "DEEPAE_TEST_PAUSE_AT";

    /** The environment variable read when {@value #PAUSE_FILE} is not set. */
    public static final String PAUSE_FILE_ENV = "DEEPAE_TEST_PAUSE_FILE";

    static {
        String fromEnv = System.getenv(PAUSE_AT_ENV);
        String spec = System.getProperty(PAUSE_AT, fromEnv == null ? "" : fromEnv);
        int at = spec.lastIndexOf('@');
        POINT = at < 0 ? spec : spec.substring(0, at);
        HIT = at < 0 ? 1 : Integer.parseInt(spec.substring(at + 1));
    }

    private PausePoints() {}

    /** Marks that {@code point} is reached; returns at once unless a test asked to pause here. */
    public static void reach(String point) {
        if (POINT.isEmpty() || !POINT.equals(point) || HITS.incrementAndGet() != HIT) {
            return;
        }
        CountDownLatch shutdown = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(shutdown::countDown, "deepae-pause"));
        try {
            String file = System.getProperty(PAUSE_FILE, System.getenv(PAUSE_FILE_ENV));
            if (file != null) {
                Files.writeString(Path.of(file), point + "\n");
            }
            shutdown.await(60, TimeUnit.SECONDS);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot write the pause file: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
