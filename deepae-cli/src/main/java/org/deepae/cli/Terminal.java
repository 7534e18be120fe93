package org.deepae.cli;

import java.io.Console;
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
        return consoleIsTerminal();
    }

    /**
     * Whether the JVM's console is a terminal: before Java 22 a console exists only then; from Java 22 one always
     * exists and {@code Console.isTerminal()} (looked up at run time, since deepae is built for Java 17) tells.
     */
    @SuppressWarnings("SystemConsoleNull") // null still means no terminal before Java 22; isTerminal() decides after
    private static boolean consoleIsTerminal() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
        } catch (NoSuchMethodException e) {
            return true;
        } catch (ReflectiveOperationException e) {
            return false;
        }
    }
}
