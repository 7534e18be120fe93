package org.deepae.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.deepae.data.RowFormat;
import org.deepae.data.RowFormats;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/** An output file named by {@code --out}, checked before any work; its name ending chooses the format. */
record OutputFile(Path path, RowFormat format) {

    /**
     * Checks {@code path}: its name must end as one of {@code formats} writes files ({@code .csv}, {@code .npy},
     * {@code .png}), it must not be a directory, and its parent must not be a file.
     */
    static OutputFile check(CommandLine cl, Path path, RowFormat... formats) {
        List<String> endings = Arrays.stream(formats).map(RowFormat::suffix).toList();
        check(cl, path, endings);
        RowFormat format = RowFormats.find(path).orElseThrow();
        return new OutputFile(path, format);
    }

    /** Checks {@code path} as {@link #check(CommandLine, Path, RowFormat...)} does, for another name ending. */
    static Path check(CommandLine cl, Path path, String ending) {
        check(cl, path, List.of(ending));
        return path;
    }

    private static void check(CommandLine cl, Path path, List<String> endings) {
        String ending = RowFormats.ending(path);
        if (!endings.contains(ending)) {
            throw new ParameterException(
                    cl, "--out " + path + ": expected a file ending in ." + String.join(", .", endings));
        }
        if (Files.isDirectory(path)) {
            throw new ParameterException(cl, "--out " + path + " is a directory");
        }
        requireNoFileAbove(cl, "--out", path);
    }

    /** Whether the file is of {@code format}. */
    boolean is(RowFormat format) {
        return this.format == format;
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
