package org.deepae.data;

import java.util.ArrayList;
import java.util.List;

/** Splitting one CSV line into trimmed, unquoted cells, and telling numbers from text without regular expressions. */
final class CsvCells {
  /** What a cell holds. */
  enum Kind { NUMBER, NOT_FINITE, TEXT }

  private CsvCells() {}

  /**
   * The cells of {@code line}: split at commas outside double quotes, trimmed, with surrounding quotes removed and
   * doubled quotes inside them undone.
   *
   * @return the cells, or {@code null} when a quote is not closed
   */
  static List<String> split(String line, List<String> reuse) {
    List<String> cells = reuse == null ? new ArrayList<>() : reuse;
    cells.clear();
    int n = line.length();
    int start = 0;
    while (true) {
      int i = start;
      while (i < n && isBlank(line.charAt(i))) {
        i++;
      }
      if (i < n && line.charAt(i) == '"') {
        StringBuilder cell = new StringBuilder();
        int j = i + 1;
        while (true) {
          if (j >= n) {
            return null;
          }
          char c = line.charAt(j);
          if (c == '"') {
            if (j + 1 < n && line.charAt(j + 1) == '"') {
              cell.append('"');
              j += 2;
              continue;
            }
            break;
          }
          cell.append(c);
          j++;
        }
        j++;
        while (j < n && isBlank(line.charAt(j))) {
          j++;
        }
        if (j < n && line.charAt(j) != ',') {
          return null;
        }
        cells.add(cell.toString().strip());
        if (j >= n) {
          return cells;
        }
        start = j + 1;
      } else {
        int comma = line.indexOf(',', start);
        int end = comma < 0 ? n : comma;
        int b = end;
        while (b > i && isBlank(line.charAt(b - 1))) {
          b--;
        }
        cells.add(line.substring(i, b));
        if (comma < 0) {
          return cells;
        }
        start = comma + 1;
      }
    }
  }

  private static boolean isBlank(char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\u00a0' || c == '\ufeff';
  }

  /** Whether {@code cell} is a decimal number, a NaN or infinity spelled as Java or NumPy write it, or text. */
  static Kind kind(String cell) {
    int n = cell.length();
    if (n == 0) {
      return Kind.TEXT;
    }
    boolean digit = false;
    for (int i = 0; i < n; i++) {
      char c = cell.charAt(i);
      if (c >= '0' && c <= '9') {
        digit = true;
      } else if (c != '+' && c != '-' && c != '.' && c != 'e' && c != 'E') {
        return isNotFinite(cell) ? Kind.NOT_FINITE : Kind.TEXT;
      }
    }
    if (!digit) {
      return Kind.TEXT;
    }
    try {
      Float.parseFloat(cell);
      return Kind.NUMBER;
    } catch (NumberFormatException e) {
      return Kind.TEXT;
    }
  }

  private static boolean isNotFinite(String cell) {
    String s = cell.startsWith("+") || cell.startsWith("-") ? cell.substring(1) : cell;
    return s.equalsIgnoreCase("nan") || s.equalsIgnoreCase("inf") || s.equalsIgnoreCase("infinity");
  }

  /** A likely wrong delimiter inside {@code text}, described for a message, or {@code null}. */
  static String delimiterHint(String text) {
    if (text.indexOf(';') >= 0) {
      return "the file looks semicolon-separated; expected comma-separated values (replace ';' with ',')";
    }
    if (text.indexOf('\t') >= 0) {
      return "the file looks tab-separated; expected comma-separated values (replace tabs with ',')";
    }
    return null;
  }
}
