package org.deepae.data;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/** Builds small IDX files byte by byte, including broken ones. */
final class IdxTestFiles {
    private IdxTestFiles() {}

    /** A header (magic, then the dimensions) followed by {@code payload} bytes 0, 1, 2, ... */
    static byte[] idx(int magic, int[] dims, int payload) {
        ByteBuffer b = ByteBuffer.allocate(4 + 4 * dims.length + payload);
        b.putInt(magic);
        for (int d : dims) {
            b.putInt(d);
        }
        for (int i = 0; i < payload; i++) {
            b.put((byte) i);
        }
        return b.array();
    }

    /** A well-formed images file holding {@code count} images of 4x4. */
    static byte[] images4x4(int count) {
        return idx(0x00000803, new int[] {count, 4, 4}, count * 16);
    }

    /** A well-formed label file holding labels 0, 1, 2, ... */
    static byte[] labels(int count) {
        return idx(0x00000801, new int[] {count}, count);
    }

    static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(data);
        }
        return bytes.toByteArray();
    }

    static Path write(Path file, byte[] content) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        return Files.write(file, content);
    }
}
