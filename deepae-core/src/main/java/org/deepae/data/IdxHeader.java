package org.deepae.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;

/**
 * The validated header of an unsigned-byte IDX file: its dimensions, each positive, with a product that fits an array.
 */
record IdxHeader(int[] dims) {
    /** Largest array the JVM reliably allocates. */
    static final long MAX_ARRAY = Integer.MAX_VALUE - 8;

    private static final int UNSIGNED_BYTE = 0x08;

    /** Number of header bytes: the magic number and one int per dimension. */
    long size() {
        return 4L + 4L * dims.length;
    }

    /** Number of payload bytes: the product of the dimensions. */
    int payloadBytes() {
        long product = 1;
        for (int d : dims) {
            product *= d;
        }
        return (int) product;
    }

    /** The magic number of an unsigned-byte file with {@code rank} dimensions. */
    static int magic(int rank) {
        return (UNSIGNED_BYTE << 8) | rank;
    }

    /** Describes what an IDX file of the given rank holds, for messages. */
    static String describe(int rank) {
        return String.format(
                "magic number 0x%08X (unsigned byte %s, %d dimension%s)",
                magic(rank), rank == 1 ? "labels" : "images", rank, rank == 1 ? "" : "s");
    }

    /** Reads and checks the header of a file that should have {@code rank} dimensions. */
    static IdxHeader read(InputStream in, String source, int rank) throws IOException {
        byte[] magic = in.readNBytes(4);
        if (magic.length == 0) {
            throw new DataFormatException(source, "no data, expected an IDX file starting with " + describe(rank));
        }
        if (magic.length < 4) {
            throw new DataFormatException(
                    source, "file ends inside the magic number: expected 4 bytes, found " + magic.length);
        }
        int found = ByteBuffer.wrap(magic).getInt();
        if (magic[0] != 0 || magic[1] != 0 || (magic[2] == UNSIGNED_BYTE && magic[3] != rank)) {
            throw new DataFormatException(
                    source, "expected " + describe(rank) + String.format(", found 0x%08X", found));
        }
        if (magic[2] != UNSIGNED_BYTE) {
            throw new DataFormatException(
                    source,
                    String.format(
                            "expected data type 0x08 (unsigned byte) in magic number 0x%08X, found 0x%02X (%s)",
                            found, magic[2] & 0xFF, typeName(magic[2])));
        }
        byte[] raw = in.readNBytes(4 * rank);
        if (raw.length < 4 * rank) {
            throw new DataFormatException(
                    source,
                    "file ends inside the IDX header: expected " + (4 + 4 * rank) + " header bytes, found "
                            + (4 + raw.length));
        }
        ByteBuffer buffer = ByteBuffer.wrap(raw);
        int[] dims = new int[rank];
        long product = 1;
        for (int i = 0; i < rank; i++) {
            dims[i] = buffer.getInt();
            if (dims[i] <= 0) {
                throw new DataFormatException(
                        source,
                        "expected a positive " + dimensionName(rank, i) + ", found " + Integer.toUnsignedLong(dims[i])
                                + (dims[i] < 0 ? " (" + dims[i] + " as a signed int)" : ""));
            }
            product *= dims[i];
            if (product > MAX_ARRAY) {
                throw new DataFormatException(
                        source,
                        "dimensions " + java.util.Arrays.toString(java.util.Arrays.copyOf(dims, i + 1))
                                + " describe more than the " + MAX_ARRAY + " bytes a Java array can hold");
            }
        }
        return new IdxHeader(dims);
    }

    private static String dimensionName(int rank, int i) {
        if (rank == 1) {
            return "label count";
        }
        return i == 0 ? "image count" : i == 1 ? "image height" : i == 2 ? "image width" : "dimension " + (i + 1);
    }

    private static String typeName(byte type) {
        return switch (type) {
            case 0x09 -> "signed byte";
            case 0x0B -> "short";
            case 0x0C -> "int";
            case 0x0D -> "float";
            case 0x0E -> "double";
            default -> "unknown type";
        };
    }
}
