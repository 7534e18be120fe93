package org.deepae.tf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.proto.Event;
import org.tensorflow.proto.HistogramProto;
import org.tensorflow.proto.Summary;

class TensorBoardWriterTest {

    @TempDir
    Path dir;

    @Test
    void writesScalarsImagesAndHistogramsThatReadBack() throws IOException {
        Path logDir = dir.resolve("logs/run1");
        try (TensorBoardWriter writer = TensorBoardWriter.open(logDir)) {
            writer.scalar("loss/train", 1, 0.5);
            writer.scalar("loss/train", 2, 0.25);
            writer.scalar("loss/train", 3, 0.125);
            writer.images("reconstructions", 3, threeImages(), 3, 4, 4, 3);
            writer.histogram("weights/dense0_w", 3, new float[] {1, 2, 3, 4, 10});
        }

        Path file = TensorBoardEventFile.find(logDir);
        assertThat(file.getFileName().toString()).endsWith(".v2");
        List<Event> events = TensorBoardEventFile.read(file);
        assertThat(events).hasSize(6);
        assertThat(events.get(0).getFileVersion()).isEqualTo("brain.Event:2");
        assertThat(events).allSatisfy(event -> assertThat(event.getWallTime()).isPositive());

        for (int i = 1; i <= 3; i++) {
            Event event = events.get(i);
            assertThat(event.getStep()).isEqualTo(i);
            Summary.Value value = onlyValue(event);
            assertThat(value.getTag()).isEqualTo("loss/train");
            assertThat(value.getValueCase()).isEqualTo(Summary.Value.ValueCase.SIMPLE_VALUE);
            assertThat(value.getSimpleValue()).isEqualTo((float) Math.pow(0.5, i));
        }

        Event imageEvent = events.get(4);
        assertThat(imageEvent.getStep()).isEqualTo(3);
        List<Summary.Value> images = imageEvent.getSummary().getValueList();
        assertThat(images)
                .extracting(Summary.Value::getTag)
                .containsExactly("reconstructions/image/0", "reconstructions/image/1", "reconstructions/image/2");
        assertThat(images).allSatisfy(value -> {
            assertThat(value.getImage().getHeight()).isEqualTo(4);
            assertThat(value.getImage().getWidth()).isEqualTo(4);
            assertThat(value.getImage().getColorspace()).isEqualTo(1);
        });
        BufferedImage first = png(images.get(0));
        assertThat(first.getWidth()).isEqualTo(4);
        assertThat(first.getHeight()).isEqualTo(4);
        assertThat(gray(first, 2, 1)).isEqualTo(255);
        assertThat(gray(first, 0, 0)).isZero();
        // Not stretched to the image's maximum: 0.2 stays 51 of 255.
        assertThat(gray(png(images.get(1)), 3, 3)).isEqualTo(51);
        BufferedImage third = png(images.get(2));
        assertThat(new int[] {gray(third, 0, 0), gray(third, 1, 1), gray(third, 2, 2), gray(third, 3, 3)})
                .containsExactly(0, 85, 170, 255);

        Event histogramEvent = events.get(5);
        assertThat(histogramEvent.getStep()).isEqualTo(3);
        Summary.Value histogramValue = onlyValue(histogramEvent);
        assertThat(histogramValue.getTag()).isEqualTo("weights/dense0_w");
        HistogramProto histogram = histogramValue.getHisto();
        assertThat(histogram.getMin()).isEqualTo(1.0);
        assertThat(histogram.getMax()).isEqualTo(10.0);
        assertThat(histogram.getNum()).isEqualTo(5.0);
        assertThat(histogram.getSum()).isEqualTo(20.0);
        assertThat(histogram.getSumSquares()).isEqualTo(130.0);
        assertThat(histogram.getBucketList().stream()
                        .mapToDouble(Double::doubleValue)
                        .sum())
                .isEqualTo(5.0);
        assertThat(histogram.getBucketLimitCount()).isEqualTo(histogram.getBucketCount());
    }

    @Test
    void namesASingleImageWithoutAnIndexAndWritesOnlyMaxImages() throws IOException {
        try (TensorBoardWriter writer = TensorBoardWriter.open(dir)) {
            writer.images("samples", 7, threeImages(), 3, 4, 4, 1);
            writer.images("samples", 8, threeImages(), 3, 4, 4, 2);
        }

        List<Event> events = TensorBoardEventFile.read(TensorBoardEventFile.find(dir));
        assertThat(events).hasSize(3);
        assertThat(events.get(1).getSummary().getValueList())
                .extracting(Summary.Value::getTag)
                .containsExactly("samples/image");
        assertThat(events.get(2).getSummary().getValueList())
                .extracting(Summary.Value::getTag)
                .containsExactly("samples/image/0", "samples/image/1");
    }

    @Test
    void flushWritesQueuedEventsWhileOpen() throws IOException {
        try (TensorBoardWriter writer = TensorBoardWriter.open(dir)) {
            writer.scalar("loss/train", 1, 2.0);
            writer.flush();

            List<Event> events = TensorBoardEventFile.read(TensorBoardEventFile.find(dir));
            assertThat(events).hasSize(2);
            assertThat(onlyValue(events.get(1)).getSimpleValue()).isEqualTo(2.0f);
        }
    }

    @Test
    void twoOpenWritersKeepTheirOwnFiles() throws IOException {
        Path train = dir.resolve("train");
        Path validation = dir.resolve("validation");
        try (TensorBoardWriter first = TensorBoardWriter.open(train);
                TensorBoardWriter second = TensorBoardWriter.open(validation)) {
            first.scalar("loss", 1, 1.0);
            second.scalar("loss", 1, 2.0);
        }

        assertThat(onlyValue(TensorBoardEventFile.read(TensorBoardEventFile.find(train))
                                .get(1))
                        .getSimpleValue())
                .isEqualTo(1.0f);
        assertThat(onlyValue(TensorBoardEventFile.read(TensorBoardEventFile.find(validation))
                                .get(1))
                        .getSimpleValue())
                .isEqualTo(2.0f);
    }

    @Test
    void eventFileReaderDetectsACorruptRecord() throws IOException {
        try (TensorBoardWriter writer = TensorBoardWriter.open(dir)) {
            writer.scalar("loss", 1, 1.0);
        }
        Path file = TensorBoardEventFile.find(dir);
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length - 6] ^= 1;
        Files.write(file, bytes);

        assertThatThrownBy(() -> TensorBoardEventFile.read(file))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("checksum");
    }

    @Test
    void failsClearlyAfterClose() throws IOException {
        TensorBoardWriter writer = TensorBoardWriter.open(dir);
        writer.close();
        writer.close();

        assertThatThrownBy(() -> writer.scalar("loss", 1, 1.0))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
        assertThatThrownBy(() -> writer.histogram("w", 1, new float[] {1}))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
        assertThatThrownBy(() -> writer.images("x", 1, new float[16], 1, 4, 4, 1))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
        assertThatThrownBy(writer::flush)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
    }

    @Test
    void rejectsALogDirectoryThatIsAFile() throws IOException {
        Path file = Files.writeString(dir.resolve("not-a-dir"), "x");

        assertThatThrownBy(() -> TensorBoardWriter.open(file))
                .isInstanceOf(IOException.class)
                .hasMessageContaining(file.toString());
        assertThatThrownBy(() -> TensorBoardWriter.open(file.resolve("run1")))
                .isInstanceOf(IOException.class)
                .hasMessageContaining(file.resolve("run1").toString());
    }

    @Test
    void rejectsBadImagesAndHistograms() throws IOException {
        try (TensorBoardWriter writer = TensorBoardWriter.open(dir)) {
            assertThatThrownBy(() -> writer.images("x", 1, new float[15], 1, 4, 4, 1))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("16")
                    .hasMessageContaining("15");
            assertThatThrownBy(() -> writer.images("x", 1, new float[16], 1, 4, 4, 0))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("maxImages");
            assertThatThrownBy(() -> writer.histogram("w", 1, new float[] {1, Float.NaN}))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("NaN");
            assertThatThrownBy(() -> writer.histogram("w", 1, new float[0]))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("no values");
        }
    }

    @Test
    void eventFileReaderUsesTensorFlowsMaskedCrc() {
        // crc32c("") is 0, so the masked value is the mask delta alone.
        assertThat(TensorBoardEventFile.maskedCrc32c(new byte[0])).isEqualTo(0xa282ead8);
    }

    private static Summary.Value onlyValue(Event event) {
        assertThat(event.getSummary().getValueCount()).isEqualTo(1);
        return event.getSummary().getValue(0);
    }

    private static BufferedImage png(Summary.Value value) throws IOException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(
                value.getImage().getEncodedImageString().toByteArray()));
        assertThat(image).as("PNG of %s", value.getTag()).isNotNull();
        return image;
    }

    /** The stored gray level, read from the raster so that no colour conversion applies. */
    private static int gray(BufferedImage image, int x, int y) {
        return image.getRaster().getSample(x, y, 0);
    }

    /** Image 0: black with one white pixel at row 1, column 2. Image 1: all 0.2 (51). Image 2: row r is r / 3. */
    private static float[] threeImages() {
        float[] pixels = new float[3 * 16];
        pixels[1 * 4 + 2] = 1f;
        for (int i = 16; i < 32; i++) {
            pixels[i] = 0.2f;
        }
        for (int r = 0; r < 4; r++) {
            for (int c = 0; c < 4; c++) {
                pixels[32 + r * 4 + c] = r / 3f;
            }
        }
        return pixels;
    }
}
