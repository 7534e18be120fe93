package org.deepae.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.deepae.io.AtomicFiles;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * What {@code deepae train} writes into its run directory, and so which directories {@code --overwrite} may reuse:
 * the files {@code config.json}, {@code metrics.json}, {@code loss.png}, {@code reconstructions.png} and
 * {@code report.html}, the directories {@code model/} and {@code checkpoint/}, and the hidden temporary siblings of
 * these that a killed run can leave ({@code .model.1oy7wfs938kdm.part}).
 */
final class RunDirectory {

    static final Set<String> FILES =
            Set.of("config.json", "metrics.json", "loss.png", "reconstructions.png", "report.html");
    static final Set<String> DIRECTORIES = Set.of("model", "checkpoint");

    /** The temporary sibling names of {@code AtomicFiles}: {@code .<name>.<random>.part} or {@code .old}. */
    private static final Pattern LEFTOVER = Pattern.compile("\\.(.+)\\.[0-9a-z]+\\.(?:part|old)");

    private RunDirectory() {}

    /** Refuses {@code dir} (named by {@code option}) when it holds anything that no run writes. */
    static void requireReusable(CommandLine cl, String option, Path dir, Path tensorboard) throws IOException {
        List<String> foreign = foreignEntries(dir, tensorboard);
        if (!foreign.isEmpty()) {
            throw new ParameterException(
                    cl,
                    option + " " + dir + " is not a deepae run directory: it holds "
                            + String.join(", ", foreign.subList(0, Math.min(3, foreign.size())))
                            + (foreign.size() > 3 ? " and " + (foreign.size() - 3) + " more" : "")
                            + ", which no run writes; choose another directory");
        }
    }

    /**
     * The names in {@code dir} that no run writes, sorted; {@code tensorboard}'s top directory inside it is allowed.
     */
    private static List<String> foreignEntries(Path dir, Path tensorboard) throws IOException {
        String tensorboardName = nameInside(dir, tensorboard);
        List<String> foreign = new ArrayList<>();
        try (Stream<Path> entries = Files.list(dir)) {
            for (Path entry : entries.sorted().toList()) {
                String name = entry.getFileName().toString();
                if (!isRunEntry(entry) && !name.equals(tensorboardName)) {
                    foreign.add(Files.isDirectory(entry) ? name + "/" : name);
                }
            }
        }
        return foreign;
    }

    /** Deletes everything an earlier run wrote in {@code dir}, so that none of it is mixed with the next run's. */
    static void deletePreviousRun(Path dir) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            for (Path entry : entries.toList()) {
                if (isRunEntry(entry)) {
                    AtomicFiles.deleteRecursively(entry);
                }
            }
        }
    }

    /**
     * Puts back the model or checkpoint directory that a run killed in the middle of replacing it had moved aside
     * (see {@link AtomicFiles#restoreInterruptedReplace}), so that {@code --resume} finds the last complete one.
     */
    static void restoreInterruptedWrites(Path dir) throws IOException {
        for (String name : DIRECTORIES) {
            AtomicFiles.restoreInterruptedReplace(dir.resolve(name));
        }
    }

    /** Whether {@code dir} holds a checkpoint that {@code --resume} can continue from. */
    static boolean hasCheckpoint(Path dir) {
        return Files.isRegularFile(dir.resolve("checkpoint").resolve("state.json"));
    }

    private static boolean isRunEntry(Path entry) {
        String name = entry.getFileName().toString();
        if (Files.isSymbolicLink(entry)) {
            return false;
        }
        if (FILES.contains(name)) {
            return Files.isRegularFile(entry);
        }
        if (DIRECTORIES.contains(name)) {
            return Files.isDirectory(entry);
        }
        Matcher leftover = LEFTOVER.matcher(name);
        return leftover.matches() && (FILES.contains(leftover.group(1)) || DIRECTORIES.contains(leftover.group(1)));
    }

    /** The first name of {@code path} below {@code dir}, or null when it is not inside. */
    private static String nameInside(Path dir, Path path) {
        if (path == null) {
            return null;
        }
        Path base = dir.toAbsolutePath().normalize();
        Path inside = path.toAbsolutePath().normalize();
        if (!inside.startsWith(base) || inside.equals(base)) {
            return null;
        }
        return base.relativize(inside).getName(0).toString();
    }
}
