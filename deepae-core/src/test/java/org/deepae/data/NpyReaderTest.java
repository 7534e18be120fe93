package org.deepae.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.deepae.data.NpyTestFiles.f4;
import static org.deepae.data.NpyTestFiles.f8;
import static org.deepae.data.NpyTestFiles.npy;
import static org.deepae.data.NpyTestFiles.u1;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NpyReaderTest {
    @TempDir
    Path dir;

    private Path file(byte[] bytes) throws IOException {
        return Files.write(dir.resolve("a.npy"), bytes);
    }

    private AbstractThrowableAssert<?, ? extends Throwable> assertRejected(byte[] bytes) throws IOException {
        Path file = file(bytes);
        return assertThatThrownBy(() -> NpyReader.read(file))
                .isInstanceOf(DataFormatException.class)
                .hasMessageStartingWith(file + ": ");
    }

    @Test
    void readsFloat64AsFloat() throws IOException {
        Rows rows = NpyReader.read(file(npy("<f8", "(2, 2)", f8(1.5, -2, 0.1, 1e-3))));
        assertThat(rows.count()).isEqualTo(2);
        assertThat(rows.width()).isEqualTo(2);
        assertThat(rows.values()).containsExactly(1.5f, -2f, 0.1f, 1e-3f);
        assertThat(rows.isImages()).isFalse();
    }

    @Test
    void scalesUint8ToUnitInterval() throws IOException {
        for (String descr : new String[] {"|u1", "u1", "<u1"}) {
            Rows rows = NpyReader.read(file(npy(descr, "(1, 3)", u1(0, 51, 255))));
            assertThat(rows.values()).containsExactly(0f, 0.2f, 1f);
        }
    }

    @Test
    void readsThreeDimensionsAsImages() throws IOException {
        Rows rows = NpyReader.read(file(npy("<f4", "(2, 2, 3)", f4(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11))));
        assertThat(rows.count()).isEqualTo(2);
        assertThat(rows.width()).isEqualTo(6);
        assertThat(rows.imageHeight()).isEqualTo(2);
        assertThat(rows.imageWidth()).isEqualTo(3);
        assertThat(rows.row(1)).containsExactly(6, 7, 8, 9, 10, 11);
        assertThat(rows.shape()).isEqualTo(ImageShape.gray(2, 3));
    }

    @Test
    void readsFourDimensionsAsImagesWithTheirChannels() throws IOException {
        Rows rows = NpyReader.read(file(npy("<f4", "(2, 1, 2, 3)", f4(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11))));
        assertThat(rows.count()).isEqualTo(2);
        assertThat(rows.width()).isEqualTo(6);
        assertThat(rows.shape()).isEqualTo(new ImageShape(1, 2, 3));
        assertThat(rows.row(1)).containsExactly(6, 7, 8, 9, 10, 11);
    }

    @Test
    void readsOneChannelOfFourDimensionsAsGrayAndScalesUint8() throws IOException {
        Rows rows = NpyReader.read(file(npy("|u1", "(1, 2, 2, 1)", u1(0, 51, 102, 255))));
        assertThat(rows.shape()).isEqualTo(ImageShape.gray(2, 2));
        assertThat(rows.values()).containsExactly(0f, 0.2f, 0.4f, 1f);
        Rows rgba = NpyReader.read(file(npy("|u1", "(1, 1, 1, 4)", u1(255, 0, 51, 255))));
        assertThat(rgba.shape()).isEqualTo(new ImageShape(1, 1, 4));
        assertThat(rgba.values()).containsExactly(1f, 0f, 0.2f, 1f);
    }

    @Test
    void transposesFourDimensionalFortranOrder() throws IOException {
        // a[i][y][x][c] = 1000 i + 100 y + 10 x + c for shape (2, 1, 2, 2), stored with i varying fastest, then y, x, c
        String dict = "{'descr': '<f4', 'fortran_order': True, 'shape': (2, 1, 2, 2), }";
        Rows rows = NpyReader.read(file(npy(1, dict, f4(0, 1000, 10, 1010, 1, 1001, 11, 1011))));
        assertThat(rows.shape()).isEqualTo(new ImageShape(1, 2, 2));
        assertThat(rows.values()).containsExactly(0f, 1f, 10f, 11f, 1000f, 1001f, 1010f, 1011f);
    }

    @Test
    void rejectsFourDimensionsWithoutOneToFourChannels() throws IOException {
        assertRejected(npy("<f4", "(1, 1, 1, 5)", f4(1, 2, 3, 4, 5)))
                .hasMessageEndingWith(": expected 1 to 4 channels "
                        + "in the last dimension of a 4-D (rows, height, width, channels) array, found "
                        + "shape (1, 1, 1, 5) with 5");
        assertRejected(npy("<f4", "(1, 2, 2, 0)", new byte[0])).hasMessageContaining("found shape (1, 2, 2, 0) with 0");
    }

    @Test
    void rejectsFourDimensionalHeadersThatLie() throws IOException {
        assertRejected(npy("<f4", "(2, 2, 2, 3)", f4(new float[12])))
                .hasMessageContaining("shape (2, 2, 2, 3) of 4-byte "
                        + "elements needs 96 bytes of data, found 48 (the file is truncated)");
        assertRejected(npy("|u1", "(1, 2, 2, 3)", new byte[13]))
                .hasMessageContaining("needs 12 bytes of data, found 13 (1 trailing bytes)");
        assertRejected(npy("<f4", "(100000000, 8192, 8192, 3)", f4(1)))
                .hasMessageContaining("needs 80530636800000000 bytes of data, found 4");
        assertRejected(npy("<i2", "(1, 2, 2, 3)", new byte[24])).hasMessageContaining("unsupported dtype '<i2'");
        assertRejected(npy("<f4", "(1, 0, 2, 3)", new byte[0]))
                .hasMessageContaining("expected rows of at least one value, found shape (1, 0, 2, 3)");
    }

    @Test
    void readsBackFourDimensionalImagesTheWriterWrote() throws IOException {
        Path file = dir.resolve("colour.npy");
        float[] values = {0.5f, -1f, 2f, 0f, 0.25f, 1f, 3f, 4f, 5f, 6f, 7f, 8f};
        NpyWriter.writeFloat32(file, values, 2, 2, 1, 3);
        Rows back = NpyReader.read(file);
        assertThat(back.shape()).isEqualTo(new ImageShape(2, 1, 3));
        assertThat(back.count()).isEqualTo(2);
        assertThat(back.values()).containsExactly(values);
    }

    @Test
    void readsVersionTwoAndThreeHeaders() throws IOException {
        String dict = "{'descr': '<f4', 'fortran_order': False, 'shape': (1, 2), }";
        assertThat(NpyReader.read(file(npy(2, dict, f4(1, 2)))).values()).containsExactly(1f, 2f);
        assertThat(NpyReader.read(file(npy(3, dict, f4(3, 4)))).values()).containsExactly(3f, 4f);
    }

    @Test
    void readsBigEndianFloats() throws IOException {
        Rows rows = NpyReader.read(file(npy(">f4", "(1, 2)", f4(ByteOrder.BIG_ENDIAN, 1.25f, -3f))));
        assertThat(rows.values()).containsExactly(1.25f, -3f);
    }

    @Test
    void transposesFortranOrder() throws IOException {
        // [[1, 2, 3], [4, 5, 6]] stored column by column
        String dict = "{'descr': '<f4', 'fortran_order': True, 'shape': (2, 3), }";
        assertThat(NpyReader.read(file(npy(1, dict, f4(1, 4, 2, 5, 3, 6)))).values())
                .containsExactly(1f, 2f, 3f, 4f, 5f, 6f);
        // a[i][y][x] = 100 i + 10 y + x for shape (2, 2, 2), stored with i varying fastest, then y, then x
        String dict3 = "{'descr': '<f4', 'fortran_order': True, 'shape': (2, 2, 2), }";
        Rows images = NpyReader.read(file(npy(1, dict3, f4(0, 100, 10, 110, 1, 101, 11, 111))));
        assertThat(images.values()).containsExactly(0f, 1f, 10f, 11f, 100f, 101f, 110f, 111f);
    }

    @Test
    void rejectsBadMagicAndEmptyFile() throws IOException {
        assertRejected("not numpy".getBytes(StandardCharsets.US_ASCII)).hasMessageContaining("\\x93NUMPY");
        assertRejected(new byte[0]).hasMessageContaining("empty file");
    }

    @Test
    void rejectsUnsupportedVersion() throws IOException {
        byte[] bytes = npy("<f4", "(1, 1)", f4(1));
        bytes[6] = 4;
        assertRejected(bytes).hasMessageContaining("unsupported .npy format version 4.0");
        bytes[6] = 1;
        bytes[7] = 1;
        assertRejected(bytes).hasMessageContaining("version 1.1");
    }

    @Test
    void rejectsUnsupportedDtypes() throws IOException {
        assertRejected(npy("<i8", "(1, 1)", new byte[8])).hasMessageContaining("unsupported dtype '<i8'");
        assertRejected(npy("<c8", "(1, 1)", new byte[8])).hasMessageContaining("unsupported dtype '<c8'");
        assertRejected(npy(1, "{'descr': [('a', '<f4')], 'fortran_order': False, 'shape': (1,), }", new byte[4]))
                .hasMessageContaining("a structured array (named fields in 'descr') is not supported");
    }

    @Test
    void rejectsShapeThatDoesNotMatchThePayload() throws IOException {
        assertRejected(npy("<f4", "(2, 2)", f4(1, 2, 3)))
                .hasMessageContaining("needs 16 bytes of data, found 12")
                .hasMessageContaining("truncated");
        assertRejected(npy("<f4", "(1, 2)", f4(1, 2, 3))).hasMessageContaining("4 trailing bytes");
    }

    @Test
    void rejectsHugeShapeInTinyFileBeforeAllocating() throws IOException {
        assertRejected(npy("<f4", "(1000000000000, 784)", f4(1))).hasMessageContaining("needs 3136000000000000 bytes");
        assertRejected(npy("<f8", "(99999999999999, 99999999999999, 99999)", f4(1)))
                .hasMessageContaining("needs more than");
        assertRejected(npy("<f4", "(99999999999999999999999, 2)", f4(1))).hasMessageContaining("too large");
    }

    @Test
    void rejectsOneDimensionalArraysSuggestingReshape() throws IOException {
        assertRejected(npy("<f4", "(3,)", f4(1, 2, 3)))
                .hasMessageContaining("1-D shape (3,)")
                .hasMessageContaining("reshape");
    }

    @Test
    void rejectsRanksAboveFourAndZeroNamingTheShape() throws IOException {
        assertRejected(npy("<f4", "(1, 1, 1, 1, 1)", f4(1)))
                .hasMessageEndingWith(": expected a 2-D (rows, width), 3-D "
                        + "(rows, height, width) or 4-D (rows, height, width, channels) array, found the "
                        + "5-D shape (1, 1, 1, 1, 1)");
        assertRejected(npy("<f4", "()", f4(1))).hasMessageContaining("found the 0-D shape ()");
    }

    @Test
    void rejectsMalformedHeaders() throws IOException {
        assertRejected(npy(1, "{'descr': '<f4', 'shape': (1, 1), }", f4(1))).hasMessageContaining("header keys");
        assertRejected(npy(1, "{'descr': '<f4', 'fortran_order': Maybe, 'shape': (1, 1), }", f4(1)))
                .hasMessageContaining("malformed header");
        assertRejected(Arrays.copyOf(npy("<f4", "(1, 1)", f4(1)), 9)).hasMessageContaining("header length");
    }

    @Test
    void writerAlignsTheDataToSixtyFourBytesLikeNumpy() throws IOException {
        Path file = dir.resolve("w.npy");
        NpyWriter.writeFloat32(file, new float[] {1, 2, 3, 4, 5, 6}, 2, 3);
        byte[] bytes = Files.readAllBytes(file);
        int headerLength = (bytes[8] & 0xFF) | (bytes[9] & 0xFF) << 8;
        String header = new String(bytes, 10, headerLength, StandardCharsets.ISO_8859_1);
        assertThat((10 + headerLength) % 64).isZero();
        assertThat(header)
                .startsWith("{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }")
                .endsWith(" \n");
        assertThat(bytes.length).isEqualTo(10 + headerLength + 24);
        assertThat(NpyReader.read(file).values()).containsExactly(1f, 2f, 3f, 4f, 5f, 6f);
    }

    @Test
    void writerRejectsShapeThatDoesNotHoldTheValues() {
        assertThatThrownBy(() -> NpyWriter.writeFloat32(dir.resolve("x.npy"), new float[5], 2, 3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("holds 6 values, got 5");
        assertThat(dir.resolve("x.npy")).doesNotExist();
    }

    @Test
    void writesImageRowsWithTheirShape() throws IOException {
        Path file = dir.resolve("img.npy");
        NpyWriter.write(file, new Rows(new float[8], 2, 4, null, 2, 2, "t"));
        Rows back = NpyReader.read(file);
        assertThat(back.imageHeight()).isEqualTo(2);
        assertThat(back.count()).isEqualTo(2);
    }
}
