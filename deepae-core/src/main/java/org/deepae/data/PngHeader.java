package org.deepae.data;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.zip.CRC32;

/**
 * The size of a PNG image, read from its header chunk (IHDR) before any decoder sees the file, after checking the
 * signature, the chunk structure and every chunk's CRC up to {@code IEND}.
 *
 * @param height the image height in pixels, positive
 * @param width the image width in pixels, positive
 */
record PngHeader(int height, int width) {
    /**
     * The most pixels one image may have: 2^26 = 67,108,864 (8192 x 8192). Decoding takes about 8 bytes per pixel
     * (the decoder's raster and deepae's float row), so this bounds one image at about 512 MB; a 68-byte file whose
     * header claimed 2,000,000,000 x 1 pixels took 2 GB and 10 s to reject before this check.
     */
    static final long MAX_PIXELS = 1L << 26;

    /** The eight bytes every PNG file starts with. */
    static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    /** Reads and checks {@code file}'s structure, returning the size its header gives. */
    static PngHeader read(Path file) throws IOException {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            return new Walk(file, in).run();
        }
    }

    /** The state of walking one file's chunks. */
    private static final class Walk {
        private final Path file;
        private final DataInputStream in;
        private final CRC32 crc = new CRC32();
        private final byte[] buffer = new byte[1 << 16];

        Walk(Path file, DataInputStream in) {
            this.file = file;
            this.in = in;
        }

        PngHeader run() throws IOException {
            byte[] signature = in.readNBytes(SIGNATURE.length);
            if (!Arrays.equals(signature, SIGNATURE)) {
                throw new DataFormatException(
                        file,
                        signature.length == 0
                                ? "the file is empty, expected a PNG image"
                                : "expected a PNG image, found a file without the PNG signature (it starts "
                                        + hex(signature) + ")");
            }
            PngHeader header = null;
            for (int index = 1; ; index++) {
                byte[] start = in.readNBytes(8);
                if (start.length < 8) {
                    throw new DataFormatException(
                            file,
                            "the file is truncated: it ends "
                                    + (header == null
                                            ? "after the signature, before the header chunk IHDR"
                                            : "before the IEND chunk"));
                }
                long length = Integer.toUnsignedLong(readInt(start, 0));
                String type = type(start);
                if (type == null) {
                    throw new DataFormatException(
                            file,
                            "chunk " + index + " has the type bytes " + hex(Arrays.copyOfRange(start, 4, 8))
                                    + ", not four letters; the file is corrupt");
                }
                if (length > Integer.MAX_VALUE) {
                    throw new DataFormatException(
                            file,
                            "chunk " + index + " (" + type + ") claims " + length
                                    + " bytes, more than the 2^31-1 PNG allows; the file is corrupt");
                }
                if (header == null && (!type.equals("IHDR") || length != 13)) {
                    throw new DataFormatException(
                            file,
                            "expected the 13-byte header chunk IHDR first, found chunk " + type + " of " + length
                                    + " bytes");
                }
                crc.reset();
                crc.update(start, 4, 4);
                byte[] data = header == null ? readFully(13, index, type) : null;
                if (data == null) {
                    skip(length, index, type);
                } else {
                    crc.update(data);
                }
                checkCrc(index, type);
                if (header == null) {
                    header = header(data);
                }
                if (type.equals("IEND")) {
                    return header;
                }
            }
        }

        private PngHeader header(byte[] data) throws DataFormatException {
            long width = Integer.toUnsignedLong(readInt(data, 0));
            long height = Integer.toUnsignedLong(readInt(data, 4));
            if (width == 0 || height == 0 || width > Integer.MAX_VALUE || height > Integer.MAX_VALUE) {
                throw new DataFormatException(
                        file,
                        "the header (IHDR) gives a width of " + width + " and a height of " + height
                                + "; both must be positive");
            }
            if (width * height > MAX_PIXELS) {
                throw new DataFormatException(
                        file,
                        "the header (IHDR) claims an image of " + height + "x" + width
                                + " (height x width), " + String.format(Locale.ROOT, "%,d", width * height)
                                + " pixels; the limit is "
                                + String.format(Locale.ROOT, "%,d", MAX_PIXELS) + " pixels per image");
            }
            return new PngHeader((int) height, (int) width);
        }

        private byte[] readFully(int length, int index, String type) throws IOException {
            byte[] data = in.readNBytes(length);
            if (data.length < length) {
                throw truncated(index, type);
            }
            return data;
        }

        private void skip(long length, int index, String type) throws IOException {
            long left = length;
            while (left > 0) {
                int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
                if (n < 0) {
                    throw truncated(index, type);
                }
                crc.update(buffer, 0, n);
                left -= n;
            }
        }

        private void checkCrc(int index, String type) throws IOException {
            int stored;
            try {
                stored = in.readInt();
            } catch (EOFException e) {
                throw truncated(index, type);
            }
            int computed = (int) crc.getValue();
            if (stored != computed) {
                throw new DataFormatException(
                        file,
                        "chunk " + index + " (" + type + ") has the CRC "
                                + String.format(Locale.ROOT, "%08X", stored) + " but its bytes give "
                                + String.format(Locale.ROOT, "%08X", computed) + "; the file is corrupt");
            }
        }

        private DataFormatException truncated(int index, String type) {
            return new DataFormatException(
                    file, "the file is truncated: it ends inside chunk " + index + " (" + type + ")");
        }
    }

    private static int readInt(byte[] b, int at) {
        return (b[at] & 0xFF) << 24 | (b[at + 1] & 0xFF) << 16 | (b[at + 2] & 0xFF) << 8 | (b[at + 3] & 0xFF);
    }

    /** The chunk type of {@code start}'s bytes 4-7 when they are four ASCII letters, else {@code null}. */
    private static String type(byte[] start) {
        for (int i = 4; i < 8; i++) {
            int c = start[i];
            if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'))) {
                return null;
            }
        }
        return new String(start, 4, 4, StandardCharsets.US_ASCII);
    }

    private static String hex(byte[] bytes) {
        StringBuilder text = new StringBuilder();
        for (byte b : bytes) {
            text.append(String.format(Locale.ROOT, "%02X ", b & 0xFF));
        }
        return text.toString().strip();
    }
}
