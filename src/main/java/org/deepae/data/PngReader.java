package org.deepae.data;

import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.awt.color.ColorSpace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

/**
 * Reads PNG images as grayscale rows scaled to [0, 1].
 *
 * <p>Before a file reaches the decoder, its signature, chunk structure and every chunk's CRC are checked and its
 * header's size is compared with the limit of 2^26 = 67,108,864 pixels per image and with the expected size, so
 * that a small file claiming a huge image is refused at once.
 *
 * <ul>
 *   <li>Gray images keep their value, scaled by the largest value of their bit depth (255 for 8-bit, 65535 for
 *       16-bit).
 *   <li>Colour and palette images become gray with the luma weights 0.299 R + 0.587 G + 0.114 B (of 8-bit sRGB).
 *   <li>Transparency is composited over black, the background of MNIST-style digits: a pixel's value is multiplied
 *       by its alpha, so a fully transparent pixel is 0.
 * </ul>
 */
public final class PngReader {
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
    return new Rows(gray(image), 1, image.getHeight() * image.getWidth(), null, image.getHeight(),
        image.getWidth(), file.toString());
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
          throw new DataFormatException(dir, files.size() + " images of " + height + "x" + width
              + " hold more than the " + IdxHeader.MAX_ARRAY + " values a Java array can hold");
        }
        values = new float[(int) total];
      }
      BufferedImage image = load(file, header);
      System.arraycopy(gray(image), 0, values, i * height * width, height * width);
    }
    return new Rows(values, files.size(), height * width, null, height, width, dir.toString());
  }

  /** The {@code *.png} files directly in {@code dir}, sorted by name. */
  static List<Path> pngFiles(Path dir) throws IOException {
    try (Stream<Path> list = Files.list(dir)) {
      return list.filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".png"))
          .filter(Files::isRegularFile)
          .sorted((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()))
          .toList();
    }
  }

  private static void requireSize(Path file, PngHeader header, int height, int width, String sizeSource)
      throws DataFormatException {
    if (header.height() != height || header.width() != width) {
      throw new DataFormatException(file, "expected an image of " + height + "x" + width + " (" + sizeSource
          + "), found " + header.height() + "x" + header.width() + " (height x width)");
    }
  }

  /** Decodes {@code file}, whose structure and header were checked, and which must be the header's size. */
  private static BufferedImage load(Path file, PngHeader header) throws IOException {
    BufferedImage image;
    try {
      image = ImageIO.read(file.toFile());
    } catch (IOException | RuntimeException e) {
      throw new DataFormatException(file, "expected a readable PNG image, found data the decoder rejects ("
          + e.getMessage() + ")", e);
    }
    if (image == null) {
      throw new DataFormatException(file, "expected a PNG image, found a file no image reader recognises");
    }
    if (image.getHeight() != header.height() || image.getWidth() != header.width()) {
      throw new DataFormatException(file, "the header (IHDR) gives " + header.height() + "x" + header.width()
          + " but the decoder found " + image.getHeight() + "x" + image.getWidth() + " (height x width)");
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
    boolean gray = !(model instanceof IndexColorModel)
        && model.getColorSpace().getType() == ColorSpace.TYPE_GRAY;
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
}
