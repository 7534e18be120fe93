package org.deepae.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The four standard MNIST-layout IDX files in a directory or on the classpath, and reading them as a pair of sets. */
final class IdxDirectory {
    /** File names without {@code .gz}, in the order the dataset digest covers them. */
    static final List<String> STANDARD_NAMES = List.of(
            "train-images-idx3-ubyte", "train-labels-idx1-ubyte", "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte");

    /** Training and test sets with the SHA-256 over their decompressed files. */
    record Contents(ImageSet train, ImageSet test, String sha256) {}

    private IdxDirectory() {}

    private static Optional<Path> locate(Path dir, String name) {
        for (Path candidate : List.of(dir.resolve(name + ".gz"), dir.resolve(name))) {
            if (Files.isRegularFile(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** The standard names (without {@code .gz}) that {@code dir} lacks in both the {@code .gz} and the plain form. */
    static List<String> missing(Path dir) {
        return STANDARD_NAMES.stream()
                .filter(name -> locate(dir, name).isEmpty())
                .toList();
    }

    /** Reads the four files from {@code dir}, preferring {@code name.gz} over {@code name}. */
    static Contents read(Path dir) throws IOException {
        List<String> missing = missing(dir);
        for (String name : missing) {
            for (Path candidate : List.of(dir.resolve(name + ".gz"), dir.resolve(name))) {
                if (Files.isDirectory(candidate)) {
                    throw new DataFormatException(candidate, "expected an IDX file, found a directory");
                }
            }
        }
        if (!missing.isEmpty()) {
            throw new DataFormatException(
                    dir, "expected the files " + STANDARD_NAMES + " (each plain or .gz), missing " + missing);
        }
        List<Path> files = new ArrayList<>();
        for (String name : STANDARD_NAMES) {
            files.add(locate(dir, name).orElseThrow());
        }
        MessageDigest digest = Checksum.newDigest("SHA-256");
        ImageSet train = IdxReader.readImages(files.get(0), files.get(1), digest);
        ImageSet test = IdxReader.readImages(files.get(2), files.get(3), digest);
        return checkShapes(dir.toString(), train, test, Checksum.hex(digest.digest()));
    }

    /** Reads the four {@code .gz} files from the classpath directory {@code resourceDir} (ending in {@code /}). */
    static Contents readResources(String resourceDir) throws IOException {
        MessageDigest digest = Checksum.newDigest("SHA-256");
        ImageSet train = readResourcePair(resourceDir, 0, digest);
        ImageSet test = readResourcePair(resourceDir, 2, digest);
        return checkShapes("classpath:" + resourceDir, train, test, Checksum.hex(digest.digest()));
    }

    private static ImageSet readResourcePair(String resourceDir, int first, MessageDigest digest) throws IOException {
        String images = "classpath:" + resourceDir + STANDARD_NAMES.get(first) + ".gz";
        String labels = "classpath:" + resourceDir + STANDARD_NAMES.get(first + 1) + ".gz";
        IdxImages pixels;
        try (InputStream in = openResource(images)) {
            pixels = IdxReader.readImageBytes(in, images, digest);
        }
        int[] values;
        try (InputStream in = openResource(labels)) {
            values = IdxReader.readLabels(in, labels, digest);
        }
        return IdxReader.withLabels(pixels, values, images, labels);
    }

    private static InputStream openResource(String name) throws IOException {
        InputStream in = IdxDirectory.class.getResourceAsStream(name.substring("classpath:".length()));
        if (in == null) {
            throw new IOException(name + ": bundled resource is missing from the classpath");
        }
        return in;
    }

    private static Contents checkShapes(String source, ImageSet train, ImageSet test, String sha256)
            throws DataFormatException {
        if (train.height() != test.height() || train.width() != test.width()) {
            throw new DataFormatException(
                    source,
                    "expected test images of the training size " + train.height() + "x" + train.width() + ", found "
                            + test.height() + "x" + test.width());
        }
        return new Contents(train, test, sha256);
    }
}
