package org.deepae.tf;

/**
 * A fixed piece of TensorFlow work, built once, that a benchmark runs many times: one {@link #run()} is one session
 * call. Timing is the caller's business; a kernel holds a graph and a session, closed by {@link #close()}.
 */
public interface Kernel extends AutoCloseable {

    /** Runs the work once, in one session call. */
    void run();

    @Override
    void close();
}
