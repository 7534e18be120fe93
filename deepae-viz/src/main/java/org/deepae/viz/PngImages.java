package org.deepae.viz;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.deepae.io.AtomicFiles;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.internal.chartpart.Chart;

/** Turns charts into images and images into PNG files or bytes. */
final class PngImages {

    private PngImages() {}

    /** Paints {@code chart} at its own size. */
    static BufferedImage render(Chart<?, ?> chart) {
        return BitmapEncoder.getBufferedImage(chart);
    }

    /** Writes {@code image} to {@code png} atomically: no half-written file is ever left where a good one was. */
    static void write(Path png, BufferedImage image) throws IOException {
        AtomicFiles.write(png, out -> {
            if (!ImageIO.write(image, "png", out)) {
                throw new IOException(png + ": no PNG writer available");
            }
        });
    }

    /** {@code image} encoded as PNG. */
    static byte[] bytes(BufferedImage image) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, "png", out)) {
                throw new IllegalStateException("no PNG writer available");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not encode an image in memory", e);
        }
        return out.toByteArray();
    }
}
