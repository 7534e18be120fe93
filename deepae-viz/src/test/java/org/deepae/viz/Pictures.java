package org.deepae.viz;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

/** Checks on rendered pictures shared by the viz tests. */
final class Pictures {

    private Pictures() {}

    /** How many different RGB colours {@code image} holds. */
    static int distinctColours(BufferedImage image) {
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                colours.add(image.getRGB(x, y) & 0xffffff);
            }
        }
        return colours.size();
    }

    /** The variance of the pixels' gray levels (0 for a blank image). */
    static double grayVariance(BufferedImage image) {
        double sum = 0;
        double sumOfSquares = 0;
        long n = (long) image.getWidth() * image.getHeight();
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                double gray = (((rgb >> 16) & 0xff) + ((rgb >> 8) & 0xff) + (rgb & 0xff)) / 3.0;
                sum += gray;
                sumOfSquares += gray * gray;
            }
        }
        double mean = sum / n;
        return sumOfSquares / n - mean * mean;
    }

    /** Asserts that {@code image} is {@code width x height} and not blank. */
    static void assertDrawn(BufferedImage image, int width, int height) {
        assertThat(image.getWidth()).isEqualTo(width);
        assertThat(image.getHeight()).isEqualTo(height);
        assertThat(distinctColours(image)).isGreaterThan(20);
        assertThat(grayVariance(image)).isGreaterThan(50);
    }

    /** Decodes the PNG at {@code png} and checks that it is the only file in its directory (no temporary left). */
    static BufferedImage readOnlyFile(Path png) throws IOException {
        try (Stream<Path> files = Files.list(png.getParent())) {
            assertThat(files.toList()).isEqualTo(List.of(png));
        }
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image).as("decoded " + png).isNotNull();
        return image;
    }
}
