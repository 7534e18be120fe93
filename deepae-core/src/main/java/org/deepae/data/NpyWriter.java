package org.deepae.data;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Objects;
import org.deepae.io.AtomicFiles;

/**
 * Writes float32 arrays as NumPy {@code .npy} files (format 1.0, little-endian {@code '<f4'}, C order), atomically.
 * As numpy does, the header is padded with spaces and ends with a newline so that the data starts at a multiple of
 * 64 bytes.
 */
public final class NpyWriter {
    private static final int ALIGNMENT = 64;
    private static final int PREFIX = NpyReader.MAGIC.length + 2 + 2;

    private NpyWriter() {}

    /**
     * Writes {@code values} as an array of the given shape.
     *
     * @throws IllegalArgumentException if a dimension is negative or the shape does not hold exactly
     *     {@code values.length} values
     */
    public static void writeFloat32(Path file, float[] values, int... shape) throws IOException {
        Objects.requireNonNull(values, "values");
        Objects.requireNonNull(shape, "shape");
        long product = 1;
        for (int d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException(
                        "dimensions must not be negative, got " + java.util.Arrays.toString(shape));
            }
            product *= d;
        }
        if (product != values.length) {
            throw new IllegalArgumentException("shape " + java.util.Arrays.toString(shape) + " holds " + product
                    + " values, got " + values.length);
        }
        byte[] header = header(shape);
        AtomicFiles.write(file, out -> {
            out.write(header);
            ByteBuffer buffer = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
            for (int i = 0; i < values.length; ) {
                buffer.clear();
                int n = Math.min(buffer.capacity() / Float.BYTES, values.length - i);
                buffer.asFloatBuffer().put(values, i, n);
                out.write(buffer.array(), 0, n * Float.BYTES);
                i += n;
            }
        });
    }

    /**
     * Writes {@code rows} as {@code (count, height, width)} when they are grayscale images, {@code (count, height,
     * width, channels)} when they are colour images (as the NPY reader reads them back), else {@code (count, width)}.
     */
    public static void write(Path file, Rows rows) throws IOException {
        if (rows.isImages() && !rows.shape().isGray()) {
            writeFloat32(
                    file,
                    rows.values(),
                    rows.count(),
                    rows.imageHeight(),
                    rows.imageWidth(),
                    rows.shape().channels());
        } else if (rows.isImages()) {
            writeFloat32(file, rows.values(), rows.count(), rows.imageHeight(), rows.imageWidth());
        } else {
            writeFloat32(file, rows.values(), rows.count(), rows.width());
        }
    }

    /** The magic, version, length and padded dictionary of a version 1.0 header. */
    static byte[] header(int... shape) {
        long[] dims = new long[shape.length];
        for (int i = 0; i < shape.length; i++) {
            dims[i] = shape[i];
        }
        return float32Header(dims);
    }

    /**
     * The version 1.0 header of a little-endian float32 array of {@code shape} in C order, padded so that the data
     * starts at a multiple of 64 bytes: for writing an array whose length is known only once it is written.
     */
    public static byte[] float32Header(long... shape) {
        long[] dims = shape.clone();
        StringBuilder dict = new StringBuilder("{'descr': '<f4', 'fortran_order': False, 'shape': ")
                .append(NpyReader.shapeText(dims))
                .append(", }");
        int total = PREFIX + dict.length() + 1;
        int padded = (total + ALIGNMENT - 1) / ALIGNMENT * ALIGNMENT;
        dict.append(" ".repeat(padded - total)).append('\n');
        byte[] text = dict.toString().getBytes(StandardCharsets.ISO_8859_1);
        ByteBuffer header = ByteBuffer.allocate(PREFIX + text.length).order(ByteOrder.LITTLE_ENDIAN);
        header.put(NpyReader.MAGIC)
                .put((byte) 1)
                .put((byte) 0)
                .putShort((short) text.length)
                .put(text);
        return header.array();
    }
}
