package org.deepae.robustness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.deepae.robustness.Hostile.csv;
import static org.deepae.robustness.Hostile.cut;
import static org.deepae.robustness.Hostile.float32;
import static org.deepae.robustness.Hostile.npy;
import static org.deepae.robustness.Hostile.npyHeader;
import static org.deepae.robustness.Hostile.ramp;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.deepae.testing.PngBytes;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Broken CSV, NPY and PNG inputs through {@code deepae encode}: each fails with one line naming the file and the
 * problem and leaves an existing output file as it was; the variants deepae supports (Fortran order, 16-bit, palette
 * and alpha PNGs) are encoded.
 */
@Timeout(20)
@Tag("slow")
class InputCorpusTest {
    private static final int W = TinyModel.WIDTH;

    @TempDir
    static Path shared;

    private static Path model;

    @TempDir
    Path dir;

    @BeforeAll
    static void trainTinyModel() throws IOException {
        model = TinyModel.train(shared);
    }

    private static Arguments named(String name, Object content, String... mentions) {
        return Arguments.of(Named.of(name, content), mentions);
    }

    private static byte[] text(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static Stream<Arguments> brokenCsv() {
        String good = csv(3, W, true);
        return Stream.of(
                named(
                        "a ragged row",
                        text(good.replaceFirst("\n(.*),[^,\n]*\n", "\n$1\n")),
                        "line 2 has 15 columns",
                        "expected 16"),
                named(
                        "a non-numeric cell",
                        text(good.replaceFirst("\n0\\.0,", "\nabc,")),
                        "line 2, column 1",
                        "'abc' is not a number"),
                named("an empty cell", text(good.replaceFirst("\n0\\.0,", "\n,")), "line 2, column 1", "empty cell"),
                named("NaN", text(good.replaceFirst("\n0\\.0,", "\nNaN,")), "'NaN' is not a finite number"),
                named("Inf", text(good.replaceFirst("\n0\\.0,", "\n-Inf,")), "'-Inf' is not a finite number"),
                named("a value too large for float", text(good.replaceFirst("\n0\\.0,", "\n1e39,")), "too large"),
                named("an empty file", new byte[0], "empty"),
                named("only blank and comment lines", text("# nothing\n\n  \n"), "no data"),
                named("a header only", text(csv(0, W, true)), "line 1 is a header but no data rows follow"),
                named(
                        "5 columns for a 16-value model",
                        text(csv(2, 5, false)),
                        "rows have 5 values but the model takes 16"),
                named("semicolons", text(csv(2, W, false).replace(',', ';')), "semicolon-separated"),
                named("tabs", text(csv(2, W, false).replace(',', '\t')), "tab-separated"),
                named(
                        "an unclosed quote",
                        text(good.replaceFirst("\n0\\.0,", "\n\"0.0,")),
                        "quoted cell is not closed"),
                named(
                        "a fractional label",
                        text("label," + csv(1, W, true).replace("\n0.0,", "\n1.5,0.0,")),
                        "label '1.5' is not a whole number"),
                named(
                        "a typo in a headerless first row",
                        text(csv(3, W, false).replaceFirst("^0\\.0,0\\.1,", "0.0,O.1,")),
                        "line 1 mixes numbers and text: cell 2 'O.1'"),
                named(
                        "a 4 MB line",
                        text(good.replaceFirst("\n0\\.0,", "\n" + "0.5,".repeat(1_000_000) + "0.0,")),
                        "line 2 has more than 16 columns, expected 16 (as on line 1); stopped reading it at column 17"),
                named(
                        "a 2 MB cell",
                        text(good.replaceFirst("\n0\\.0,", "\n" + "x".repeat(2 << 20) + ",")),
                        "line 2, column 1: a cell longer than the limit of 1,048,576 characters"),
                named(
                        "bytes that are not UTF-8",
                        new byte[] {(byte) 0xff, (byte) 0xfe, (byte) 0xc3, 0x28, 'a', '\n'},
                        "expected UTF-8 text"));
    }

    @ParameterizedTest(name = "encode --input x.csv with {0}")
    @MethodSource("brokenCsv")
    void brokenCsvFails(byte[] content, String[] mentions) throws IOException {
        encodeFails(Hostile.write(dir.resolve("x.csv"), content), mentions);
    }

    static Stream<Arguments> brokenNpy() {
        byte[] rows = float32(ramp(2 * W));
        String c2 = npyHeader("<f4", false, "(2, " + W + ")");
        return Stream.of(
                named(
                        "bad magic",
                        new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'X', 1, 0, 0, 0},
                        "expected a NumPy .npy file"),
                named("a text file", text("not numpy at all\n"), "x.npy"),
                named("version 4.0", npy(4, c2, rows), "unsupported .npy format version 4.0"),
                named("version 1.1", setByte(npy(1, c2, rows), 7, 1), "unsupported .npy format version 1.1"),
                named(
                        "dtype int64",
                        npy(1, npyHeader("<i8", false, "(2, " + W + ")"), new byte[8 * 2 * W]),
                        "unsupported dtype '<i8'"),
                named(
                        "dtype object",
                        npy(1, npyHeader("|O", false, "(2, " + W + ")"), new byte[8 * 2 * W]),
                        "unsupported dtype '|O'"),
                named(
                        "a structured dtype",
                        npy(1, "{'descr': [('a', '<f4')], 'fortran_order': False, 'shape': (2,), }", rows),
                        "a structured array (named fields in 'descr') is not supported"),
                named("a header that is not a dict", npy(1, "hello", rows), "x.npy"),
                named(
                        "a missing shape key",
                        npy(1, "{'descr': '<f4', 'fortran_order': False, }", rows),
                        "expected the header keys"),
                named(
                        "a shape claiming 3 rows over 2 rows of data",
                        npy(1, npyHeader("<f4", false, "(3, " + W + ")"), rows),
                        "needs 192 bytes of data, found 128",
                        "truncated"),
                named("trailing bytes", npy(1, c2, Arrays.copyOf(rows, rows.length + 4)), "4 trailing bytes"),
                named(
                        "a shape of 2^40 rows",
                        npy(1, npyHeader("<f4", false, "(1099511627776, " + W + ")"), rows),
                        "(the file is truncated)"),
                named(
                        "a shape whose byte count overflows",
                        npy(1, npyHeader("<f8", false, "(4611686018427387904, 4611686018427387904)"), rows),
                        "x.npy"),
                named("a truncated header", cut(npy(1, c2, rows), 40), "the header claims"),
                named("a file that ends in the version", cut(npy(1, c2, rows), 7), "version"),
                named("a 1-D array", npy(1, npyHeader("<f4", false, "(" + W + ",)"), float32(ramp(W))), "1-D shape"),
                named(
                        "a 5-D array",
                        npy(1, npyHeader("<f4", false, "(1, 1, 1, 4, 4)"), float32(ramp(W))),
                        "(1, 1, 1, 4, 4)"),
                named("a NaN", npy(1, c2, float32(withNaN(ramp(2 * W)))), "row 1, column 3", "expected finite values"),
                named(
                        "images of 5x5",
                        npy(1, npyHeader("|u1", false, "(2, 5, 5)"), new byte[50]),
                        "images are 5x5 but the model takes 4x4"),
                named(
                        "rows of 5 values",
                        npy(1, npyHeader("<f4", false, "(2, 5)"), float32(ramp(10))),
                        "rows have 5 values but the model takes 16"),
                named("zero rows", npy(1, npyHeader("<f4", false, "(0, " + W + ")"), new byte[0]), "no rows"));
    }

    private static byte[] flipByte(byte[] bytes, int index) {
        byte[] copy = bytes.clone();
        copy[index] ^= 0x10;
        return copy;
    }

    private static byte[] setByte(byte[] bytes, int index, int value) {
        bytes[index] = (byte) value;
        return bytes;
    }

    private static float[] withNaN(float[] values) {
        values[W + 3] = Float.NaN;
        return values;
    }

    @ParameterizedTest(name = "encode --input x.npy with {0}")
    @MethodSource("brokenNpy")
    void brokenNpyFails(byte[] content, String[] mentions) throws IOException {
        encodeFails(Hostile.write(dir.resolve("x.npy"), content), mentions);
    }

    @Test
    void fortranOrderGivesTheSameCodesAsRowMajor() throws IOException {
        float[] values = ramp(2 * W);
        float[] columnMajor = new float[values.length];
        for (int r = 0; r < 2; r++) {
            for (int c = 0; c < W; c++) {
                columnMajor[c * 2 + r] = values[r * W + c];
            }
        }
        Path c =
                Hostile.write(dir.resolve("c.npy"), npy(1, npyHeader("<f4", false, "(2, " + W + ")"), float32(values)));
        Path f = Hostile.write(
                dir.resolve("f.npy"), npy(1, npyHeader("<f4", true, "(2, " + W + ")"), float32(columnMajor)));

        Cli.run(
                        "encode",
                        "--model",
                        model.toString(),
                        "--input",
                        c.toString(),
                        "--out",
                        dir.resolve("c.csv").toString())
                .succeeds();
        Cli.run(
                        "encode",
                        "--model",
                        model.toString(),
                        "--input",
                        f.toString(),
                        "--out",
                        dir.resolve("f.csv").toString())
                .succeeds();

        assertThat(Files.readAllLines(dir.resolve("f.csv")))
                .hasSize(3)
                .isEqualTo(Files.readAllLines(dir.resolve("c.csv")));
    }

    static Stream<Arguments> brokenPngDirectories() throws IOException {
        byte[] good = png(gray(BufferedImage.TYPE_BYTE_GRAY, 4, 4));
        return Stream.of(
                named("a text file named .png", text("definitely not a PNG\n"), "b.png", "without the PNG signature"),
                named("an empty .png file", new byte[0], "b.png"),
                named("a truncated PNG", cut(good, good.length / 2), "b.png"),
                named("a PNG header only", cut(good, 8), "b.png"),
                named(
                        "a header claiming 2,000,000,000 x 1 pixels",
                        PngBytes.claiming(2_000_000_000, 1),
                        "b.png",
                        "2,000,000,000 pixels",
                        "the limit is 67,108,864 pixels per image"),
                named(
                        "a header claiming 30000 x 30000 pixels",
                        PngBytes.claiming(30_000, 30_000),
                        "b.png",
                        "900,000,000 pixels"),
                named(
                        "a wrong CRC of the header",
                        flipByte(good, 8 + 8 + 13),
                        "b.png",
                        "chunk 1 (IHDR) has the CRC",
                        "the file is corrupt"),
                named("a wrong CRC of the last chunk", flipByte(good, good.length - 1), "b.png", "(IEND) has the CRC"),
                named(
                        "an image of 5x5",
                        png(gray(BufferedImage.TYPE_BYTE_GRAY, 5, 5)),
                        "b.png",
                        "expected an image of 4x4",
                        "found 5x5"));
    }

    @ParameterizedTest(name = "encode --input DIR with a.png and {0}")
    @MethodSource("brokenPngDirectories")
    void brokenPngFails(byte[] second, String[] mentions) throws IOException {
        Path images = Files.createDirectories(dir.resolve("images"));
        Hostile.write(images.resolve("a.png"), png(gray(BufferedImage.TYPE_BYTE_GRAY, 4, 4)));
        Hostile.write(images.resolve("b.png"), second);
        encodeFails(images, mentions);
    }

    @Test
    void aSinglePngFileOfAnotherSizeThanTheModelIsRefusedBeforeDecoding() throws IOException {
        // within the pixel limit, so only the comparison with the model's 4x4 stops it before the decoder
        encodeFails(
                Hostile.write(dir.resolve("big.png"), PngBytes.claiming(8000, 8000)),
                "big.png",
                "expected an image of 4x4",
                "found 8000x8000");
    }

    @Test
    void pngImagesOfAnotherSizeThanTheModelAreRefused() throws IOException {
        Path images = Files.createDirectories(dir.resolve("images"));
        Hostile.write(images.resolve("a.png"), png(gray(BufferedImage.TYPE_BYTE_GRAY, 5, 5)));
        encodeFails(images, "a.png", "expected an image of 4x4", "found 5x5");
    }

    static Stream<Arguments> supportedPngs() {
        return Stream.of(
                Arguments.of(Named.of("8-bit gray", BufferedImage.TYPE_BYTE_GRAY)),
                Arguments.of(Named.of("16-bit gray", BufferedImage.TYPE_USHORT_GRAY)),
                Arguments.of(Named.of("palette", BufferedImage.TYPE_BYTE_INDEXED)),
                Arguments.of(Named.of("RGB with alpha", BufferedImage.TYPE_INT_ARGB)),
                Arguments.of(Named.of("RGB", BufferedImage.TYPE_INT_RGB)));
    }

    @ParameterizedTest(name = "encode --input DIR of {0} PNGs")
    @MethodSource("supportedPngs")
    void supportedPngKindsAreEncodedLikeGray(int type) throws IOException {
        Path images = Files.createDirectories(dir.resolve("images"));
        Hostile.write(images.resolve("a.png"), png(gray(type, 4, 4)));
        Hostile.write(images.resolve("b.png"), png(gray(type, 4, 4)));
        Path reference = Files.createDirectories(dir.resolve("reference"));
        Hostile.write(reference.resolve("a.png"), png(gray(BufferedImage.TYPE_BYTE_GRAY, 4, 4)));
        Hostile.write(reference.resolve("b.png"), png(gray(BufferedImage.TYPE_BYTE_GRAY, 4, 4)));
        Path out = dir.resolve("codes.csv");
        Path expected = dir.resolve("expected.csv");

        Cli.run("encode", "--model", model.toString(), "--input", images.toString(), "--out", out.toString())
                .succeeds();
        Cli.run("encode", "--model", model.toString(), "--input", reference.toString(), "--out", expected.toString())
                .succeeds();

        assertThat(Files.readAllLines(out)).hasSize(3).isEqualTo(Files.readAllLines(expected));
    }

    /** Black and white pixels (exact in every colour model), opaque. */
    private static BufferedImage gray(int type, int height, int width) {
        BufferedImage image = new BufferedImage(width, height, type);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, (x + y) % 3 == 0 ? 0xFFFFFFFF : 0xFF000000);
            }
        }
        return image;
    }

    private static byte[] png(BufferedImage image) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            assertThat(ImageIO.write(image, "png", bytes)).isTrue();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return bytes.toByteArray();
    }

    private void encodeFails(Path input, String... mentions) throws IOException {
        Outputs outputs = Outputs.existing(dir.resolve("out"), "codes.csv");
        Cli.run(
                        "encode",
                        "--model",
                        model.toString(),
                        "--input",
                        input.toString(),
                        "--out",
                        outputs.file().toString())
                .failsCleanly(1, "encode", input.toString())
                .failsCleanly(1, "encode", mentions);
        outputs.assertUnchanged();
    }
}
