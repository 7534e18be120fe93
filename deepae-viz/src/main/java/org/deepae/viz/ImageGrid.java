package org.deepae.viz;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A grid of grayscale images with a label before each row, such as the tutorial's figure: ten test images above
 * their reconstructions ({@link #pairs}), or a plain gallery ({@link #gallery}). Values are drawn as in matplotlib's
 * {@code Greys} map, which the tutorial uses: 0 is white,
 * 1 is black; values outside [0, 1] are clipped.
 */
public final class ImageGrid {

    /** One row of the grid: a label and {@code count} images of {@code height * width} values each. */
    public record Row(String label, float[] images, int count) {
        public Row {
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(images, "images");
        }
    }

    /** The largest scale: a 28x28 image becomes 896x896 pixels. */
    public static final int MAX_SCALE = 32;

    /** The most pixels a figure may have (256 MB of RGB values in memory before it is encoded). */
    public static final long MAX_PIXELS = 64_000_000;

    private static final int GAP = 4;
    private static final int MARGIN = 10;

    private final int height;
    private final int width;
    private final int scale;

    /**
     * @param height image height in pixels
     * @param width image width in pixels
     * @param scale how many screen pixels each image pixel becomes, for example 4
     */
    public ImageGrid(int height, int width, int scale) {
        if (height <= 0 || width <= 0 || scale <= 0) {
            throw new IllegalArgumentException(
                    "image size and scale must be positive, got " + height + "x" + width + " at scale " + scale);
        }
        if (scale > MAX_SCALE) {
            throw new IllegalArgumentException("the scale must be at most " + MAX_SCALE + ", got " + scale);
        }
        this.height = height;
        this.width = width;
        this.scale = scale;
    }

    /**
     * A grid at {@code preferredScale}, or at the largest smaller scale at which a figure of {@link #pairs} for
     * {@code count} images in rows of {@code columns} stays within {@link #MAX_PIXELS} (scale 1 when none does, whose
     * rendering then says why it cannot be drawn). Figures that deepae draws on its own use it, so that large images
     * shrink instead of failing.
     */
    public static ImageGrid fittingPairs(int height, int width, int preferredScale, int count, int columns) {
        for (int scale = preferredScale; scale > 1; scale--) {
            ImageGrid grid = new ImageGrid(height, width, scale);
            try {
                grid.requireDrawablePairs(count, columns);
                return grid;
            } catch (IllegalArgumentException e) {
                // try a smaller scale
            }
        }
        return new ImageGrid(height, width, 1);
    }

    /** This grid's scale: screen pixels per image pixel. */
    public int scale() {
        return scale;
    }

    /**
     * Rows for originals above their reconstructions, {@code columns} images per row: the tutorial's figure when there
     * are ten, and further pairs of rows below for more.
     */
    public List<Row> pairs(float[] originals, float[] reconstructions, int count, int columns) {
        List<Row> rows = new ArrayList<>();
        for (int start = 0; start < count; start += columns) {
            int n = Math.min(columns, count - start);
            rows.add(new Row("original", slice(originals, start, n), n));
            rows.add(new Row("reconstruction", slice(reconstructions, start, n), n));
        }
        return rows;
    }

    /** Rows of {@code columns} images each, labelled with the index of their first image. */
    public List<Row> gallery(float[] images, int count, int columns) {
        List<Row> rows = new ArrayList<>();
        for (int start = 0; start < count; start += columns) {
            int n = Math.min(columns, count - start);
            rows.add(new Row(String.valueOf(start), slice(images, start, n), n));
        }
        return rows;
    }

    private float[] slice(float[] images, int start, int n) {
        int size = height * width;
        if ((long) (start + n) * size > images.length) {
            throw new IllegalArgumentException("expected at least " + (start + n) + " images of " + height + "x" + width
                    + ", got " + images.length / size);
        }
        return Arrays.copyOfRange(images, start * size, (start + n) * size);
    }

    /** Draws the rows, one below another, each image in its own cell. */
    public BufferedImage render(List<Row> rows) {
        int columns = rows.stream().mapToInt(Row::count).max().orElse(0);
        for (Row row : rows) {
            if ((long) row.count() * height * width > row.images().length) {
                throw new IllegalArgumentException("row '" + row.label() + "' claims " + row.count() + " images of "
                        + height + "x" + width + " but holds " + row.images().length + " values");
            }
        }
        Font font = font();
        FontMetrics metrics = metrics(font);
        int labelWidth = rows.stream()
                .mapToInt(r -> metrics.stringWidth(r.label()))
                .max()
                .orElse(0);
        requireDrawable(labelWidth, rows.size(), columns);

        int cellW = width * scale;
        int cellH = height * scale;
        int left = MARGIN + labelWidth + MARGIN;
        int imageW = left + columns * (cellW + GAP) - GAP + MARGIN;
        int imageH = MARGIN + rows.size() * (cellH + GAP) - GAP + MARGIN;
        BufferedImage image = new BufferedImage(Math.max(imageW, 1), Math.max(imageH, 1), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, image.getWidth(), image.getHeight());
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setFont(font);
            for (int r = 0; r < rows.size(); r++) {
                Row row = rows.get(r);
                int top = MARGIN + r * (cellH + GAP);
                g.setColor(Color.DARK_GRAY);
                int baseline = top + (cellH + metrics.getAscent() - metrics.getDescent()) / 2;
                g.drawString(row.label(), MARGIN + labelWidth - metrics.stringWidth(row.label()), baseline);
                for (int c = 0; c < row.count(); c++) {
                    drawCell(image, row.images(), c, left + c * (cellW + GAP), top);
                }
            }
        } finally {
            g.dispose();
        }
        return image;
    }

    /**
     * Checks, before any image is drawn, that a figure of {@link #pairs} for {@code count} images in rows of
     * {@code columns} stays within {@link #MAX_PIXELS}.
     *
     * @throws IllegalArgumentException giving the figure's size and what to lower
     */
    public void requireDrawablePairs(int count, int columns) {
        int rowPairs = (count + columns - 1) / columns;
        requireDrawable(metrics(font()).stringWidth("reconstruction"), 2L * rowPairs, Math.min(count, columns));
    }

    /** As {@link #requireDrawablePairs}, for a {@link #gallery} of {@code count} images in rows of {@code columns}. */
    public void requireDrawableGallery(int count, int columns) {
        int rows = (count + columns - 1) / columns;
        requireDrawable(
                metrics(font()).stringWidth(String.valueOf(Math.max(0, count - 1))), rows, Math.min(count, columns));
    }

    private void requireDrawable(int labelWidth, long rows, int columns) {
        long imageW = MARGIN + labelWidth + MARGIN + (long) columns * (width * (long) scale + GAP) - GAP + MARGIN;
        long imageH = MARGIN + rows * (height * (long) scale + GAP) - GAP + MARGIN;
        if (imageW > Integer.MAX_VALUE || imageH > Integer.MAX_VALUE || imageW * imageH > MAX_PIXELS) {
            throw new IllegalArgumentException(String.format(
                    java.util.Locale.ROOT,
                    "a figure of %d rows of %d images of %dx%d at scale %d would be %,d x %,d pixels, more than "
                            + "the %,d "
                            + "a figure may have; lower the scale or draw fewer images",
                    rows,
                    columns,
                    height,
                    width,
                    scale,
                    imageW,
                    imageH,
                    MAX_PIXELS));
        }
    }

    private Font font() {
        return new Font(Font.SANS_SERIF, Font.PLAIN, Math.max(12, 4 * scale));
    }

    private static FontMetrics metrics(Font font) {
        BufferedImage probe = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        Graphics2D measure = probe.createGraphics();
        try {
            return measure.getFontMetrics(font);
        } finally {
            measure.dispose();
        }
    }

    private void drawCell(BufferedImage image, float[] images, int index, int x0, int y0) {
        int offset = index * height * width;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                float v = images[offset + y * width + x];
                float clipped = Float.isNaN(v) ? 0f : Math.max(0f, Math.min(1f, v));
                int gray = Math.round(255 * (1 - clipped));
                int rgb = (gray << 16) | (gray << 8) | gray;
                for (int dy = 0; dy < scale; dy++) {
                    for (int dx = 0; dx < scale; dx++) {
                        image.setRGB(x0 + x * scale + dx, y0 + y * scale + dy, rgb);
                    }
                }
            }
        }
    }

    /** Renders {@code rows} and writes them to {@code png} atomically. */
    public void write(Path png, List<Row> rows) throws IOException {
        PngImages.write(png, render(rows));
    }
}
