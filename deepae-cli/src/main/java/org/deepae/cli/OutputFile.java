package org.deepae.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/** An output file named by {@code --out}, checked before any work; its extension chooses the format. */
record OutputFile(Path path, String format) {

    /**
     * Checks {@code path}: its extension must be one of {@code formats}, it must not be a directory, and its parent
     * must not be a file.
     */
    static OutputFile check(CommandLine cl, Path path, List<String> formats) {
        String name = path.getFileName() == null ? "" : path.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String format = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
        if (!formats.contains(format)) {
            throw new ParameterException(
                    cl, "--out " + path + ": expected a file ending in ." + String.join(", .", formats));
        }
        if (Files.isDirectory(path)) {
            throw new ParameterException(cl, "--out " + path + " is a directory");
        }
        requireNoFileAbove(cl, "--out", path);
        return new OutputFile(path, format);
    }

    /** Refuses {@code path} when one of the directories above it is a file, so that it could never be written. */
    static void requireNoFileAbove(CommandLine cl, String option, Path path) {
        for (Path p = path.toAbsolutePath().getParent(); p != null; p = p.getParent()) {
            if (Files.exists(p) && !Files.isDirectory(p)) {
                throw new ParameterException(cl, option + " " + path + ": " + p + " is a file, not a directory");
            }
        }
    }
}
