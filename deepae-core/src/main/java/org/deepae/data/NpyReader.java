package org.deepae.data;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Reads NumPy {@code .npy} files (format versions 1.0, 2.0 and 3.0) holding a 2-D array {@code (rows, width)} of
 * plain rows, a 3-D array {@code (rows, height, width)} of grayscale images or a 4-D array {@code (rows, height, width,
 * channels)} of images with 1 to 4 channels (HWC, the channels of a pixel together, as numpy and TensorFlow store
 * them).
 *
 * <p>Element types: float32 and float64 (either byte order; float64 is rounded to float) taken as they are, and
 * uint8 scaled to [0, 1] as {@code v / 255}, like the IDX images used in training. Fortran-ordered (column-major)
 * arrays are supported: they are transposed into row-major order. The payload length must match the shape exactly,
 * and a shape that claims more data than the file holds fails before anything is allocated.
 */
public final class NpyReader {
    /** The six bytes every {@code .npy} file starts with. */
    static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};

    private static final int CHUNK = 1 << 16;
    private static final int MAX_HEADER = 1 << 24;
    private static final String RANKS = "expected a 2-D (rows, width), 3-D (rows, height, width) or 4-D (rows, height, "
            + "width, channels) array, found ";

    private NpyReader() {}

    /** Reads {@code file} into rows; 3-D and 4-D arrays become images. */
    public static Rows read(Path file) throws IOException {
        String source = file.toString();
        long size = Files.size(file);
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), CHUNK)) {
            byte[] prefix = in.readNBytes(MAGIC.length + 2);
            if (prefix.length < MAGIC.length || !Arrays.equals(prefix, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
                throw new DataFormatException(
                        source,
                        "expected a NumPy .npy file starting with \\x93NUMPY, found "
                                + (prefix.length == 0 ? "an empty file" : "bytes " + hex(prefix)));
            }
            if (prefix.length < MAGIC.length + 2) {
                throw new DataFormatException(source, "file ends inside the .npy version bytes");
            }
            int major = prefix[6] & 0xFF;
            int minor = prefix[7] & 0xFF;
            if (minor != 0 || major < 1 || major > 3) {
                throw new DataFormatException(
                        source,
                        "unsupported .npy format version " + major + "." + minor + ": expected 1.0, 2.0 or 3.0");
            }
            int lengthBytes = major == 1 ? 2 : 4;
            byte[] lengthField = in.readNBytes(lengthBytes);
            if (lengthField.length < lengthBytes) {
                throw new DataFormatException(source, "file ends inside the .npy header length");
            }
            ByteBuffer lengthBuffer = ByteBuffer.wrap(lengthField).order(ByteOrder.LITTLE_ENDIAN);
            long headerLength = major == 1 ? lengthBuffer.getShort() & 0xFFFF : lengthBuffer.getInt() & 0xFFFFFFFFL;
            long dataStart = MAGIC.length + 2 + lengthBytes + headerLength;
            if (headerLength > MAX_HEADER) {
                throw new DataFormatException(
                        source, "the header claims " + headerLength + " bytes; expected at most " + MAX_HEADER);
            }
            if (dataStart > size) {
                throw new DataFormatException(
                        source,
                        "the header claims " + headerLength + " bytes but only " + (size - dataStart + headerLength)
                                + " follow");
            }
            String text = decode(in.readNBytes((int) headerLength), major, source);
            NpyHeader header = NpyHeader.parse(text, source);
            Shape shape = checkShape(header, size - dataStart, source);
            float[] values = readValues(in, header, shape.elements, source);
            if (header.fortranOrder()) {
                values = fromFortranOrder(values, header.shape());
            }
            return new Rows(values, shape.rows, shape.width, null, null, shape.image, source);
        }
    }

    /** The array's size as rows; {@code image} is {@code null} for a 2-D array. */
    private record Shape(int elements, int rows, int width, ImageShape image) {}

    private static Shape checkShape(NpyHeader header, long payload, String source) throws DataFormatException {
        long[] dims = header.shape();
        String shape = shapeText(dims);
        if (dims.length == 1) {
            throw new DataFormatException(
                    source,
                    RANKS + "the 1-D shape " + shape + "; reshape it, for example x.reshape(1, -1) for one row");
        }
        if (dims.length == 0 || dims.length > 4) {
            throw new DataFormatException(source, RANKS + "the " + dims.length + "-D shape " + shape);
        }
        if (dims.length == 4 && (dims[3] < 1 || dims[3] > 4)) {
            throw new DataFormatException(
                    source,
                    "expected 1 to 4 channels in the last dimension of a 4-D (rows, height, "
                            + "width, channels) array, found shape " + shape + " with " + dims[3]);
        }
        long elements = header.elements();
        long bytes = elements < 0 ? -1 : elements * header.dtype().size;
        if (bytes != payload) {
            throw new DataFormatException(
                    source,
                    "shape " + shape + " of " + header.dtype().size + "-byte elements "
                            + "needs " + (bytes < 0 ? "more than " + Long.MAX_VALUE : bytes) + " bytes of data, found "
                            + payload
                            + (bytes >= 0 && payload > bytes
                                    ? " (" + (payload - bytes) + " trailing bytes)"
                                    : " (the file is truncated)"));
        }
        if (elements > IdxHeader.MAX_ARRAY) {
            throw new DataFormatException(
                    source,
                    "shape " + shape + " holds more than the " + IdxHeader.MAX_ARRAY + " values a Java array can hold");
        }
        long width = 1;
        for (int k = 1; k < dims.length; k++) {
            width = saturatedProduct(width, dims[k]);
        }
        if (width == 0 || width > IdxHeader.MAX_ARRAY) {
            throw new DataFormatException(source, "expected rows of at least one value, found shape " + shape);
        }
        ImageShape image = dims.length == 2
                ? null
                : new ImageShape((int) dims[1], (int) dims[2], dims.length == 4 ? (int) dims[3] : 1);
        return new Shape((int) elements, (int) dims[0], (int) width, image);
    }

    private static long saturatedProduct(long a, long b) {
        return b != 0 && a > Long.MAX_VALUE / b ? Long.MAX_VALUE : a * b;
    }

    private static String decode(byte[] bytes, int major, String source) throws DataFormatException {
        if (major < 3) {
            return new String(bytes, StandardCharsets.ISO_8859_1);
        }
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new DataFormatException(source, "expected a UTF-8 header (format 3.0), found invalid bytes", e);
        }
    }

    private static float[] readValues(InputStream in, NpyHeader header, int elements, String source)
            throws IOException {
        int size = header.dtype().size;
        float[] values = new float[elements];
        byte[] chunk = new byte[CHUNK];
        int done = 0;
        while (done < elements) {
            int want = Math.min(CHUNK / size, elements - done);
            int got = in.readNBytes(chunk, 0, want * size);
            if (got < want * size) {
                throw new DataFormatException(
                        source, "file ends after " + (done + got / size) + " of " + elements + " values");
            }
            ByteBuffer buffer = ByteBuffer.wrap(chunk, 0, got).order(header.order());
            switch (header.dtype()) {
                case UINT8 -> {
                    for (int i = 0; i < want; i++) {
                        values[done + i] = (chunk[i] & 0xFF) / 255f;
                    }
                }
                case FLOAT32 -> buffer.asFloatBuffer().get(values, done, want);
                case FLOAT64 -> {
                    for (int i = 0; i < want; i++) {
                        values[done + i] = (float) buffer.getDouble();
                    }
                }
                default -> throw new IllegalStateException(header.dtype().toString());
            }
            done += want;
        }
        return values;
    }

    /** Reorders column-major values of shape {@code dims} into row-major order. */
    static float[] fromFortranOrder(float[] values, long[] dims) {
        int rank = dims.length;
        int[] d = new int[rank];
        int[] stride = new int[rank];
        int s = 1;
        for (int k = 0; k < rank; k++) {
            d[k] = (int) dims[k];
            stride[k] = s;
            s *= d[k];
        }
        float[] out = new float[values.length];
        int[] index = new int[rank];
        int source = 0;
        for (int i = 0; i < out.length; i++) {
            out[i] = values[source];
            for (int k = rank - 1; k >= 0; k--) {
                index[k]++;
                source += stride[k];
                if (index[k] < d[k]) {
                    break;
                }
                source -= index[k] * stride[k];
                index[k] = 0;
            }
        }
        return out;
    }

    static String shapeText(long[] dims) {
        StringBuilder text = new StringBuilder("(");
        for (int i = 0; i < dims.length; i++) {
            text.append(i == 0 ? "" : ", ").append(dims[i]);
        }
        return text.append(dims.length == 1 ? ",)" : ")").toString();
    }

    private static String hex(byte[] bytes) {
        StringBuilder text = new StringBuilder();
        for (byte b : bytes) {
            text.append(String.format("%02X ", b & 0xFF));
        }
        return text.toString().strip();
    }
}
