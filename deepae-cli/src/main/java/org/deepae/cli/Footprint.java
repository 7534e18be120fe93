package org.deepae.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.deepae.io.AtomicFiles;

/**
 * What a command is about to add at a directory, noted before it writes anything, so that a command that fails
 * early can take it all back: the directories it will create, or the entries an existing directory did not hold.
 *
 * @param dir the directory, absolute
 * @param created the topmost directory that did not exist yet (null when {@code dir} existed)
 * @param existing the names {@code dir} held (empty when it did not exist)
 */
record Footprint(Path dir, Path created, Set<String> existing) {

    /** Notes the state of {@code dir} now. */
    static Footprint before(Path dir) throws IOException {
        Path absolute = dir.toAbsolutePath().normalize();
        if (Files.isDirectory(absolute)) {
            try (Stream<Path> entries = Files.list(absolute)) {
                return new Footprint(
                        absolute,
                        null,
                        entries.map(p -> p.getFileName().toString()).collect(Collectors.toUnmodifiableSet()));
            }
        }
        Path top = absolute;
        while (top.getParent() != null && Files.notExists(top.getParent())) {
            top = top.getParent();
        }
        return new Footprint(absolute, top, Set.of());
    }

    /** Takes back every one of {@code footprints}; whether all succeeded. */
    static boolean takeBack(List<Footprint> footprints) {
        boolean complete = true;
        for (Footprint footprint : footprints) {
            complete &= footprint.takeBack();
        }
        return complete;
    }

    /** Deletes what was added since {@link #before}; whether that succeeded. */
    boolean takeBack() {
        try {
            if (created != null) {
                AtomicFiles.deleteRecursively(created);
            } else if (Files.isDirectory(dir)) {
                try (Stream<Path> entries = Files.list(dir)) {
                    for (Path entry : entries.toList()) {
                        if (!existing.contains(entry.getFileName().toString())) {
                            AtomicFiles.deleteRecursively(entry);
                        }
                    }
                }
            }
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
