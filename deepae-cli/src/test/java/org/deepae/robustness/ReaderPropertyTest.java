package org.deepae.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.deepae.analysis.PcaModel;
import org.deepae.data.Compression;
import org.deepae.data.CsvReader;
import org.deepae.data.DataFormatException;
import org.deepae.data.IdxReader;
import org.deepae.data.IdxWriter;
import org.deepae.data.ImageSet;
import org.deepae.data.NpyReader;
import org.deepae.data.PngReader;
import org.deepae.data.Rows;
import org.deepae.io.AtomicFiles;
import org.deepae.store.ModelDirectory;
import org.deepae.store.ModelFormatException;

/**
 * Arbitrary bytes into every reader: each either succeeds or throws its documented exception, naming the file. And
 * the IDX writer-then-reader round trip (CSV and NPY round trips are in {@code InputFormatPropertyTest}).
 */
class ReaderPropertyTest {
    private static Path dir;

    @BeforeContainer
    static void createDirectory() throws IOException {
        dir = Files.createTempDirectory("reader-property");
    }

    @AfterContainer
    static void deleteDirectory() throws IOException {
        AtomicFiles.deleteRecursively(dir);
    }

    /** Random bytes, and random bytes behind each format's magic, so that the deeper checks are reached too. */
    @Provide
    Arbitrary<byte[]> hostile() {
        Arbitrary<byte[]> random = Arbitraries.bytes().array(byte[].class).ofMaxSize(120);
        return Arbitraries.oneOf(
                random,
                random.map(tail -> concat(new byte[] {0, 0, 8, 3, 0, 0, 0, 2, 0, 0, 0, 2}, tail)),
                random.map(tail -> concat(new byte[] {0, 0, 8, 1, 0, 0, 0, 5}, tail)),
                random.map(tail -> concat(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0, 70, 0}, tail)),
                random.map(
                        tail -> concat(Hostile.npy(1, Hostile.npyHeader("<f4", false, "(2, 3)"), new byte[0]), tail)),
                random.map(tail -> concat(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'}, tail)),
                random.map(tail -> concat(pngOf2x2(), tail)),
                random.map(tail -> {
                    try {
                        return Hostile.gzip(concat(new byte[] {0, 0, 8, 3, 0, 0, 0, 1, 0, 0, 0, 2, 0, 0, 0, 2}, tail));
                    } catch (IOException e) {
                        throw new IllegalStateException(e);
                    }
                }));
    }

    @Provide
    Arbitrary<String> hostileText() {
        Arbitrary<String> cells = Arbitraries.of(
                "1", "-2.5", "1e3", "NaN", "inf", "", "\"3\"", "\"", "x", "label", "1e39", "0x10", " 4 ", "#", ";",
                "\t");
        return cells.list()
                .ofMaxSize(6)
                .map(l -> String.join(",", l))
                .list()
                .ofMaxSize(6)
                .map(lines -> String.join("\n", lines));
    }

    @Provide
    Arbitrary<String> hostileJson() {
        Arbitrary<String> values = Arbitraries.of(
                "1",
                "-1",
                "0",
                "2",
                "\"x\"",
                "null",
                "[]",
                "{}",
                "[16, 2]",
                "true",
                "\"deepae-model\"",
                "\"deepae-pca\"",
                "\"relu\"",
                "1e10",
                "[ -8 ]");
        Arbitrary<String> keys = Arbitraries.of(
                "format",
                "format_version",
                "spec",
                "input_size",
                "encoder_layers",
                "decoder_layers",
                "hidden_activation",
                "output_activation",
                "loss",
                "image_height",
                "image_width",
                "train_rows",
                "code_size",
                "metrics",
                "dataset");
        Arbitrary<String> pairs =
                net.jqwik.api.Combinators.combine(keys, values).as((k, v) -> "\"" + k + "\": " + v);
        Arbitrary<String> object = pairs.list().ofMaxSize(8).map(l -> "{" + String.join(", ", l) + "}");
        Arbitrary<String> nested =
                object.map(o -> "{\"format\": \"deepae-model\", \"format_version\": 1, \"spec\": " + o + "}");
        return Arbitraries.oneOf(object, nested, Arbitraries.strings().ofMaxLength(40));
    }

    @Property(tries = 200)
    void idxImagesReaderFailsOnlyWithDataFormatException(@ForAll("hostile") byte[] content) throws IOException {
        Path file = Files.write(dir.resolve("images"), content);
        try {
            assertThat(IdxReader.readImageBytes(file).count()).isPositive();
        } catch (DataFormatException expected) {
            assertThat(expected).hasMessageStartingWith(file + ": ");
        }
    }

    @Property(tries = 200)
    void idxLabelReaderFailsOnlyWithDataFormatException(@ForAll("hostile") byte[] content) throws IOException {
        Path file = Files.write(dir.resolve("labels"), content);
        try {
            assertThat(IdxReader.readLabels(file)).isNotEmpty();
        } catch (DataFormatException expected) {
            assertThat(expected).hasMessageStartingWith(file + ": ");
        }
    }

    @Property(tries = 200)
    void npyReaderFailsOnlyWithDataFormatException(@ForAll("hostile") byte[] content) throws IOException {
        Path file = Files.write(dir.resolve("x.npy"), content);
        try {
            Rows rows = NpyReader.read(file);
            assertThat(rows.values()).hasSize(rows.count() * rows.width());
        } catch (DataFormatException expected) {
            assertThat(expected).hasMessageStartingWith(file + ": ");
        }
    }

    @Property(tries = 200)
    void pngReaderFailsOnlyWithDataFormatException(@ForAll("hostile") byte[] content) throws IOException {
        Path file = Files.write(dir.resolve("x.png"), content);
        try {
            Rows rows = PngReader.readFile(file);
            assertThat(rows.count()).isEqualTo(1);
        } catch (DataFormatException expected) {
            assertThat(expected).hasMessageStartingWith(file + ": ");
        }
    }

    @Property(tries = 200)
    void csvReaderFailsOnlyWithDataFormatException(@ForAll("hostileText") String text, @ForAll boolean binary)
            throws IOException {
        Path file = Files.write(
                dir.resolve("x.csv"),
                binary
                        ? concat(new byte[] {(byte) 0xC3, 0x28}, text.getBytes(StandardCharsets.UTF_8))
                        : text.getBytes(StandardCharsets.UTF_8));
        try {
            Rows rows = CsvReader.read(file);
            assertThat(rows.values()).hasSize(rows.count() * rows.width());
        } catch (DataFormatException expected) {
            assertThat(expected).hasMessageStartingWith(file + ": ");
        }
    }

    @Property(tries = 200)
    void modelJsonReaderFailsOnlyWithModelFormatException(@ForAll("hostileJson") String json) throws IOException {
        Path model = Files.createDirectories(dir.resolve("model"));
        Files.writeString(model.resolve("model.json"), json);
        try {
            assertThat(ModelDirectory.readInfo(model).spec()).isNotNull();
        } catch (ModelFormatException expected) {
            assertThat(expected.getMessage()).startsWith(model.toString());
        }
    }

    @Property(tries = 200)
    void pcaJsonReaderFailsOnlyWithIOException(@ForAll("hostileJson") String json) throws IOException {
        Path pca = Files.createDirectories(dir.resolve("pca"));
        Files.writeString(pca.resolve("pca.json"), json.replace("deepae-model", "deepae-pca"));
        try {
            PcaModel.load(pca);
        } catch (ModelFormatException expected) {
            assertThat(expected.getMessage()).startsWith(pca.toString());
        }
    }

    @Property(tries = 100)
    void idxRoundTripIsExact(
            @ForAll @IntRange(min = 1, max = 5) int count,
            @ForAll @IntRange(min = 1, max = 6) int h,
            @ForAll @IntRange(min = 1, max = 6) int w,
            @ForAll boolean gzip,
            @ForAll long seed)
            throws IOException {
        java.util.Random random = new java.util.Random(seed);
        float[] pixels = new float[count * h * w];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = random.nextInt(256) / 255f;
        }
        int[] labels = random.ints(count, 0, 256).toArray();
        ImageSet images = new ImageSet(pixels, labels, count, h, w);
        Compression compression = gzip ? Compression.GZIP : Compression.NONE;
        Path imageFile = dir.resolve("round-images");
        Path labelFile = dir.resolve("round-labels");
        IdxWriter.writeImages(imageFile, images, compression);
        IdxWriter.writeLabels(labelFile, labels, compression);

        ImageSet back = IdxReader.readImages(imageFile, labelFile);

        assertThat(back.rows()).isEqualTo(count);
        assertThat(back.height()).isEqualTo(h);
        assertThat(back.width()).isEqualTo(w);
        assertThat(back.pixels()).isEqualTo(pixels);
        assertThat(back.labels()).isEqualTo(labels);
    }

    private static byte[] pngOf2x2() {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try {
            javax.imageio.ImageIO.write(
                    new java.awt.image.BufferedImage(2, 2, java.awt.image.BufferedImage.TYPE_BYTE_GRAY), "png", bytes);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        byte[] png = bytes.toByteArray();
        return Arrays.copyOf(png, png.length - 12); // without the IEND chunk, so random bytes follow the image data
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
