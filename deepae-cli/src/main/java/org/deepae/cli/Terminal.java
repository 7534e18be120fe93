package org.deepae.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Whether a standard stream is a terminal, so that progress bars are drawn only where someone watches. */
final class Terminal {

    private Terminal() {}

    /**
     * True when deepae's standard error (see {@link StandardError}) is a terminal (on Linux, read from {@code /proc};
     * elsewhere, when a console exists).
     */
    static boolean stderrIsTerminal() {
        Path fd = Path.of("/proc/self/fd/" + StandardError.descriptor());
        if (Files.isSymbolicLink(fd)) {
            try {
                String target = Files.readSymbolicLink(fd).toString();
                return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
            } catch (IOException | UnsupportedOperationException e) {
                return false;
            }
        }
        return System.console() != null;
    }
}
