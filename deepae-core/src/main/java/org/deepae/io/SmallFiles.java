package org.deepae.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Reads small files whole, with a size limit: only regular files (a FIFO would block the open forever, a device such
 * as {@code /dev/zero} never ends), never more than the limit even when the file grows while it is read.
 */
public final class SmallFiles {

    private SmallFiles() {}

    /**
     * The bytes of {@code file}, at most {@code limit} of them.
     *
     * @throws NoSuchFileException when {@code file} does not exist, unchanged, so that callers can say what is missing
     * @throws IOException for anything else, with a message that starts with the file: a directory, a FIFO, device or
     *     socket, a file larger than {@code limit}, or a read that failed
     */
    public static byte[] read(Path file, long limit) throws IOException {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            throw e;
        } catch (IOException e) {
            throw cannotRead(file, e);
        }
        if (attributes.isDirectory()) {
            throw new IOException(file + ": a directory, expected a file");
        }
        if (!attributes.isRegularFile()) {
            throw new IOException(file + ": not a regular file (a FIFO, device or socket), expected a file");
        }
        if (attributes.size() > limit) {
            throw tooLarge(file, attributes.size() + " bytes", limit);
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(Math.toIntExact(limit + 1));
        } catch (NoSuchFileException e) {
            throw e;
        } catch (IOException e) {
            throw cannotRead(file, e);
        }
        if (bytes.length > limit) {
            throw tooLarge(file, "it grew while being read to more than " + limit + " bytes", limit);
        }
        return bytes;
    }

    /** A limit for people: {@code 4 MiB (4194304 bytes)}. */
    public static String describe(long limit) {
        return limit % (1 << 20) == 0 ? limit / (1 << 20) + " MiB (" + limit + " bytes)" : limit + " bytes";
    }

    private static IOException tooLarge(Path file, String size, long limit) {
        return new IOException(file + ": " + size + ", larger than the limit of " + describe(limit) + " for this file");
    }

    private static IOException cannotRead(Path file, IOException e) {
        String reason = e instanceof AccessDeniedException ? "permission denied" : e.getMessage();
        return new IOException(file + ": cannot read (" + reason + ")", e);
    }
}
