package org.deepae.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.deepae.data.IdxTestFiles.gzip;
import static org.deepae.data.IdxTestFiles.idx;
import static org.deepae.data.IdxTestFiles.images4x4;
import static org.deepae.data.IdxTestFiles.labels;
import static org.deepae.data.IdxTestFiles.write;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxReaderTest {
    @TempDir
    Path dir;

    private AbstractThrowableAssert<?, ? extends Throwable> assertImagesRejected(Path file) {
        return assertThatThrownBy(() -> IdxReader.readImageBytes(file))
                .isInstanceOf(DataFormatException.class)
                .hasMessageStartingWith(file + ": ");
    }

    @Test
    void readsPlainImagesAndLabelsScaledToUnitRange() throws IOException {
        Path images = write(dir.resolve("i.idx"), images4x4(2));
        Path labels = write(dir.resolve("l.idx"), labels(2));

        ImageSet set = IdxReader.readImages(images, labels);

        assertThat(set.rows()).isEqualTo(2);
        assertThat(set.height()).isEqualTo(4);
        assertThat(set.width()).isEqualTo(4);
        assertThat(set.labels()).containsExactly(0, 1);
        assertThat(set.pixels()[0]).isEqualTo(0f);
        assertThat(set.pixels()[17]).isEqualTo(17 / 255f);
    }

    @Test
    void readsPixelAbove127AsUnsigned() throws IOException {
        Path images = write(dir.resolve("i.idx"), images4x4(16)); // bytes run 0..255
        assertThat(IdxReader.readImageBytes(images).toImageSet(null).pixels()[255])
                .isEqualTo(1f);
    }

    @Test
    void detectsGzipFromContentNotName() throws IOException {
        Path gzipNamedPlain = write(dir.resolve("plain.gz"), images4x4(3));
        Path plainNamedGzip = write(dir.resolve("images-idx3-ubyte"), gzip(images4x4(3)));

        assertThat(IdxReader.readImageBytes(gzipNamedPlain).pixels())
                .isEqualTo(Arrays.copyOfRange(images4x4(3), 16, 64));
        assertThat(IdxReader.readImageBytes(plainNamedGzip).pixels())
                .isEqualTo(Arrays.copyOfRange(images4x4(3), 16, 64));
    }

    @Test
    void sha256CoversDecompressedContentInOrder() throws IOException {
        Path plain = write(dir.resolve("a"), images4x4(1));
        Path zipped = write(dir.resolve("b.gz"), gzip(labels(1)));
        byte[] both = new byte[images4x4(1).length + labels(1).length];
        System.arraycopy(images4x4(1), 0, both, 0, images4x4(1).length);
        System.arraycopy(labels(1), 0, both, images4x4(1).length, labels(1).length);
        Path concatenated = write(dir.resolve("c"), both);

        assertThat(IdxReader.sha256(plain, zipped))
                .isEqualTo(IdxReader.sha256(concatenated))
                .hasSize(64);
    }

    @Test
    void rejectsBadMagic() throws IOException {
        Path file = write(dir.resolve("train-images-idx3-ubyte"), labels(3));
        assertImagesRejected(file)
                .hasMessage(file
                        + ": expected magic number 0x00000803 (unsigned byte images, 3 dimensions), found 0x00000801");
    }

    @Test
    void rejectsNonZeroLeadingMagicBytes() throws IOException {
        Path file = write(dir.resolve("x"), idx(0x50_4B_08_03, new int[] {1, 4, 4}, 16));
        assertImagesRejected(file).hasMessageContaining("found 0x504B0803");
    }

    @Test
    void rejectsWrongTypeByte() throws IOException {
        Path file = write(dir.resolve("x"), idx(0x00000D03, new int[] {1, 4, 4}, 64));
        assertImagesRejected(file)
                .hasMessageContaining("expected data type 0x08 (unsigned byte)")
                .hasMessageContaining("found 0x0D (float)");
    }

    @Test
    void rejectsZeroDimension() throws IOException {
        Path file = write(dir.resolve("x"), idx(0x00000803, new int[] {2, 0, 4}, 0));
        assertImagesRejected(file).hasMessageContaining("expected a positive image height, found 0");
    }

    @Test
    void rejectsNegativeDimension() throws IOException {
        Path file = write(dir.resolve("x"), idx(0x00000803, new int[] {0xFFFFFFFF, 4, 4}, 16));
        assertImagesRejected(file).hasMessageContaining("expected a positive image count, found 4294967295");
    }

    @Test
    void rejectsDimensionsWhoseProductOverflowsAnArray() throws IOException {
        Path file = write(dir.resolve("x"), idx(0x00000803, new int[] {70_000, 28_000, 28_000}, 16));
        assertImagesRejected(file).hasMessageContaining("more than the 2147483639 bytes a Java array can hold");
    }

    @Test
    void rejectsHugeCountInTinyPlainFileBeforeAllocating() throws IOException {
        Path file = write(dir.resolve("x"), idx(0x00000803, new int[] {Integer.MAX_VALUE / 16, 4, 4}, 16));
        assertImagesRejected(file).hasMessageContaining("found 16 (the file is truncated)");
    }

    @Test
    void rejectsHugeCountInTinyGzipFileWithoutAllocatingIt() throws IOException {
        Path file = write(dir.resolve("x.gz"), gzip(idx(0x00000803, new int[] {Integer.MAX_VALUE / 16, 4, 4}, 16)));
        assertImagesRejected(file).hasMessageContaining("found 16 (the file is truncated)");
    }

    @Test
    void rejectsTruncatedPayload() throws IOException {
        byte[] full = images4x4(3);
        Path file = write(dir.resolve("x"), Arrays.copyOf(full, full.length - 5));
        assertImagesRejected(file)
                .hasMessage(file
                        + ": expected 48 bytes of data after the 16-byte header (3 x 4 x 4), found 43 "
                        + "(the file is truncated)");
    }

    @Test
    void rejectsTruncatedGzipPayload() throws IOException {
        byte[] full = images4x4(3);
        Path file = write(dir.resolve("x.gz"), gzip(Arrays.copyOf(full, full.length - 5)));
        assertImagesRejected(file).hasMessageContaining("(the file is truncated)");
    }

    @Test
    void rejectsTrailingBytes() throws IOException {
        Path file = write(dir.resolve("x"), Arrays.copyOf(images4x4(3), images4x4(3).length + 2));
        assertImagesRejected(file).hasMessageContaining("found 50 (2 trailing bytes)");
    }

    @Test
    void rejectsTrailingBytesInsideGzip() throws IOException {
        Path file = write(dir.resolve("x.gz"), gzip(Arrays.copyOf(images4x4(3), images4x4(3).length + 2)));
        assertImagesRejected(file).hasMessageContaining("(2 trailing bytes)");
    }

    @Test
    void rejectsFileEndingInsideHeader() throws IOException {
        Path file = write(dir.resolve("x"), Arrays.copyOf(images4x4(1), 10));
        assertImagesRejected(file).hasMessageContaining("expected 16 header bytes, found 10");
    }

    @Test
    void rejectsLabelCountThatDiffersFromImageCount() throws IOException {
        Path images = write(dir.resolve("images"), images4x4(3));
        Path labels = write(dir.resolve("labels"), labels(2));
        assertThatThrownBy(() -> IdxReader.readImages(images, labels))
                .isInstanceOf(DataFormatException.class)
                .hasMessage(labels + ": expected 3 labels, one per image in " + images + ", found 2");
    }

    @Test
    void rejectsCorruptGzip() throws IOException {
        byte[] zipped = gzip(images4x4(3));
        for (int i = 12; i < zipped.length - 8; i++) {
            zipped[i] ^= 0x5A;
        }
        Path file = write(dir.resolve("x.gz"), zipped);
        assertImagesRejected(file).hasMessageContaining("gzip").hasCauseInstanceOf(IOException.class);
    }

    @Test
    void rejectsTruncatedGzipStream() throws IOException {
        byte[] zipped = gzip(images4x4(3));
        Path file = write(dir.resolve("x.gz"), Arrays.copyOf(zipped, zipped.length - 12));
        assertImagesRejected(file).hasMessageContaining("corrupt or truncated gzip data");
    }

    @Test
    void rejectsEmptyFile() throws IOException {
        Path file = write(dir.resolve("x"), new byte[0]);
        assertImagesRejected(file).hasMessage(file + ": expected an IDX file, found an empty file");
    }

    @Test
    void rejectsEmptyGzipContent() throws IOException {
        Path file = write(dir.resolve("x.gz"), gzip(new byte[0]));
        assertImagesRejected(file).hasMessageContaining("no data, expected an IDX file starting with magic number");
    }

    @Test
    void rejectsDirectory() throws IOException {
        Path sub = Files.createDirectory(dir.resolve("train-images-idx3-ubyte.gz"));
        assertImagesRejected(sub).hasMessage(sub + ": expected an IDX file, found a directory");
    }

    @Test
    void reportsMissingFileByName() {
        Path missing = dir.resolve("missing.gz");
        assertThatThrownBy(() -> IdxReader.readLabels(missing))
                .isInstanceOf(NoSuchFileException.class)
                .hasMessageContaining(missing.toString());
    }
}
