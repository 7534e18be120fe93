package org.deepae.data;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.util.Locale;

/**
 * The lines of a CSV text, read with their cells counted on the way, so that a line longer or wider than allowed
 * is refused as soon as that shows instead of after it has been read whole.
 *
 * <p>Lines end at {@code \n}, {@code \r} or {@code \r\n}, as {@link java.io.BufferedReader#readLine} ends them.
 * A comment line (its first non-blank character {@code #}) is skipped without being kept and comes back as
 * {@code "#"}.
 */
final class CsvLines {
  private final Reader in;
  private final String source;
  private final int maxLineChars;
  private final char[] buffer = new char[1 << 16];
  private final StringBuilder line = new StringBuilder();
  private int pos;
  private int end;
  private int lineNo;
  private boolean inLine;

  CsvLines(Reader in, String source, int maxLineChars) {
    this.in = in;
    this.source = source;
    this.maxLineChars = maxLineChars;
  }

  /** The 1-based number of the line {@link #next} returned last. */
  int lineNo() {
    return lineNo;
  }

  /**
   * The next line without its terminator, or {@code null} at the end.
   *
   * @param maxCells the most cells the line may have, or 0 when any number up to {@link CsvReader#MAX_COLUMNS} is
   *     allowed
   * @param widthSource where {@code maxCells} comes from, for the message, such as {@code "as on line 1"}
   */
  String next(int maxCells, String widthSource) throws IOException {
    line.setLength(0);
    int cells = 1;
    int cellChars = 0;
    boolean cellStart = true;
    boolean quoted = false;
    boolean quotePending = false;
    boolean content = false;
    boolean comment = false;
    boolean bom = lineNo > 0;
    int c = read();
    if (c < 0) {
      return null;
    }
    lineNo++;
    inLine = true;
    for (; c >= 0 && c != '\n' && c != '\r'; c = read()) {
      if (comment) {
        continue;
      }
      if (!content) {
        if (c == '\ufeff' && !bom) {
          bom = true;
        } else if (!Character.isWhitespace(c)) {
          content = true;
          if (c == '#') {
            comment = true;
            line.setLength(0);
            line.append('#');
            continue;
          }
        }
      }
      if (line.length() >= maxLineChars) {
        throw new DataFormatException(source, "line " + lineNo + " is longer than the limit of "
            + count(maxLineChars) + " characters per line");
      }
      line.append((char) c);
      if (quoted) {
        if (quotePending && c == '"') {
          quotePending = false;
        } else if (quotePending) {
          quoted = false;
          quotePending = false;
        } else if (c == '"') {
          quotePending = true;
          continue;
        }
      }
      if (!quoted) {
        if (c == ',') {
          cells++;
          if (maxCells > 0 && cells > maxCells) {
            throw new DataFormatException(source, "line " + lineNo + " has more than " + maxCells + " column"
                + (maxCells == 1 ? "" : "s") + ", expected " + maxCells + " (" + widthSource
                + "); stopped reading it at column " + cells);
          }
          if (cells > CsvReader.MAX_COLUMNS) {
            throw new DataFormatException(source, "line " + lineNo + " has more than the limit of "
                + count(CsvReader.MAX_COLUMNS) + " columns");
          }
          cellChars = 0;
          cellStart = true;
          continue;
        }
        if (cellStart) {
          if (c == ' ' || c == '\t' || c == '\u00a0' || c == '\ufeff') {
            continue;
          }
          cellStart = false;
          if (c == '"') {
            quoted = true;
            continue;
          }
        }
      }
      if (++cellChars > CsvReader.MAX_CELL_CHARS) {
        throw new DataFormatException(source, "line " + lineNo + ", column " + cells + ": a cell longer than the limit"
            + " of " + count(CsvReader.MAX_CELL_CHARS) + " characters");
      }
    }
    if (c == '\r' && peek() == '\n') {
      read();
    }
    inLine = false;
    return line.toString();
  }

  private static String count(int n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  private int peek() throws IOException {
    if (pos == end && !fill()) {
      return -1;
    }
    return buffer[pos];
  }

  private int read() throws IOException {
    if (pos == end && !fill()) {
      return -1;
    }
    return buffer[pos++];
  }

  private boolean fill() throws IOException {
    int n;
    try {
      n = in.read(buffer);
    } catch (CharacterCodingException e) {
      throw new DataFormatException(source, "line " + (inLine ? lineNo : lineNo + 1) + ": expected UTF-8 text, "
          + "found bytes that are not; is this a binary file?", e);
    }
    if (n <= 0) {
      return false;
    }
    pos = 0;
    end = n;
    return true;
  }
}
