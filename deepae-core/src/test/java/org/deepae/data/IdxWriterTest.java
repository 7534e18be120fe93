package org.deepae.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class IdxWriterTest {
    @TempDir
    Path dir;

    private static ImageSet twoImages() {
        float[] pixels = new float[2 * 4 * 4];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (i * 8) / 255f;
        }
        return new ImageSet(pixels, new int[] {7, 3}, 2, 4, 4);
    }

    @ParameterizedTest
    @EnumSource(Compression.class)
    void roundTripsImagesAndLabels(Compression compression) throws IOException {
        Path images = dir.resolve("images");
        Path labels = dir.resolve("labels");
        ImageSet original = twoImages();

        IdxWriter.writeImages(images, original, compression);
        IdxWriter.writeLabels(labels, original.labels(), compression);
        ImageSet read = IdxReader.readImages(images, labels);

        assertThat(read.pixels()).containsExactly(original.pixels());
        assertThat(read.labels()).containsExactly(7, 3);
        assertThat(read.height()).isEqualTo(4);
        assertThat(Files.readAllBytes(images)[0] == 0x1f).isEqualTo(compression == Compression.GZIP);
        try (var files = Files.list(dir)) {
            assertThat(files).hasSize(2); // no temporary files left behind
        }
    }

    @Test
    void writesExactPlainLayout() throws IOException {
        Path labels = dir.resolve("labels");
        IdxWriter.writeLabels(labels, new int[] {1, 255}, Compression.NONE);
        assertThat(Files.readAllBytes(labels)).containsExactly(0, 0, 8, 1, 0, 0, 0, 2, 1, (byte) 255);
    }

    @Test
    void writesIdenticalGzipBytesEveryTime() throws IOException {
        IdxWriter.writeImages(dir.resolve("a.gz"), twoImages(), Compression.GZIP);
        IdxWriter.writeImages(dir.resolve("b.gz"), twoImages(), Compression.GZIP);
        assertThat(Files.readAllBytes(dir.resolve("a.gz"))).isEqualTo(Files.readAllBytes(dir.resolve("b.gz")));
    }

    @Test
    void replacesAnExistingFile() throws IOException {
        Path labels = Files.writeString(dir.resolve("labels"), "old");
        IdxWriter.writeLabels(labels, new int[] {4}, Compression.NONE);
        assertThat(IdxReader.readLabels(labels)).containsExactly(4);
    }

    @Test
    void rejectsLabelThatDoesNotFitAByte() {
        assertThatThrownBy(() -> IdxWriter.writeLabels(dir.resolve("l"), new int[] {0, 256}, Compression.NONE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("label 1 must be in 0..255 to fit an unsigned byte, got 256");
    }
}
