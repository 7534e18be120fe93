package org.deepae.cli;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where deepae's own messages and progress go. TensorFlow's native code writes its log lines (Abseil's among them,
 * which no setting silences) straight to file descriptor 2; the launcher therefore gives that descriptor to a filter
 * that drops TensorFlow's log lines, and passes the user's real standard error as another descriptor, named by the
 * system property {@value #PROPERTY}. deepae writes there directly, so its lines are neither filtered nor delayed and
 * a terminal is still seen as one.
 */
final class StandardError {

    /** The system property that names the descriptor of the user's standard error. */
    static final String PROPERTY = "deepae.stderr.fd";

    private static int descriptor = 2;

    private StandardError() {}

    /**
     * Points {@link System#err} at the descriptor named by {@value #PROPERTY}, opened for appending (so that it never
     * truncates or overwrites a file standard error was sent to); without the property, or when it cannot be opened,
     * {@link System#err} stays as it is.
     */
    static void install() {
        String fd = System.getProperty(PROPERTY);
        if (fd == null || !fd.matches("[0-9]{1,4}")) {
            return;
        }
        Path path = Path.of("/proc/self/fd", fd);
        if (!Files.exists(path)) {
            return;
        }
        try {
            PrintStream stream =
                    new PrintStream(new FileOutputStream(path.toFile(), true), true, Charset.defaultCharset());
            System.setErr(stream);
            descriptor = Integer.parseInt(fd);
        } catch (IOException | SecurityException e) {
            // keep System.err: deepae's lines then pass through the launcher's filter, which keeps them
        }
    }

    /** The descriptor {@link System#err} writes to: 2, or the one {@link #install()} opened. */
    static int descriptor() {
        return descriptor;
    }
}
