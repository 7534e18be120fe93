package org.deepae.tf;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;
import org.tensorflow.proto.Event;

/** Reads a TensorBoard event file (TFRecord framing) back into events, checking every checksum. */
public final class TensorBoardEventFile {

    private static final int MASK_DELTA = 0xa282ead8;

    private TensorBoardEventFile() {}

    /** The single {@code events.out.tfevents.*} file in {@code logDir}. */
    public static Path find(Path logDir) throws IOException {
        try (var files = Files.list(logDir)) {
            List<Path> events = files.filter(f -> f.getFileName().toString().startsWith("events.out.tfevents."))
                    .toList();
            if (events.size() != 1) {
                throw new IOException(logDir + ": expected one event file, found " + events);
            }
            return events.get(0);
        }
    }

    /**
     * Each record is {@code uint64 length, uint32 masked crc32c(length), byte[length] data, uint32 masked
     * crc32c(data)},
     * little endian.
     */
    public static List<Event> read(Path file) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        List<Event> events = new ArrayList<>();
        while (buffer.hasRemaining()) {
            int recordStart = buffer.position();
            if (buffer.remaining() < 12) {
                throw new IOException(file + ": truncated record header at byte " + recordStart);
            }
            byte[] lengthBytes = new byte[8];
            buffer.get(lengthBytes);
            long length =
                    ByteBuffer.wrap(lengthBytes).order(ByteOrder.LITTLE_ENDIAN).getLong();
            checkCrc(file, "length", recordStart, maskedCrc32c(lengthBytes), buffer.getInt());
            if (length < 0 || length > buffer.remaining() - 4) {
                throw new IOException(file + ": record at byte " + recordStart + " claims " + length + " bytes");
            }
            byte[] data = new byte[(int) length];
            buffer.get(data);
            checkCrc(file, "data", recordStart, maskedCrc32c(data), buffer.getInt());
            events.add(Event.parseFrom(data));
        }
        return events;
    }

    static int maskedCrc32c(byte[] bytes) {
        CRC32C crc = new CRC32C();
        crc.update(bytes);
        int value = (int) crc.getValue();
        return ((value >>> 15) | (value << 17)) + MASK_DELTA;
    }

    private static void checkCrc(Path file, String what, int recordStart, int expected, int found) throws IOException {
        if (expected != found) {
            throw new IOException(String.format(
                    "%s: %s checksum of the record at byte %d is %08x, expected %08x",
                    file, what, recordStart, found, expected));
        }
    }
}
