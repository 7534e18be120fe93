package org.deepae.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.deepae.testing.PngBytes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PngReaderTest {
    @TempDir
    Path dir;

    private Path png(String name, BufferedImage image) throws IOException {
        Path file = dir.resolve(name);
        assertThat(ImageIO.write(image, "png", file.toFile())).isTrue();
        return file;
    }

    private static BufferedImage gray(int height, int width, int first) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.getRaster().setSample(x, y, 0, first + y * width + x);
            }
        }
        return image;
    }

    @Test
    void readsEightBitGrayDirectoryInFileNameOrder() throws IOException {
        png("b.png", gray(2, 3, 10));
        png("a.png", gray(2, 3, 0));
        Files.writeString(dir.resolve("notes.txt"), "ignored");
        Rows rows = PngReader.readDirectory(dir, 0, 0);
        assertThat(rows.count()).isEqualTo(2);
        assertThat(rows.imageHeight()).isEqualTo(2);
        assertThat(rows.imageWidth()).isEqualTo(3);
        assertThat(rows.row(0)).containsExactly(0f, 1 / 255f, 2 / 255f, 3 / 255f, 4 / 255f, 5 / 255f);
        assertThat(rows.row(1)[0]).isEqualTo(10 / 255f);
        assertThat(rows.hasLabels()).isFalse();
    }

    @Test
    void convertsRgbWithLumaWeights() throws IOException {
        BufferedImage image = new BufferedImage(2, 1, BufferedImage.TYPE_INT_RGB);
        image.setRGB(0, 0, (10 << 16) | (200 << 8) | 30);
        image.setRGB(1, 0, 0xFFFFFF);
        Rows rows = PngReader.readFile(png("rgb.png", image));
        assertThat(rows.values()[0]).isCloseTo((0.299f * 10 + 0.587f * 200 + 0.114f * 30) / 255f, within(1e-6f));
        assertThat(rows.values()[1]).isCloseTo(1f, within(1e-6f));
    }

    @Test
    void compositesTransparencyOverBlack() throws IOException {
        BufferedImage image = new BufferedImage(3, 1, BufferedImage.TYPE_INT_ARGB);
        image.setRGB(0, 0, 0x00FFFFFF);
        image.setRGB(1, 0, 0xFFFFFFFF);
        image.setRGB(2, 0, 0x80FFFFFF);
        Rows rows = PngReader.readFile(png("rgba.png", image));
        assertThat(rows.values()[0]).isZero();
        assertThat(rows.values()[1]).isCloseTo(1f, within(1e-6f));
        assertThat(rows.values()[2]).isCloseTo(128 / 255f, within(1e-6f));
    }

    @Test
    void scalesSixteenBitGrayFrom65535() throws IOException {
        BufferedImage image = new BufferedImage(2, 1, BufferedImage.TYPE_USHORT_GRAY);
        image.getRaster().setSample(0, 0, 0, 65535);
        image.getRaster().setSample(1, 0, 0, 32768);
        Rows rows = PngReader.readFile(png("g16.png", image));
        assertThat(rows.values()).containsExactly(1f, 32768 / 65535f);
    }

    @Test
    void convertsPaletteColours() throws IOException {
        byte[] r = {0, (byte) 255};
        byte[] g = {0, 0};
        byte[] b = {0, 0};
        BufferedImage image =
                new BufferedImage(2, 1, BufferedImage.TYPE_BYTE_INDEXED, new IndexColorModel(8, 2, r, g, b));
        image.getRaster().setSample(0, 0, 0, 1);
        image.getRaster().setSample(1, 0, 0, 0);
        Rows rows = PngReader.readFile(png("palette.png", image));
        assertThat(rows.values()[0]).isCloseTo(0.299f, within(1e-6f));
        assertThat(rows.values()[1]).isZero();
    }

    @Test
    void rejectsImageOfAnotherSizeThanExpected() throws IOException {
        Path file = png("a.png", gray(2, 3, 0));
        assertThatThrownBy(() -> PngReader.readDirectory(dir, 28, 28))
                .isInstanceOf(DataFormatException.class)
                .hasMessage(file + ": expected an image of 28x28 (the expected size), found 2x3 (height x width)");
    }

    @Test
    void rejectsMixedSizesNamingTheFile() throws IOException {
        png("a.png", gray(2, 3, 0));
        Path odd = png("b.png", gray(3, 3, 0));
        assertThatThrownBy(() -> PngReader.readDirectory(dir, 0, 0))
                .isInstanceOf(DataFormatException.class)
                .hasMessageStartingWith(odd + ": expected an image of 2x3 (the size of a.png), found 3x3");
    }

    @Test
    void rejectsNonImageNamedPng() throws IOException {
        png("a.png", gray(2, 2, 0));
        Path fake = Files.writeString(dir.resolve("b.png"), "not an image");
        assertThatThrownBy(() -> PngReader.readDirectory(dir, 0, 0))
                .isInstanceOf(DataFormatException.class)
                .hasMessageStartingWith(fake + ": expected a PNG image");
    }

    @Test
    void rejectsDirectoryWithoutImages() {
        assertThatThrownBy(() -> PngReader.readDirectory(dir, 0, 0))
                .isInstanceOf(DataFormatException.class)
                .hasMessage(dir + ": expected PNG images (*.png), found none");
    }

    private Path write(String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }

    @Test
    void refusesAHeaderClaimingTwoBillionPixelsWithoutDecoding() throws IOException {
        // a file of this kind, 68 bytes long, took 2 GB and 10 s to reject
        Path file = write("huge.png", PngBytes.claiming(2_000_000_000, 1));
        assertTimeoutPreemptively(
                Duration.ofSeconds(2),
                () -> assertThatThrownBy(() -> PngReader.readFile(file))
                        .isInstanceOf(DataFormatException.class)
                        .hasMessage(file + ": the header (IHDR) claims an image of "
                                + "1x2000000000 (height x width), 2,000,000,000 pixels; the limit is "
                                + "67,108,864 pixels per image"));
    }

    @Test
    void refusesThirtyThousandSquaredInADirectory() throws IOException {
        Path file = write("big.png", PngBytes.claiming(30_000, 30_000));
        assertTimeoutPreemptively(
                Duration.ofSeconds(2),
                () -> assertThatThrownBy(() -> PngReader.readDirectory(dir, 0, 0))
                        .isInstanceOf(DataFormatException.class)
                        .hasMessageStartingWith(file + ": the header (IHDR) claims")
                        .hasMessageContaining("900,000,000 pixels"));
    }

    @Test
    void refusesAZeroOrNegativeSize() throws IOException {
        Path zero = write("zero.png", PngBytes.claiming(0, 4));
        assertThatThrownBy(() -> PngReader.readFile(zero))
                .isInstanceOf(DataFormatException.class)
                .hasMessage(zero + ": the header (IHDR) gives a width of 0 and a height of 4; both must be positive");
        Path negative = write("negative.png", PngBytes.claiming(4, -5));
        assertThatThrownBy(() -> PngReader.readFile(negative))
                .isInstanceOf(DataFormatException.class)
                .hasMessage(
                        negative + ": the header (IHDR) gives a width of 4 and a height of 4294967291; both must be "
                                + "positive");
    }

    @Test
    void refusesAnImageOfAnotherSizeThanTheModelsBeforeDecodingIt() throws IOException {
        // 8000 x 8000 is within the pixel limit; the old reader decoded it (and its broken data) before comparing sizes
        Path file = write("a.png", PngBytes.claiming(8000, 8000));
        assertTimeoutPreemptively(Duration.ofSeconds(2), () -> {
            assertThatThrownBy(() -> PngReader.readDirectory(dir, 4, 4))
                    .isInstanceOf(DataFormatException.class)
                    .hasMessage(
                            file + ": expected an image of 4x4 (the expected size), found 8000x8000 (height x width)");
            assertThatThrownBy(() -> PngReader.readFile(file, 4, 4))
                    .isInstanceOf(DataFormatException.class)
                    .hasMessage(
                            file + ": expected an image of 4x4 (the expected size), found 8000x8000 (height x width)");
        });
    }

    @Test
    void refusesAWrongHeaderCrc() throws IOException {
        byte[] bytes = Files.readAllBytes(png("good.png", gray(2, 2, 0)));
        bytes[8 + 8 + 13 + 3] ^= 1;
        Path file = write("bad.png", bytes);
        assertThatThrownBy(() -> PngReader.readFile(file))
                .isInstanceOf(DataFormatException.class)
                .hasMessageStartingWith(file + ": chunk 1 (IHDR) has the CRC ")
                .hasMessageContaining("the file is corrupt");
    }

    @Test
    void refusesAWrongCrcOfALaterChunk() throws IOException {
        byte[] bytes = Files.readAllBytes(png("good.png", gray(2, 2, 0)));
        bytes[bytes.length - 1] ^= 1;
        Path file = write("bad.png", bytes);
        assertThatThrownBy(() -> PngReader.readFile(file))
                .isInstanceOf(DataFormatException.class)
                .hasMessageStartingWith(file + ": chunk ")
                .hasMessageContaining("(IEND) has the CRC ");
    }

    @Test
    void refusesAFirstChunkThatIsNotA13ByteHeader() throws IOException {
        byte[] good = Files.readAllBytes(png("good.png", gray(2, 2, 0)));
        byte[] bytes = Arrays.copyOf(good, good.length);
        bytes[11] = 14;
        Path file = write("bad.png", bytes);
        assertThatThrownBy(() -> PngReader.readFile(file))
                .isInstanceOf(DataFormatException.class)
                .hasMessage(file + ": expected the 13-byte header chunk IHDR first, found chunk IHDR of 14 bytes");
        assertThatCode(() -> PngReader.readFile(dir.resolve("good.png"))).doesNotThrowAnyException();
    }
}
