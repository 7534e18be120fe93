package org.deepae.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Turns Ctrl-C (SIGINT) or SIGTERM during a command into a request to stop: a shutdown hook raises the flag, then
 * holds the JVM's exit until the command has stopped cleanly (at most a minute), so no file is left half-written.
 */
final class InterruptGuard implements AutoCloseable {

    private final AtomicBoolean requested = new AtomicBoolean();
    private final CountDownLatch finished = new CountDownLatch(1);
    private final Thread hook = new Thread(this::onShutdown, "deepae-interrupt");

    InterruptGuard() {
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** Whether an interrupt asked the command to stop. */
    boolean requested() {
        return requested.get();
    }

    private void onShutdown() {
        requested.set(true);
        try {
            finished.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The command has stopped: the JVM may exit, and no later interrupt is watched. */
    @Override
    public void close() {
        finished.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down: the hook is running and now returns
        }
    }
}
