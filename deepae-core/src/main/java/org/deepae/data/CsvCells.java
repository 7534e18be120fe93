package org.deepae.data;

import java.util.ArrayList;
import java.util.List;

/** Splitting one CSV line into trimmed, unquoted cells, and telling numbers from text without regular expressions. */
final class CsvCells {
    /** What a cell holds. */
    enum Kind {
        NUMBER,
        NOT_FINITE,
        TEXT
    }

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

    private static final double[] POWERS = new double[23];
    private static final long MAX_EXACT = 1L << 53;

    static {
        POWERS[0] = 1;
        for (int i = 1; i < POWERS.length; i++) {
            POWERS[i] = POWERS[i - 1] * 10;
        }
    }

    /**
     * Parses a plain decimal such as {@code -12.5} or {@code 1.0E-5} exactly as {@link Float#parseFloat} would, or
     * returns NaN when the cell is not one (or is too long for the fast path).
     *
     * <p>The digits (at most 2^53) and the power of ten (at most 22) are exact doubles, so one division or
     * multiplication rounds correctly to double. Rounding that double to float then gives the correctly rounded float,
     * unless the double lies exactly halfway between two floats; those rare cells return NaN.
     */
    static float fastParse(String cell) {
        double d = fastParseMagnitude(cell);
        if (Double.isNaN(d) || (d != 0 && (Double.doubleToRawLongBits(d) & 0x1FFFFFFFL) == 0x10000000L)) {
            return Float.NaN;
        }
        float f = (float) d;
        return cell.charAt(0) == '-' ? -f : f;
    }

    /**
     * Parses a plain decimal exactly as {@link Double#parseDouble} would, or returns NaN when the cell is not one (or
     * is too long for the fast path): with at most 2^53 digits and a power of ten of at most 22, one division or
     * multiplication of exact doubles rounds correctly (Clinger's fast path).
     */
    static double fastParseDouble(String cell) {
        double d = fastParseMagnitude(cell);
        return !Double.isNaN(d) && cell.charAt(0) == '-' ? -d : d; // a number has a first character
    }

    /** The absolute value of a plain decimal cell rounded to double, or NaN; the cell's sign is not applied. */
    private static double fastParseMagnitude(String cell) {
        int n = cell.length();
        int i = 0;
        if (n > 0 && (cell.charAt(0) == '-' || cell.charAt(0) == '+')) {
            i++;
        }
        long mantissa = 0;
        int digits = 0;
        int scale = 0;
        boolean point = false;
        for (; i < n; i++) {
            char c = cell.charAt(i);
            if (c >= '0' && c <= '9') {
                digits++;
                if (mantissa >= MAX_EXACT / 10) {
                    return Double.NaN;
                }
                mantissa = mantissa * 10 + (c - '0');
                if (point) {
                    scale--;
                }
            } else if (c == '.' && !point) {
                point = true;
            } else {
                break;
            }
        }
        if (digits == 0) {
            return Double.NaN;
        }
        if (i < n) {
            char c = cell.charAt(i);
            if ((c != 'e' && c != 'E') || ++i >= n) {
                return Double.NaN;
            }
            boolean negativeExponent = cell.charAt(i) == '-';
            if (cell.charAt(i) == '-' || cell.charAt(i) == '+') {
                i++;
            }
            int exponent = 0;
            int start = i;
            for (; i < n; i++) {
                c = cell.charAt(i);
                if (c < '0' || c > '9' || exponent > 1000) {
                    return Double.NaN;
                }
                exponent = exponent * 10 + (c - '0');
            }
            if (i == start) {
                return Double.NaN;
            }
            scale += negativeExponent ? -exponent : exponent;
        }
        if (scale < -22 || scale > 22) {
            return Double.NaN;
        }
        return scale < 0 ? mantissa / POWERS[-scale] : mantissa * POWERS[scale];
    }

    /**
     * Whether {@code cell} means a missing value in a table: empty, {@code NA}, {@code N/A}, {@code NaN}, {@code nan},
     * {@code null}, {@code NULL} or {@code ?} (case as written; see {@link CsvTableReader#MISSING}).
     */
    static boolean isMissing(String cell) {
        return switch (cell) {
            case "", "NA", "N/A", "NaN", "nan", "null", "NULL", "?" -> true;
            default -> false;
        };
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
