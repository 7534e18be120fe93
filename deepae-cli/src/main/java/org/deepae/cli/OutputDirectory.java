package org.deepae.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Predicate;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * The checks before a command fills or replaces a directory named by an option: never the file system root or the
 * user's home directory (also through a link), and never a directory holding files that are not the command's own.
 */
final class OutputDirectory {

    private OutputDirectory() {}

    /** Refuses {@code dir} when it exists and is not a directory. */
    static void requireDirectory(CommandLine cl, String option, Path dir) {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new ParameterException(cl, option + " " + dir + " is a file, not a directory");
        }
    }

    /** Refuses {@code dir} when it is the file system root or the home directory ({@code user.home}). */
    static void refuseRootOrHome(CommandLine cl, String option, Path dir) {
        Path real = realPath(dir);
        if (real.getParent() == null) {
            throw new ParameterException(
                    cl, option + " " + dir + " is the file system root; choose a directory of its own");
        }
        String home = System.getProperty("user.home");
        if (home != null && !home.isBlank() && real.equals(realPath(Path.of(home)))) {
            throw new ParameterException(
                    cl, option + " " + dir + " is your home directory; choose a directory of its own");
        }
    }

    /**
     * Refuses to replace {@code dir} when it is the root or the home directory, or a directory that is neither empty
     * nor recognised by {@code isOwn}, which {@code what} names ("a deepae model or SavedModel").
     */
    static void requireReplaceable(CommandLine cl, String option, Path dir, Predicate<Path> isOwn, String what)
            throws IOException {
        refuseRootOrHome(cl, option, dir);
        if (Files.isDirectory(dir) && !isEmpty(dir) && !isOwn.test(dir)) {
            throw new ParameterException(
                    cl,
                    option + " " + dir + " holds files and is not " + what
                            + ", so it is not replaced; choose another directory");
        }
    }

    static boolean isEmpty(Path dir) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        }
    }

    /** The path with links resolved as far as it exists. */
    private static Path realPath(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        try {
            return absolute.toRealPath();
        } catch (IOException e) {
            return absolute;
        }
    }
}
