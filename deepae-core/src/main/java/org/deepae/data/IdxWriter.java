package org.deepae.data;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.deepae.io.AtomicFiles;

/**
 * Writes unsigned-byte IDX files, plain or gzip-compressed, atomically (a temporary sibling moved into place).
 * Output is deterministic: the gzip header written by the JDK has no time stamp or file name.
 */
public final class IdxWriter {
    private IdxWriter() {}

    /** Writes raw images as an {@code idx3-ubyte} file. */
    public static void writeImages(Path file, IdxImages images, Compression compression) throws IOException {
        write(file, compression, out -> {
            out.writeInt(IdxHeader.magic(3));
            out.writeInt(images.count());
            out.writeInt(images.height());
            out.writeInt(images.width());
            out.write(images.pixels());
        });
    }

    /** Writes images as an {@code idx3-ubyte} file, each value {@code v} in [0, 1] stored as {@code round(v * 255)}. */
    public static void writeImages(Path file, ImageSet images, Compression compression) throws IOException {
        writeImages(file, toBytes(images), compression);
    }

    /** Writes labels, each 0..255, as an {@code idx1-ubyte} file. */
    public static void writeLabels(Path file, int[] labels, Compression compression) throws IOException {
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] > 255) {
                throw new IllegalArgumentException(
                        "label " + i + " must be in 0..255 to fit an unsigned byte, got " + labels[i]);
            }
        }
        write(file, compression, out -> {
            out.writeInt(IdxHeader.magic(1));
            out.writeInt(labels.length);
            for (int label : labels) {
                out.writeByte(label);
            }
        });
    }

    /** Converts [0, 1] floats to unsigned bytes. */
    static IdxImages toBytes(ImageSet images) {
        float[] values = images.pixels();
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            float v = values[i];
            if (!(v >= 0f && v <= 1f)) {
                throw new IllegalArgumentException("pixel value " + i + " must be in [0, 1], got " + v);
            }
            bytes[i] = (byte) Math.round(v * 255f);
        }
        return new IdxImages(bytes, images.rows(), images.height(), images.width());
    }

    private interface Body {
        void write(DataOutputStream out) throws IOException;
    }

    private static void write(Path file, Compression compression, Body body) throws IOException {
        AtomicFiles.write(file, fileOut -> {
            OutputStream target = compression == Compression.GZIP ? new GZIPOutputStream(fileOut, 1 << 16) : fileOut;
            try (DataOutputStream out = new DataOutputStream(target)) {
                body.write(out);
            }
        });
    }
}
