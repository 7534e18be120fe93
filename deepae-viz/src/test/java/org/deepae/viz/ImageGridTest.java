package org.deepae.viz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.deepae.testing.TestFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageGridTest {

    @Test
    void drawsEachValueAsAScaledGrayBlockOnePerCell(@TempDir Path dir) throws Exception {
        // two 2x2 images per row: the first all black (1), the second all white (0) but one pixel at 0.5
        float[] top = {1, 1, 1, 1, 0, 0, 0, 0.5f};
        float[] bottom = {0, 0, 0, 0, 1, 1, 1, 1};
        Path png = dir.resolve("grid.png");
        new ImageGrid(2, 2, 3).write(png, List.of(new ImageGrid.Row("a", top, 2), new ImageGrid.Row("b", bottom, 2)));
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(TestFiles.entries(dir)).containsExactly(png);

        BufferedImage expected = new ImageGrid(2, 2, 3)
                .render(List.of(new ImageGrid.Row("a", top, 2), new ImageGrid.Row("b", bottom, 2)));
        assertThat(image.getWidth()).isEqualTo(expected.getWidth());
        assertThat(image.getHeight()).isEqualTo(expected.getHeight());
        // height: margin 10 + two rows of 2*3 pixels with a gap of 4 + margin 10
        assertThat(image.getHeight()).isEqualTo(10 + 6 + 4 + 6 + 10);
        int left = image.getWidth() - 10 - (2 * 6 + 4);
        assertThat(gray(image, left, 10)).isEqualTo(0);
        assertThat(gray(image, left + 5, 15)).isEqualTo(0);
        assertThat(gray(image, left + 10, 10)).isEqualTo(255);
        assertThat(gray(image, left + 10 + 3, 10 + 3)).isEqualTo(128);
        assertThat(gray(image, left, 10 + 6 + 4)).isEqualTo(255);
        assertThat(gray(image, left + 10, 10 + 6 + 4)).isEqualTo(0);
    }

    @Test
    void clipsValuesOutsideTheUnitRange() {
        BufferedImage image =
                new ImageGrid(1, 1, 1).render(List.of(new ImageGrid.Row("", new float[] {-3, 7, Float.NaN}, 3)));
        int left = image.getWidth() - 10 - (3 + 2 * 4);
        assertThat(gray(image, left, 10)).isEqualTo(255);
        assertThat(gray(image, left + 5, 10)).isEqualTo(0);
        assertThat(gray(image, left + 10, 10)).isEqualTo(255);
    }

    @Test
    void rejectsRowsShorterThanTheirCount() {
        assertThatThrownBy(() -> new ImageGrid(2, 2, 1).render(List.of(new ImageGrid.Row("x", new float[4], 2))))
                .hasMessageContaining("'x'");
    }

    private static int gray(BufferedImage image, int x, int y) {
        return image.getRGB(x, y) & 0xff;
    }

    @Test
    void pairsPutOriginalsAboveReconstructionsTenPerRow() {
        ImageGrid grid = new ImageGrid(1, 1, 1);
        float[] originals = new float[23];
        float[] reconstructions = new float[23];
        for (int i = 0; i < 23; i++) {
            originals[i] = i;
            reconstructions[i] = -i;
        }
        List<ImageGrid.Row> rows = grid.pairs(originals, reconstructions, 23, 10);
        assertThat(rows)
                .extracting(ImageGrid.Row::label)
                .containsExactly(
                        "original", "reconstruction", "original", "reconstruction", "original", "reconstruction");
        assertThat(rows).extracting(ImageGrid.Row::count).containsExactly(10, 10, 10, 10, 3, 3);
        assertThat(rows.get(2).images()).startsWith(10f);
        assertThat(rows.get(5).images()).containsExactly(-20f, -21f, -22f);
    }

    @Test
    void galleryLabelsRowsByTheirFirstIndex() {
        List<ImageGrid.Row> rows = new ImageGrid(1, 2, 1).gallery(new float[2 * 12], 12, 5);
        assertThat(rows).extracting(ImageGrid.Row::label).containsExactly("0", "5", "10");
        assertThat(rows).extracting(ImageGrid.Row::count).containsExactly(5, 5, 2);
        assertThatThrownBy(() -> new ImageGrid(1, 2, 1).gallery(new float[3], 2, 5))
                .hasMessageContaining("expected at least 2 images of 1x2, got 1");
    }

    @Test
    void largeImagesShrinkToFitTheFigureLimitAndTinyOnesKeepTheirScale() {
        // ten 600x600 pairs would be about 24,200 x 4,800 pixels at scale 4 and 18,200 x 3,600 (66 million) at 3
        ImageGrid large = ImageGrid.fittingPairs(600, 600, 4, 10, 10);
        assertThat(large.scale()).isEqualTo(2);
        float[] images = new float[10 * 600 * 600];
        java.awt.image.BufferedImage figure = large.render(large.pairs(images, images, 10, 10));
        assertThat((long) figure.getWidth() * figure.getHeight()).isLessThanOrEqualTo(ImageGrid.MAX_PIXELS);
        assertThat(ImageGrid.fittingPairs(28, 28, 4, 10, 10).scale()).isEqualTo(4);
        assertThatThrownBy(() -> new ImageGrid(600, 600, 4).requireDrawablePairs(10, 10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("more than the 64,000,000 a figure may have");
    }

    @Test
    void refusesAScaleAboveTheLimit() {
        assertThatThrownBy(() -> new ImageGrid(4, 4, ImageGrid.MAX_SCALE + 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the scale must be at most 32, got 33");
    }
}
