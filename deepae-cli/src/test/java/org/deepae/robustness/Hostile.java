package org.deepae.robustness;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;

/** Builds well-formed and broken input files byte by byte. */
final class Hostile {
    static final int IMAGES = 0x00000803;
    static final int LABELS = 0x00000801;

    private Hostile() {}

    /** An IDX header (magic, then the dimensions) followed by {@code payload} bytes 0, 1, 2, ... (mod 256). */
    static byte[] idx(int magic, int[] dims, int payload) {
        ByteBuffer b = ByteBuffer.allocate(4 + 4 * dims.length + payload);
        b.putInt(magic);
        for (int d : dims) {
            b.putInt(d);
        }
        for (int i = 0; i < payload; i++) {
            b.put((byte) (i * 7));
        }
        return b.array();
    }

    static byte[] images(int count, int height, int width) {
        return idx(IMAGES, new int[] {count, height, width}, count * height * width);
    }

    static byte[] labels(int count) {
        byte[] bytes = idx(LABELS, new int[] {count}, count);
        for (int i = 8; i < bytes.length; i++) {
            bytes[i] = (byte) ((i - 8) % 10);
        }
        return bytes;
    }

    static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(data);
        }
        return bytes.toByteArray();
    }

    static byte[] cut(byte[] data, int length) {
        return Arrays.copyOf(data, length);
    }

    static byte[] append(byte[] data, int extra) {
        return Arrays.copyOf(data, data.length + extra);
    }

    /** {@code data} with its bytes from {@code from} (to just before the 8-byte gzip trailer) inverted. */
    static byte[] garble(byte[] data, int from) {
        byte[] copy = data.clone();
        for (int i = from; i < copy.length - 8; i++) {
            copy[i] = (byte) ~copy[i];
        }
        return copy;
    }

    /** A {@code .npy} file: magic, version, little-endian header length, the header padded to 64 bytes, the payload. */
    static byte[] npy(int major, String header, byte[] payload) {
        int lengthBytes = major == 1 ? 2 : 4;
        int prefix = 6 + 2 + lengthBytes;
        int padded = ((prefix + header.length() + 1 + 63) / 64) * 64 - prefix;
        String text = header + " ".repeat(padded - header.length() - 1) + "\n";
        ByteBuffer b = ByteBuffer.allocate(prefix + padded + payload.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', (byte) major, 0});
        if (major == 1) {
            b.putShort((short) padded);
        } else {
            b.putInt(padded);
        }
        b.put(text.getBytes(StandardCharsets.ISO_8859_1)).put(payload);
        return b.array();
    }

    static String npyHeader(String descr, boolean fortran, String shape) {
        return "{'descr': '" + descr + "', 'fortran_order': " + (fortran ? "True" : "False") + ", 'shape': " + shape
                + ", }";
    }

    static byte[] float32(float... values) {
        ByteBuffer b = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : values) {
            b.putFloat(v);
        }
        return b.array();
    }

    /** Values 0, 1/n, 2/n, ... for {@code n} values. */
    static float[] ramp(int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = i / (float) n;
        }
        return v;
    }

    /** CSV text of {@code rows} rows of {@code width} values, with a header {@code x0,...} when {@code header}. */
    static String csv(int rows, int width, boolean header) {
        StringBuilder text = new StringBuilder();
        if (header) {
            for (int c = 0; c < width; c++) {
                text.append(c == 0 ? "" : ",").append("x").append(c);
            }
            text.append('\n');
        }
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < width; c++) {
                text.append(c == 0 ? "" : ",").append((r * width + c) % 10 / 10.0);
            }
            text.append('\n');
        }
        return text.toString();
    }

    static Path write(Path file, byte[] content) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        return Files.write(file, content);
    }

    static Path write(Path file, String content) throws IOException {
        return write(file, content.getBytes(StandardCharsets.UTF_8));
    }
}
