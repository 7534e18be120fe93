package org.deepae.data;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

/**
 * Reads PNG images as rows scaled to [0, 1]: single files and plain directories as grayscale, image folders
 * ({@link #readFolder}) as grayscale or RGB with their classes.
 *
 * <p>Before a file reaches the decoder, its signature, chunk structure and every chunk's CRC are checked and its
 * header's size is compared with the limit of 2^26 = 67,108,864 pixels per image and with the expected size, so
 * that a small file claiming a huge image is refused at once.
 *
 * <ul>
 *   <li>Gray images keep their value, scaled by the largest value of their bit depth (255 for 8-bit, 65535 for
 *       16-bit).
 *   <li>{@link #readFile} and {@link #readDirectory} turn colour and palette images gray with the luma weights
 *       0.299 R + 0.587 G + 0.114 B (of 8-bit sRGB); {@link #readFolder} keeps their colour as three channels.
 *   <li>Transparency is composited over black, the background of MNIST-style digits: a pixel's value (each of its
 *       channels) is multiplied by its alpha, so a fully transparent pixel is 0. Alpha never becomes a channel.
 * </ul>
 */
public final class PngReader {
    /** The names of the PNG colour types by number; {@code null} where PNG defines none. */
    private static final String[] COLOUR_TYPES = {
        "gray", null, "RGB", "palette", "gray with alpha", null, "RGB with alpha"
    };

    private PngReader() {}

    /** Reads one PNG file as a single row with its image size. */
    public static Rows readFile(Path file) throws IOException {
        return readFile(file, 0, 0);
    }

    /**
     * Reads one PNG file as a single row, refusing it before decoding unless it is {@code expectedHeight x
     * expectedWidth} when those are positive.
     */
    public static Rows readFile(Path file, int expectedHeight, int expectedWidth) throws IOException {
        PngHeader header = PngHeader.read(file);
        if (expectedHeight > 0) {
            requireSize(file, header, expectedHeight, expectedWidth, "the expected size");
        }
        BufferedImage image = load(file, header);
        return new Rows(
                gray(image),
                1,
                image.getHeight() * image.getWidth(),
                null,
                image.getHeight(),
                image.getWidth(),
                file.toString());
    }

    /**
     * Reads every {@code *.png} file in {@code dir} (not recursively; sorted by file name; other files ignored), one
     * row per image. All must have the same size, and that size must be {@code expectedHeight x expectedWidth} when
     * those are positive.
     */
    public static Rows readDirectory(Path dir, int expectedHeight, int expectedWidth) throws IOException {
        List<Path> files = pngFiles(dir);
        if (files.isEmpty()) {
            throw new DataFormatException(dir, "expected PNG images (*.png), found none");
        }
        int height = expectedHeight;
        int width = expectedWidth;
        String sizeSource = "the expected size";
        float[] values = null;
        for (int i = 0; i < files.size(); i++) {
            Path file = files.get(i);
            PngHeader header = PngHeader.read(file);
            if (height <= 0) {
                height = header.height();
                width = header.width();
                sizeSource = "the size of " + file.getFileName();
            }
            requireSize(file, header, height, width, sizeSource);
            if (values == null) {
                long total = (long) files.size() * height * width;
                if (total > IdxHeader.MAX_ARRAY) {
                    throw new DataFormatException(
                            dir,
                            files.size() + " images of " + height + "x" + width + " hold more than the "
                                    + IdxHeader.MAX_ARRAY + " values a Java array can hold");
                }
                values = new float[(int) total];
            }
            BufferedImage image = load(file, header);
            System.arraycopy(gray(image), 0, values, i * height * width, height * width);
        }
        return new Rows(values, files.size(), height * width, null, height, width, dir.toString());
    }

    /**
     * Reads an image folder in either layout of {@link ImageFolder}: {@code *.png} directly in {@code dir}, or one
     * subfolder per class. All images must have one size, {@code expected}'s when that is given; each row's id is the
     * file's path relative to {@code dir}.
     *
     * <p>The images are one channel when every file is a gray PNG (colour type 0 or 4, any bit depth), with the same
     * values as {@link #readDirectory}. When any file is a colour PNG (RGB, palette, either with alpha), every image
     * becomes three channels R, G, B (HWC), gray images repeating their value in each; 16-bit samples are scaled by
     * 65535 and palette entries by 255, taken as stored (no colour management). An {@code expected} shape of 3 channels
     * gives three channels even for gray images; one of 1 channel refuses a colour file. Sizes, colour types, the
     * expected shape and the memory needed are all checked from the files' headers before any image is decoded.
     *
     * @param expected the shape the images must have (a trained model's), or {@code null} to take the first file's
     * @throws DataFormatException if the folder's layout, a file, a size or the colour does not fit, naming the file
     */
    public static ImageFolder readFolder(Path dir, ImageShape expected) throws IOException {
        if (expected != null && expected.channels() != 1 && expected.channels() != 3) {
            throw new DataFormatException(
                    dir,
                    "expected images of " + expected + " (the expected shape), but PNG images "
                            + "give 1 channel (gray) or 3 (RGB), never " + expected.channels());
        }
        ImageFolder.Listing listing = ImageFolder.list(dir);
        List<Path> files = listing.files();
        int n = files.size();
        PngHeader[] headers = new PngHeader[n];
        boolean[] colour = new boolean[n];
        int firstColour = -1;
        for (int i = 0; i < n; i++) {
            Path file = files.get(i);
            headers[i] = PngHeader.read(file);
            if (expected != null) {
                requireSize(file, headers[i], expected.height(), expected.width(), "the expected size");
            } else {
                requireSize(
                        file, headers[i], headers[0].height(), headers[0].width(), "the size of " + listing.ids()[0]);
            }
            int type = colourType(file);
            colour[i] = type == 2 || type == 3 || type == 6;
            if (colour[i] && expected != null && expected.isGray()) {
                throw new DataFormatException(
                        file,
                        "expected a grayscale image (the expected shape " + expected
                                + "), found a colour image (PNG colour type " + type + ", " + COLOUR_TYPES[type] + ")");
            }
            if (colour[i] && firstColour < 0) {
                firstColour = i;
            }
        }
        int height = headers[0].height();
        int width = headers[0].width();
        int channels = expected != null ? expected.channels() : firstColour >= 0 ? 3 : 1;
        long total = (long) n * height * width * channels;
        if (total > IdxHeader.MAX_ARRAY) {
            throw new DataFormatException(
                    dir,
                    n + " images of " + height + "x" + width
                            + (channels == 1
                                    ? ""
                                    : " with " + channels + " channels"
                                            + (firstColour < 0
                                                    ? ""
                                                    : " (" + listing.ids()[firstColour] + " is in colour)"))
                            + " hold more than the " + IdxHeader.MAX_ARRAY
                            + " values a Java array can hold");
        }
        int size = height * width * channels;
        float[] values = new float[(int) total];
        for (int i = 0; i < n; i++) {
            BufferedImage image = load(files.get(i), headers[i]);
            float[] pixels = colour[i] ? rgb(image) : channels == 1 ? gray(image) : repeat(gray(image), channels);
            System.arraycopy(pixels, 0, values, i * size, size);
        }
        Rows rows = new Rows(
                values,
                n,
                size,
                listing.labels(),
                listing.ids(),
                new ImageShape(height, width, channels),
                dir.toString());
        return new ImageFolder(rows, listing.classes());
    }

    /** The {@code *.png} files directly in {@code dir}, sorted by name. */
    static List<Path> pngFiles(Path dir) throws IOException {
        try (Stream<Path> list = Files.list(dir)) {
            return list.filter(p ->
                            p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".png"))
                    .filter(Files::isRegularFile)
                    .sorted((a, b) ->
                            a.getFileName().toString().compareTo(b.getFileName().toString()))
                    .toList();
        }
    }

    private static void requireSize(Path file, PngHeader header, int height, int width, String sizeSource)
            throws DataFormatException {
        if (header.height() != height || header.width() != width) {
            throw new DataFormatException(
                    file,
                    "expected an image of " + height + "x" + width + " (" + sizeSource + "), found " + header.height()
                            + "x" + header.width() + " (height x width)");
        }
    }

    /** Decodes {@code file}, whose structure and header were checked, and which must be the header's size. */
    private static BufferedImage load(Path file, PngHeader header) throws IOException {
        BufferedImage image;
        try {
            image = ImageIO.read(file.toFile());
        } catch (IOException | RuntimeException e) {
            throw new DataFormatException(
                    file, "expected a readable PNG image, found data the decoder rejects (" + e.getMessage() + ")", e);
        }
        if (image == null) {
            throw new DataFormatException(file, "expected a PNG image, found a file no image reader recognises");
        }
        if (image.getHeight() != header.height() || image.getWidth() != header.width()) {
            throw new DataFormatException(
                    file,
                    "the header (IHDR) gives " + header.height() + "x" + header.width() + " but the decoder found "
                            + image.getHeight() + "x" + image.getWidth() + " (height x width)");
        }
        return image;
    }

    /** The image's pixels as gray values in [0, 1], row-major. */
    static float[] gray(BufferedImage image) {
        int h = image.getHeight();
        int w = image.getWidth();
        float[] out = new float[h * w];
        ColorModel model = image.getColorModel();
        Raster raster = image.getRaster();
        boolean gray =
                !(model instanceof IndexColorModel) && model.getColorSpace().getType() == ColorSpace.TYPE_GRAY;
        if (gray) {
            float max = (1 << model.getComponentSize(0)) - 1;
            boolean alpha = model.hasAlpha();
            float alphaMax = alpha ? (1 << model.getComponentSize(1)) - 1 : 1;
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    float v = raster.getSample(x, y, 0) / max;
                    out[y * w + x] = alpha ? v * (raster.getSample(x, y, 1) / alphaMax) : v;
                }
            }
            return out;
        }
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int argb = image.getRGB(x, y);
                float luma = 0.299f * ((argb >> 16) & 0xFF) + 0.587f * ((argb >> 8) & 0xFF) + 0.114f * (argb & 0xFF);
                out[y * w + x] = Math.min(1f, luma / 255f) * (((argb >>> 24) & 0xFF) / 255f);
            }
        }
        return out;
    }

    /** The colour type byte of {@code file}'s header (IHDR), whose structure {@link PngHeader#read} checked. */
    private static int colourType(Path file) throws IOException {
        byte[] start;
        try (InputStream in = Files.newInputStream(file)) {
            start = in.readNBytes(26);
        }
        int type = start.length < 26 ? -1 : start[25] & 0xFF;
        if (type < 0 || type >= COLOUR_TYPES.length || COLOUR_TYPES[type] == null) {
            throw new DataFormatException(
                    file,
                    "the header (IHDR) gives colour type " + type + "; PNG defines 0 (gray), "
                            + "2 (RGB), 3 (palette), 4 (gray with alpha) and 6 (RGB with alpha)");
        }
        return type;
    }

    /** Each of {@code gray}'s values {@code channels} times in a row. */
    private static float[] repeat(float[] gray, int channels) {
        float[] out = new float[gray.length * channels];
        for (int i = 0; i < out.length; i++) {
            out[i] = gray[i / channels];
        }
        return out;
    }

    /**
     * The image's pixels as R, G, B values in [0, 1], row-major with the channels of a pixel together, composited over
     * black. Samples of an RGB image are scaled by the largest value of their bit depth; other images (palette, gray)
     * go through {@link BufferedImage#getRGB}, 8 bits per channel.
     */
    static float[] rgb(BufferedImage image) {
        int h = image.getHeight();
        int w = image.getWidth();
        float[] out = new float[h * w * 3];
        ColorModel model = image.getColorModel();
        Raster raster = image.getRaster();
        boolean rgb = !(model instanceof IndexColorModel)
                && model.getColorSpace().getType() == ColorSpace.TYPE_RGB
                && model.getNumColorComponents() == 3
                && raster.getNumBands() == model.getNumComponents();
        if (rgb) {
            float[] max = new float[model.getNumComponents()];
            for (int c = 0; c < max.length; c++) {
                max[c] = (float) ((1L << model.getComponentSize(c)) - 1);
            }
            boolean alpha = model.hasAlpha() && !model.isAlphaPremultiplied();
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    float a = alpha ? raster.getSample(x, y, 3) / max[3] : 1;
                    int at = (y * w + x) * 3;
                    for (int c = 0; c < 3; c++) {
                        out[at + c] = raster.getSample(x, y, c) / max[c] * a;
                    }
                }
            }
            return out;
        }
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int argb = image.getRGB(x, y);
                float a = ((argb >>> 24) & 0xFF) / 255f;
                int at = (y * w + x) * 3;
                out[at] = ((argb >> 16) & 0xFF) / 255f * a;
                out[at + 1] = ((argb >> 8) & 0xFF) / 255f * a;
                out[at + 2] = (argb & 0xFF) / 255f * a;
            }
        }
        return out;
    }
}
