package org.deepae.data;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads unsigned-byte IDX files (the MNIST format), plain or gzip-compressed; compression is detected from the content,
 * not the name.
 *
 * <p>Every header field is checked, and the payload length must match the header exactly. A header that claims more
 * data than the file holds fails before the payload is allocated. Methods that take a {@link MessageDigest} update it
 * with the decompressed bytes read, so that a digest over several files costs no second pass.
 */
public final class IdxReader {
    private static final int IMAGE_RANK = 3;
    private static final int LABEL_RANK = 1;
    private static final int FIRST_CHUNK = 1 << 20;

    private IdxReader() {}

    /** Reads images ({@code idx3-ubyte}) and labels ({@code idx1-ubyte}) into an {@link ImageSet} scaled to [0, 1]. */
    public static ImageSet readImages(Path images, Path labels) throws IOException {
        return readImages(images, labels, null);
    }

    /** Like {@link #readImages(Path, Path)}, updating {@code digest} (if not null) with images, then labels. */
    public static ImageSet readImages(Path images, Path labels, MessageDigest digest) throws IOException {
        return withLabels(
                readImageBytes(images, digest), readLabels(labels, digest), images.toString(), labels.toString());
    }

    /** Reads an {@code idx3-ubyte} file into raw bytes. */
    public static IdxImages readImageBytes(Path file) throws IOException {
        return readImageBytes(file, null);
    }

    /** Reads an {@code idx3-ubyte} file, updating {@code digest} (if not null) with its decompressed bytes. */
    public static IdxImages readImageBytes(Path file, MessageDigest digest) throws IOException {
        checkReadableFile(file);
        try (InputStream in = Files.newInputStream(file)) {
            return toImages(read(in, file.toString(), Files.size(file), IMAGE_RANK, digest));
        }
    }

    /** Reads an {@code idx3-ubyte} stream named {@code source} in messages; the caller closes the stream. */
    public static IdxImages readImageBytes(InputStream in, String source, MessageDigest digest) throws IOException {
        return toImages(read(in, source, -1, IMAGE_RANK, digest));
    }

    /** Reads an {@code idx1-ubyte} label file; each label is an unsigned byte 0..255. */
    public static int[] readLabels(Path file) throws IOException {
        return readLabels(file, null);
    }

    /** Reads an {@code idx1-ubyte} label file, updating {@code digest} (if not null) with its decompressed bytes. */
    public static int[] readLabels(Path file, MessageDigest digest) throws IOException {
        checkReadableFile(file);
        try (InputStream in = Files.newInputStream(file)) {
            return toLabels(read(in, file.toString(), Files.size(file), LABEL_RANK, digest));
        }
    }

    /** Reads an {@code idx1-ubyte} stream named {@code source} in messages; the caller closes the stream. */
    public static int[] readLabels(InputStream in, String source, MessageDigest digest) throws IOException {
        return toLabels(read(in, source, -1, LABEL_RANK, digest));
    }

    /** Joins images and labels, checking that there is one label per image. */
    public static ImageSet withLabels(IdxImages images, int[] labels, String imagesSource, String labelsSource)
            throws DataFormatException {
        if (labels.length != images.count()) {
            throw new DataFormatException(
                    labelsSource,
                    "expected " + images.count() + " labels, one per image in " + imagesSource + ", found "
                            + labels.length);
        }
        return images.toImageSet(labels);
    }

    /** Hex SHA-256 over the decompressed content of the files, in order (the {@link DatasetInfo#sha256()} scheme). */
    public static String sha256(Path... files) throws IOException {
        MessageDigest digest = Checksum.newDigest("SHA-256");
        for (Path file : files) {
            checkReadableFile(file);
            try (InputStream raw = Files.newInputStream(file)) {
                decompressed(new BufferedInputStream(raw, 1 << 16)).transferTo(new DigestingSink(digest));
            } catch (ZipException | EOFException e) {
                throw new DataFormatException(file, "corrupt gzip data (" + e.getMessage() + ")", e);
            }
        }
        return Checksum.hex(digest.digest());
    }

    private static IdxImages toImages(Payload p) {
        return new IdxImages(
                p.data(), p.header().dims()[0], p.header().dims()[1], p.header().dims()[2]);
    }

    private static int[] toLabels(Payload p) {
        int[] labels = new int[p.data().length];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = p.data()[i] & 0xFF;
        }
        return labels;
    }

    private record Payload(IdxHeader header, byte[] data) {}

    private static void checkReadableFile(Path file) throws IOException {
        if (Files.isDirectory(file)) {
            throw new DataFormatException(file, "expected an IDX file, found a directory");
        }
        if (!Files.exists(file)) {
            throw new NoSuchFileException(file.toString(), null, "no such IDX file");
        }
        if (Files.size(file) == 0) {
            throw new DataFormatException(file, "expected an IDX file, found an empty file");
        }
    }

    /**
     * Reads one IDX file. {@code rawSize} is the stored size when known (a plain file), else -1; it lets a plain file
     * with a lying header fail before allocation. Gzip content is read in growing chunks, so it cannot force a large
     * allocation either.
     */
    private static Payload read(InputStream raw, String source, long rawSize, int rank, MessageDigest digest)
            throws IOException {
        BufferedInputStream buffered = new BufferedInputStream(raw, 1 << 16);
        boolean gzip = isGzip(buffered);
        try {
            InputStream in = gzip ? new GZIPInputStream(buffered, 1 << 16) : buffered;
            if (digest != null) {
                in = new DigestInputStream(in, digest);
            }
            IdxHeader header = IdxHeader.read(in, source, rank);
            long expected = header.payloadBytes();
            if (!gzip && rawSize >= 0 && rawSize - header.size() != expected) {
                throw lengthMismatch(source, header, rawSize - header.size());
            }
            byte[] data = readPayload(in, source, header);
            long trailing = in.transferTo(OutputStream.nullOutputStream());
            if (trailing > 0) {
                throw lengthMismatch(source, header, expected + trailing);
            }
            return new Payload(header, data);
        } catch (ZipException | EOFException e) {
            if (!gzip) {
                throw e;
            }
            throw new DataFormatException(source, "corrupt or truncated gzip data (" + e.getMessage() + ")", e);
        }
    }

    private static byte[] readPayload(InputStream in, String source, IdxHeader header) throws IOException {
        int expected = header.payloadBytes();
        byte[] data = new byte[Math.min(expected, FIRST_CHUNK)];
        int filled = 0;
        while (true) {
            int n = in.readNBytes(data, filled, data.length - filled);
            filled += n;
            if (filled == expected) {
                return data;
            }
            if (filled < data.length) {
                throw lengthMismatch(source, header, filled);
            }
            data = Arrays.copyOf(data, (int) Math.min(expected, 2L * data.length));
        }
    }

    private static DataFormatException lengthMismatch(String source, IdxHeader header, long found) {
        long expected = header.payloadBytes();
        String shape = Arrays.stream(header.dims())
                .mapToObj(Integer::toString)
                .reduce((a, b) -> a + " x " + b)
                .orElse("");
        return new DataFormatException(
                source,
                "expected " + expected + " bytes of data after the " + header.size()
                        + "-byte header (" + shape + "), found " + found
                        + (found < expected
                                ? " (the file is truncated)"
                                : " (" + (found - expected) + " trailing bytes)"));
    }

    private static boolean isGzip(BufferedInputStream in) throws IOException {
        in.mark(2);
        int b0 = in.read();
        int b1 = in.read();
        in.reset();
        return b0 == 0x1f && b1 == 0x8b;
    }

    private static InputStream decompressed(BufferedInputStream in) throws IOException {
        return isGzip(in) ? new GZIPInputStream(in, 1 << 16) : in;
    }

    /** An output stream that only feeds a digest. */
    private static final class DigestingSink extends OutputStream {
        private final MessageDigest digest;

        DigestingSink(MessageDigest digest) {
            this.digest = digest;
        }

        @Override
        public void write(int b) {
            digest.update((byte) b);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            digest.update(b, off, len);
        }
    }
}
