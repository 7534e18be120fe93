package org.deepae.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.deepae.data.NpyTestFiles.f4;
import static org.deepae.data.NpyTestFiles.npy;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InputReaderTest {
    @TempDir
    Path dir;

    private InputOptions options() {
        return InputOptions.defaults().withCatalog(new DatasetCatalog(dir.resolve("cache")));
    }

    @Test
    void readsCatalogueSampleSplits() throws IOException {
        Rows test = InputReader.read("mnist-sample", options());
        Rows train = InputReader.read("mnist-sample", options().withSplit(Split.TRAIN));
        assertThat(test.count()).isEqualTo(2000);
        assertThat(train.count()).isEqualTo(8000);
        assertThat(test.imageHeight()).isEqualTo(28);
        assertThat(test.hasLabels()).isTrue();
        assertThat(test.source()).isEqualTo("mnist-sample (test split)");
    }

    @Test
    void readsDatasetDirectory() throws IOException {
        Path data = Files.createDirectories(dir.resolve("tiny"));
        Files.write(data.resolve("train-images-idx3-ubyte"), IdxTestFiles.images4x4(3));
        Files.write(data.resolve("train-labels-idx1-ubyte"), IdxTestFiles.labels(3));
        Files.write(data.resolve("t10k-images-idx3-ubyte"), IdxTestFiles.images4x4(2));
        Files.write(data.resolve("t10k-labels-idx1-ubyte"), IdxTestFiles.labels(2));
        Rows rows = InputReader.read(data.toString(), options().withSplit(Split.TRAIN));
        assertThat(rows.count()).isEqualTo(3);
        assertThat(rows.labels()).containsExactly(0, 1, 2);
        assertThat(rows.width()).isEqualTo(16);
    }

    @Test
    void readsIdxImageFilesPlainAndGzipByContent() throws IOException {
        Path plain = Files.write(dir.resolve("images.bin"), IdxTestFiles.images4x4(2));
        Path gzip = Files.write(dir.resolve("images"), IdxTestFiles.gzip(IdxTestFiles.images4x4(2)));
        for (Path file : new Path[] {plain, gzip}) {
            Rows rows = InputReader.read(file.toString(), options());
            assertThat(rows.count()).isEqualTo(2);
            assertThat(rows.imageHeight()).isEqualTo(4);
            assertThat(rows.values()[1]).isEqualTo(1 / 255f);
            assertThat(rows.hasLabels()).isFalse();
        }
    }

    @Test
    void rejectsIdxLabelFile() throws IOException {
        Path file = Files.write(dir.resolve("labels.idx"), IdxTestFiles.labels(2));
        assertThatThrownBy(() -> InputReader.read(file.toString(), options()))
                .isInstanceOf(DataFormatException.class)
                .hasMessageContaining("found an IDX label file");
    }

    @Test
    void readsNpyByContent() throws IOException {
        Path file = Files.write(dir.resolve("codes.dat"), npy("<f4", "(2, 2)", f4(1, 2, 3, 4)));
        assertThat(InputReader.read(file.toString(), options()).values()).containsExactly(1f, 2f, 3f, 4f);
    }

    @Test
    void readsCsvByExtensionAndByContent() throws IOException {
        Path named = Files.writeString(dir.resolve("a.csv"), "x,label\n0.5,3\n");
        Path bare = Files.writeString(dir.resolve("b"), "0.5,3\n");
        Rows rows = InputReader.read(named.toString(), options());
        assertThat(rows.labels()).containsExactly(3);
        assertThat(InputReader.read(bare.toString(), options().withLabelColumn("1"))
                        .labels())
                .containsExactly(3);
    }

    @Test
    void readsPngDirectoryAndSingleFile() throws IOException {
        Path pngs = Files.createDirectories(dir.resolve("pngs"));
        BufferedImage image = new BufferedImage(2, 2, BufferedImage.TYPE_BYTE_GRAY);
        image.getRaster().setSample(1, 0, 0, 255);
        ImageIO.write(image, "png", pngs.resolve("0.png").toFile());
        ImageIO.write(image, "png", pngs.resolve("1.png").toFile());
        Rows rows = InputReader.read(pngs.toString(), options().withExpectedImageSize(2, 2));
        assertThat(rows.count()).isEqualTo(2);
        assertThat(rows.row(1)).containsExactly(0f, 1f, 0f, 0f);
        assertThat(InputReader.read(pngs.resolve("0.png").toString(), options()).count())
                .isEqualTo(1);
        assertThatThrownBy(() -> InputReader.read(pngs.toString(), options().withExpectedImageSize(3, 3)))
                .isInstanceOf(DataFormatException.class)
                .hasMessageContaining("expected an image of 3x3");
    }

    @Test
    void namesBothWidthsWhenTheModelTakesAnother() throws IOException {
        Path file = Files.writeString(dir.resolve("a.csv"), "1,2,3\n");
        assertThatThrownBy(() -> InputReader.read(file.toString(), options().withExpectedWidth(784)))
                .isInstanceOf(DataFormatException.class)
                .hasMessage(file + ": rows have 3 values but the model takes 784");
    }

    @Test
    void givesPlainRowsTheExpectedImageSize() throws IOException {
        Path file = Files.write(dir.resolve("a.npy"), npy("<f4", "(1, 4)", f4(0, 0, 0, 0)));
        Rows rows = InputReader.read(file.toString(), options().withExpectedImageSize(2, 2));
        assertThat(rows.imageHeight()).isEqualTo(2);
        Path images = Files.write(dir.resolve("b.npy"), npy("<f4", "(1, 1, 4)", f4(0, 0, 0, 0)));
        assertThatThrownBy(() -> InputReader.read(images.toString(), options().withExpectedImageSize(2, 2)))
                .hasMessage(images + ": images are 1x4 but the model takes 2x2");
    }

    @Test
    void rejectsNanInNpyNamingRowAndColumn() throws IOException {
        Path file = Files.write(dir.resolve("a.npy"), npy("<f4", "(2, 2)", f4(1, 2, 3, Float.NaN)));
        assertThatThrownBy(() -> InputReader.read(file.toString(), options()))
                .isInstanceOf(DataFormatException.class)
                .hasMessage(file + ": row 1, column 1 (both counted from 0) is NaN; expected finite values");
    }

    @Test
    void rejectsEmptyInputs() throws IOException {
        Path noRows = Files.write(dir.resolve("a.npy"), npy("<f4", "(0, 2)", new byte[0]));
        assertThatThrownBy(() -> InputReader.read(noRows.toString(), options()))
                .isInstanceOf(DataFormatException.class)
                .hasMessage(noRows + ": no rows: expected at least one");
        Path empty = Files.write(dir.resolve("b.csv"), new byte[0]);
        assertThatThrownBy(() -> InputReader.read(empty.toString(), options()))
                .isInstanceOf(DataFormatException.class)
                .hasMessageStartingWith(empty + ": ");
        Path emptyDir = Files.createDirectories(dir.resolve("nothing"));
        assertThatThrownBy(() -> InputReader.read(emptyDir.toString(), options()))
                .isInstanceOf(DataFormatException.class)
                .hasMessageContaining("found neither");
    }

    @Test
    void rejectsMissingPathAndUnknownBinary() throws IOException {
        assertThatThrownBy(() -> InputReader.read(dir.resolve("nope").toString(), options()))
                .isInstanceOf(NoSuchFileException.class)
                .hasMessageContaining("mnist-sample");
        Path binary = Files.write(dir.resolve("x.bin"), new byte[] {1, 2, 0, 0, 5});
        assertThatThrownBy(() -> InputReader.read(binary.toString(), options()))
                .isInstanceOf(DataFormatException.class)
                .hasMessageContaining("unrecognised content");
    }
}
