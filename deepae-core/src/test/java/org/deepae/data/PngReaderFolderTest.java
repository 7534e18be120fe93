package org.deepae.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.IndexColorModel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import javax.imageio.ImageIO;
import org.deepae.testing.PngBytes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PngReaderFolderTest {
    @TempDir
    Path dir;

    private Path png(String relative, BufferedImage image) throws IOException {
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        assertThat(ImageIO.write(image, "png", file.toFile())).isTrue();
        return file;
    }

    private Path write(String relative, byte[] bytes) throws IOException {
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        return Files.write(file, bytes);
    }

    /** 8-bit gray, pixel {@code i} (row-major) of value {@code first + i}. */
    private static BufferedImage gray(int height, int width, int first) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        for (int i = 0; i < height * width; i++) {
            image.getRaster().setSample(i % width, i / width, 0, first + i);
        }
        return image;
    }

    /** A one-row image of {@code argb} pixels. */
    private static BufferedImage argb(int type, int... pixels) {
        BufferedImage image = new BufferedImage(pixels.length, 1, type);
        for (int x = 0; x < pixels.length; x++) {
            image.setRGB(x, 0, pixels[x]);
        }
        return image;
    }

    /** A one-row image of a component colour model ({@code bands} samples per pixel). */
    private static BufferedImage components(int colourSpace, boolean alpha, int dataType, int... samples) {
        ComponentColorModel model = new ComponentColorModel(
                ColorSpace.getInstance(colourSpace),
                alpha,
                false,
                alpha ? Transparency.TRANSLUCENT : Transparency.OPAQUE,
                dataType);
        int bands = model.getNumComponents();
        BufferedImage image =
                new BufferedImage(model, model.createCompatibleWritableRaster(samples.length / bands, 1), false, null);
        for (int i = 0; i < samples.length; i++) {
            image.getRaster().setSample(i / bands, 0, i % bands, samples[i]);
        }
        return image;
    }

    /** A well-formed PNG whose header claims {@code width x height} pixels of {@code colourType}; its data does not. */
    private static byte[] claiming(int width, int height, int colourType) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(PngHeader.SIGNATURE);
        out.writeBytes(PngBytes.chunk(
                "IHDR",
                ByteBuffer.allocate(13)
                        .putInt(width)
                        .putInt(height)
                        .put((byte) 8)
                        .put((byte) colourType)
                        .put(new byte[3])
                        .array()));
        out.writeBytes(
                PngBytes.chunk("IDAT", new byte[] {0x78, (byte) 0x9c, 0x63, 0x00, 0x00, 0x00, 0x01, 0x00, 0x01}));
        out.writeBytes(PngBytes.chunk("IEND", new byte[0]));
        return out.toByteArray();
    }

    @Test
    void readsGrayImagesAsOneChannelWithTheValuesOfReadDirectory() throws IOException {
        png("a.png", gray(1, 2, 10));
        png("b.png", components(ColorSpace.CS_GRAY, true, DataBuffer.TYPE_BYTE, 200, 128, 255, 0));
        png("c.png", components(ColorSpace.CS_GRAY, false, DataBuffer.TYPE_USHORT, 65535, 32768));
        ImageFolder folder = PngReader.readFolder(dir, null);
        Rows rows = folder.rows();
        assertThat(rows.shape()).isEqualTo(ImageShape.gray(1, 2));
        assertThat(rows.row(0)).containsExactly(10 / 255f, 11 / 255f);
        assertThat(rows.row(1)).containsExactly(200 / 255f * (128 / 255f), 0f);
        assertThat(rows.row(2)).containsExactly(1f, 32768 / 65535f);
        assertThat(rows.values()).isEqualTo(PngReader.readDirectory(dir, 0, 0).values());
        assertThat(rows.ids()).containsExactly("a.png", "b.png", "c.png");
        assertThat(rows.hasLabels()).isFalse();
        assertThat(rows.source()).isEqualTo(dir.toString());
        assertThat(folder.classes()).isEmpty();
    }

    @Test
    void keepsRgbAsThreeChannelsOfEachPixelTogether() throws IOException {
        png("rgb.png", argb(BufferedImage.TYPE_INT_RGB, (10 << 16) | (200 << 8) | 30, 0xFFFFFF));
        Rows rows = PngReader.readFolder(dir, null).rows();
        assertThat(rows.shape()).isEqualTo(new ImageShape(1, 2, 3));
        assertThat(rows.values()).containsExactly(10 / 255f, 200 / 255f, 30 / 255f, 1f, 1f, 1f);
    }

    @Test
    void compositesColourTransparencyOverBlackKeepingThreeChannels() throws IOException {
        png("rgba.png", argb(BufferedImage.TYPE_INT_ARGB, 0x00FFFFFF, 0x80FF4000));
        Rows rows = PngReader.readFolder(dir, null).rows();
        float a = 128 / 255f;
        assertThat(rows.shape()).isEqualTo(new ImageShape(1, 2, 3));
        assertThat(rows.values()).containsExactly(0f, 0f, 0f, a, 64 / 255f * a, 0f);
    }

    @Test
    void readsPaletteImagesAsColour() throws IOException {
        byte[] r = {0, (byte) 255};
        byte[] g = {0, 0};
        byte[] b = {0, (byte) 51};
        BufferedImage image =
                new BufferedImage(2, 1, BufferedImage.TYPE_BYTE_INDEXED, new IndexColorModel(8, 2, r, g, b));
        image.getRaster().setSample(0, 0, 0, 1);
        png("palette.png", image);
        Rows rows = PngReader.readFolder(dir, null).rows();
        assertThat(rows.shape()).isEqualTo(new ImageShape(1, 2, 3));
        assertThat(rows.values()).containsExactly(1f, 0f, 0.2f, 0f, 0f, 0f);
    }

    @Test
    void scalesSixteenBitColourByItsMaximum() throws IOException {
        png("rgb16.png", components(ColorSpace.CS_sRGB, false, DataBuffer.TYPE_USHORT, 65535, 32768, 0, 1, 2, 3));
        Rows rows = PngReader.readFolder(dir, null).rows();
        assertThat(rows.values()).containsExactly(1f, 32768 / 65535f, 0f, 1 / 65535f, 2 / 65535f, 3 / 65535f);
    }

    @Test
    void repeatsGrayImagesInThreeChannelsWhenAnotherIsColour() throws IOException {
        png("a.png", gray(1, 2, 10));
        png("b.png", argb(BufferedImage.TYPE_INT_RGB, 0xFF0000, 0x0000FF));
        Rows rows = PngReader.readFolder(dir, null).rows();
        float v = 10 / 255f;
        float w = 11 / 255f;
        assertThat(rows.shape()).isEqualTo(new ImageShape(1, 2, 3));
        assertThat(rows.row(0)).containsExactly(v, v, v, w, w, w);
        assertThat(rows.row(1)).containsExactly(1f, 0f, 0f, 0f, 0f, 1f);
    }

    @Test
    void givesThreeChannelsToGrayImagesWhenExpected() throws IOException {
        png("a.png", gray(1, 1, 51));
        Rows rows = PngReader.readFolder(dir, new ImageShape(1, 1, 3)).rows();
        assertThat(rows.values()).containsExactly(0.2f, 0.2f, 0.2f);
    }

    @Test
    void labelsClassSubfoldersAndNamesEachRowByItsPath() throws IOException {
        png("dog/x.png", gray(1, 1, 3));
        png("cat/b.png", gray(1, 1, 2));
        png("cat/a.png", gray(1, 1, 1));
        write("cat/._a.png", new byte[] {0, 0, 0, 0});
        write("empty/notes.txt", new byte[0]);
        ImageFolder folder = PngReader.readFolder(dir, ImageShape.gray(1, 1));
        assertThat(folder.classes()).containsExactly("cat", "dog");
        Rows rows = folder.rows();
        assertThat(rows.labels()).containsExactly(0, 0, 1);
        assertThat(rows.ids()).containsExactly("cat/a.png", "cat/b.png", "dog/x.png");
        assertThat(rows.values()).containsExactly(1 / 255f, 2 / 255f, 3 / 255f);
        assertThat(rows.id(2)).isEqualTo("dog/x.png");
    }

    @Test
    void refusesMixedSizesFromTheHeadersBeforeDecodingAnyImage() throws IOException {
        // neither file decodes: the refusal must come from the headers alone
        write("cat/a.png", PngBytes.claiming(3, 2));
        Path odd = write("dog/b.png", PngBytes.claiming(3, 3));
        assertThatThrownBy(() -> PngReader.readFolder(dir, null))
                .isInstanceOf(DataFormatException.class)
                .hasMessage(odd + ": expected an image of 2x3 (the size of cat/a.png), found 3x3 (height x width)");
    }

    @Test
    void refusesAnotherSizeThanExpectedBeforeDecoding() throws IOException {
        Path file = write("a.png", PngBytes.claiming(8000, 8000));
        assertTimeoutPreemptively(
                Duration.ofSeconds(2),
                () -> assertThatThrownBy(() -> PngReader.readFolder(dir, ImageShape.gray(4, 4)))
                        .isInstanceOf(DataFormatException.class)
                        .hasMessage(file
                                + ": expected an image of 4x4 (the expected size), found 8000x8000 (height x width)"));
    }

    @Test
    void refusesColourForAGrayShapeBeforeDecoding() throws IOException {
        png("a.png", gray(2, 2, 0));
        Path colour = write("b.png", claiming(2, 2, 2));
        assertThatThrownBy(() -> PngReader.readFolder(dir, ImageShape.gray(2, 2)))
                .isInstanceOf(DataFormatException.class)
                .hasMessage(colour
                        + ": expected a grayscale image (the expected shape 2x2), found a colour image (PNG colour "
                        + "type 2, RGB)");
    }

    @Test
    void refusesShapesOfChannelsPngDoesNotGive() throws IOException {
        png("a.png", gray(2, 2, 0));
        assertThatThrownBy(() -> PngReader.readFolder(dir, new ImageShape(2, 2, 4)))
                .isInstanceOf(DataFormatException.class)
                .hasMessage(dir + ": expected images of 2x2x4 (the expected shape), "
                        + "but PNG images give 1 channel (gray) or 3 (RGB), never 4");
    }

    @Test
    void refusesAnUndefinedColourType() throws IOException {
        Path file = write("a.png", claiming(2, 2, 5));
        assertThatThrownBy(() -> PngReader.readFolder(dir, null))
                .isInstanceOf(DataFormatException.class)
                .hasMessageStartingWith(file + ": the header (IHDR) gives colour type 5; PNG defines 0 (gray), ");
    }

    @Test
    void countsThreeChannelsForColourWhenCheckingMemoryBeforeDecoding() throws IOException {
        // 11 x 8192 x 8192 is 738,197,504 gray values, which fit an array; in colour three times as many do not
        write("a00.png", PngBytes.claiming(8192, 8192));
        write("a01.png", claiming(8192, 8192, 6));
        for (int i = 2; i < 11; i++) {
            write(String.format("a%02d.png", i), PngBytes.claiming(8192, 8192));
        }
        assertTimeoutPreemptively(
                Duration.ofSeconds(5),
                () -> assertThatThrownBy(() -> PngReader.readFolder(dir, null))
                        .isInstanceOf(DataFormatException.class)
                        .hasMessage(dir + ": 11 images of 8192x8192 with 3 channels (a01.png "
                                + "is in colour) hold more than the 2147483639 values a Java array can hold"));
    }

    @Test
    void namesTheFileTheDecoderRejects() throws IOException {
        png("a.png", gray(1, 1, 0));
        Path broken = write("b.png", PngBytes.claiming(1, 1));
        assertThatThrownBy(() -> PngReader.readFolder(dir, null))
                .isInstanceOf(DataFormatException.class)
                .hasMessageStartingWith(broken + ": ");
    }
}
