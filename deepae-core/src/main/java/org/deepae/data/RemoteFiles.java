package org.deepae.data;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Where the four gzip-compressed IDX files of a dataset can be downloaded, and their published checksums.
 *
 * @param mirrors base URLs ending in {@code /}, tried in order
 * @param checksums the checksum of each {@code .gz} file, keyed by file name
 */
public record RemoteFiles(List<URI> mirrors, Map<String, Checksum> checksums) {
    public RemoteFiles {
        mirrors = List.copyOf(mirrors);
        checksums = Map.copyOf(checksums);
        if (mirrors.isEmpty()) {
            throw new IllegalArgumentException("at least one mirror is needed");
        }
        for (URI mirror : mirrors) {
            if (mirror.getPath() == null || !mirror.getPath().endsWith("/")) {
                throw new IllegalArgumentException("mirror must be a base URL ending in /, got " + mirror);
            }
        }
        for (String name : IdxDirectory.STANDARD_NAMES) {
            if (!checksums.containsKey(name + ".gz")) {
                throw new IllegalArgumentException("no checksum given for " + name + ".gz");
            }
        }
    }

    /** The same files and checksums at other mirrors. */
    public RemoteFiles withMirrors(List<URI> others) {
        return new RemoteFiles(others, checksums);
    }

    /** The checksum of {@code fileName}. */
    public Checksum checksum(String fileName) {
        return Objects.requireNonNull(checksums.get(fileName), () -> "no checksum for " + fileName);
    }
}
