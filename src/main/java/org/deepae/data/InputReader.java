package org.deepae.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads rows from any supported input, the one entry point for commands that take {@code --input}.
 *
 * <ul>
 *   <li>A catalogue name ({@link DatasetCatalog#names()}) or a directory holding the four standard IDX files: the
 *       dataset's chosen {@link Split}, with labels.
 *   <li>Another directory: its {@code *.png} images ({@link PngReader}).
 *   <li>A file, recognised by its content first and its extension second: NumPy {@code .npy} ({@link NpyReader}), IDX
 *       images plain or gzip ({@link IdxReader}), a single PNG image, or CSV text ({@link CsvReader}).
 * </ul>
 *
 * <p>Whatever the format, the result has at least one row, only finite values, and {@code expectedWidth} values per
 * row when that is set. Unsigned-byte data (IDX, PNG, NPY {@code uint8}) is scaled to [0, 1] as in training; float
 * data is taken as it is. Rows of the expected image size's width that have no image size of their own are given it.
 */
public final class InputReader {
  private static final Logger LOG = LoggerFactory.getLogger(InputReader.class);
  private static final int SNIFF = 4096;

  private InputReader() {}

  /**
   * Reads {@code input}, a catalogue name, a directory or a file.
   *
   * @throws NoSuchFileException if {@code input} is neither a catalogue name nor an existing path
   * @throws DataFormatException if the content is malformed, empty, not finite or of the wrong width
   */
  public static Rows read(String input, InputOptions options) throws IOException {
    Objects.requireNonNull(options, "options");
    if (input == null || input.isBlank()) {
      throw new IllegalArgumentException("input must be a dataset name, a directory or a file, got '" + input + "'");
    }
    Rows rows = check(readUnchecked(input, options), options);
    LOG.debug("read {} rows of {} values from {}", rows.count(), rows.width(), rows.source());
    return rows;
  }

  private static Rows readUnchecked(String input, InputOptions options) throws IOException {
    if (DatasetCatalog.names().contains(input)) {
      return fromCatalog(input, options);
    }
    Path path;
    try {
      path = Path.of(input);
    } catch (InvalidPathException e) {
      throw new NoSuchFileException(input, null, "not a valid path, and not one of the datasets "
          + DatasetCatalog.names());
    }
    if (Files.isDirectory(path)) {
      if (IdxDirectory.missing(path).isEmpty()) {
        return fromCatalog(input, options);
      }
      if (PngReader.pngFiles(path).isEmpty()) {
        throw new DataFormatException(path, "expected PNG images (*.png) or the IDX files "
            + IdxDirectory.STANDARD_NAMES + " (each plain or .gz), found neither");
      }
      return PngReader.readDirectory(path, options.expectedHeight(), options.expectedImageWidth());
    }
    if (!Files.exists(path)) {
      throw new NoSuchFileException(input, null, "no such file or directory, and not one of the datasets "
          + DatasetCatalog.names());
    }
    return readFile(path, options);
  }

  private static Rows fromCatalog(String name, InputOptions options) throws IOException {
    DatasetCatalog catalog = options.catalog() == null ? new DatasetCatalog() : options.catalog();
    Dataset dataset = catalog.load(name);
    String source = dataset.info().name() + " (" + options.split().name().toLowerCase(Locale.ROOT) + " split)";
    return options.split().of(dataset).withSource(source);
  }

  private static Rows readFile(Path file, InputOptions options) throws IOException {
    byte[] head;
    try (InputStream in = Files.newInputStream(file)) {
      head = in.readNBytes(SNIFF);
    }
    if (head.length == 0) {
      throw new DataFormatException(file, "the file is empty, expected NPY, IDX, PNG or CSV data");
    }
    String ext = extension(file);
    if (startsWith(head, NpyReader.MAGIC) || (ext.equals("npy") && !looksLikeText(head))) {
      return NpyReader.read(file);
    }
    if (startsWith(head, PngHeader.SIGNATURE)) {
      return PngReader.readFile(file, options.expectedHeight(), options.expectedImageWidth());
    }
    if (isGzip(head) || isIdx(head)) {
      return fromIdx(file, head);
    }
    if (ext.equals("csv") || ext.equals("txt") || looksLikeText(head)) {
      return CsvReader.read(file, options.labelColumn());
    }
    return switch (ext) {
      case "npy" -> NpyReader.read(file);
      case "png" -> PngReader.readFile(file, options.expectedHeight(), options.expectedImageWidth());
      case "idx", "ubyte", "idx3-ubyte", "gz" -> fromIdx(file, head);
      default -> throw new DataFormatException(file, "unrecognised content: expected NumPy .npy, IDX images, PNG "
          + "or CSV text, found binary bytes starting " + hex(Arrays.copyOf(head, Math.min(8, head.length))));
    };
  }

  private static Rows fromIdx(Path file, byte[] head) throws IOException {
    if (head.length >= 4 && head[0] == 0 && head[1] == 0 && head[2] == 8 && head[3] == 1) {
      throw new DataFormatException(file, "expected IDX images (magic 0x00000803), found an IDX label file "
          + "(magic 0x00000801)");
    }
    return Rows.of(IdxReader.readImageBytes(file).toImageSet(null), file.toString());
  }

  /** Checks what every input must satisfy, and gives plain rows the expected image size. */
  static Rows check(Rows rows, InputOptions options) throws DataFormatException {
    if (rows.count() == 0) {
      throw new DataFormatException(rows.source(), "no rows: expected at least one");
    }
    requireFinite(rows);
    if (options.expectsImageSize() && rows.isImages() && (rows.imageHeight() != options.expectedHeight()
        || rows.imageWidth() != options.expectedImageWidth())) {
      throw new DataFormatException(rows.source(), "images are " + rows.imageHeight() + "x" + rows.imageWidth()
          + " but the model takes " + options.expectedHeight() + "x" + options.expectedImageWidth());
    }
    if (options.expectedWidth() > 0 && rows.width() != options.expectedWidth()) {
      throw new DataFormatException(rows.source(), "rows have " + rows.width() + " values but the model takes "
          + options.expectedWidth());
    }
    if (options.expectsImageSize()) {
      if (!rows.isImages() && rows.width() == options.expectedHeight() * options.expectedImageWidth()) {
        return new Rows(rows.values(), rows.count(), rows.width(), rows.labels(), options.expectedHeight(),
            options.expectedImageWidth(), rows.source());
      }
    }
    return rows;
  }

  /** Rejects NaN and infinite values, naming the 0-based row and column. */
  static void requireFinite(Rows rows) throws DataFormatException {
    float[] values = rows.values();
    for (int i = 0; i < values.length; i++) {
      if (!Float.isFinite(values[i])) {
        throw new DataFormatException(rows.source(), "row " + (i / rows.width()) + ", column "
            + (i % rows.width()) + " (both counted from 0) is " + values[i] + "; expected finite values");
      }
    }
  }

  private static String extension(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    int dot = name.lastIndexOf('.');
    return dot < 0 ? "" : name.substring(dot + 1);
  }

  private static boolean startsWith(byte[] head, byte[] magic) {
    return head.length >= magic.length && Arrays.equals(head, 0, magic.length, magic, 0, magic.length);
  }

  private static boolean isGzip(byte[] head) {
    return head.length >= 2 && (head[0] & 0xFF) == 0x1f && (head[1] & 0xFF) == 0x8b;
  }

  private static boolean isIdx(byte[] head) {
    return head.length >= 4 && head[0] == 0 && head[1] == 0 && head[2] == 8 && (head[3] == 3 || head[3] == 1);
  }

  /** Whether the sniffed bytes have no NUL and few control characters, as text does. */
  private static boolean looksLikeText(byte[] head) {
    int control = 0;
    for (byte b : head) {
      if (b == 0) {
        return false;
      }
      if (b > 0 && b < 0x20 && b != '\n' && b != '\r' && b != '\t' && b != '\f') {
        control++;
      }
    }
    return control * 20 < head.length;
  }

  private static String hex(byte[] bytes) {
    StringBuilder text = new StringBuilder();
    for (byte b : bytes) {
      text.append(String.format("%02X ", b & 0xFF));
    }
    return text.toString().strip();
  }
}
