package org.deepae.data;

import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The parsed header dictionary of a {@code .npy} file, such as
 * {@code {'descr': '<f4', 'fortran_order': False, 'shape': (10, 784), }}.
 *
 * @param dtype the element type
 * @param order the byte order of multi-byte elements
 * @param fortranOrder whether the data is stored column-major
 * @param shape the dimensions, each &ge; 0
 */
record NpyHeader(Dtype dtype, ByteOrder order, boolean fortranOrder, long[] shape) {
    /** The element types read. */
    enum Dtype {
        UINT8(1),
        FLOAT32(4),
        FLOAT64(8);

        final int size;

        Dtype(int size) {
            this.size = size;
        }
    }

    /** Number of elements, or -1 when it exceeds {@link Long#MAX_VALUE} / 8. */
    long elements() {
        long n = 1;
        for (long d : shape) {
            if (d != 0 && n > Long.MAX_VALUE / 8 / d) {
                return -1;
            }
            n *= d;
        }
        return n;
    }

    /** Parses {@code text}, naming {@code source} in errors. */
    static NpyHeader parse(String text, String source) throws DataFormatException {
        Map<String, Object> dict = new Parser(text, source).dictionary();
        if (!dict.keySet().equals(java.util.Set.of("descr", "fortran_order", "shape"))) {
            throw new DataFormatException(
                    source, "expected the header keys 'descr', 'fortran_order' and 'shape', found " + dict.keySet());
        }
        if (!(dict.get("descr") instanceof String descr)) {
            throw new DataFormatException(
                    source,
                    "expected 'descr' to be a type string such as '<f4', found " + describe(dict.get("descr"))
                            + " (structured arrays are not supported)");
        }
        if (!(dict.get("fortran_order") instanceof Boolean fortran)) {
            throw new DataFormatException(
                    source,
                    "expected 'fortran_order' to be True or False, found " + describe(dict.get("fortran_order")));
        }
        if (!(dict.get("shape") instanceof long[] shape)) {
            throw new DataFormatException(
                    source, "expected 'shape' to be a tuple of integers, found " + describe(dict.get("shape")));
        }
        return new NpyHeader(dtype(descr, source), order(descr), fortran, shape);
    }

    private static Dtype dtype(String descr, String source) throws DataFormatException {
        Dtype type = switch (descr) {
            case "|u1", "u1", "<u1", ">u1", "=u1", "|B", "B" -> Dtype.UINT8;
            case "<f4", ">f4" -> Dtype.FLOAT32;
            case "<f8", ">f8" -> Dtype.FLOAT64;
            default -> null;
        };
        if (type == null) {
            throw new DataFormatException(
                    source,
                    "unsupported dtype " + Quoted.of(descr) + ": expected float32 ('<f4'), float64 "
                            + "('<f8') or uint8 ('|u1'); convert with numpy's astype('float32')");
        }
        return type;
    }

    private static ByteOrder order(String descr) {
        return descr.startsWith(">") ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
    }

    private static String describe(Object value) {
        return value instanceof long[] t ? java.util.Arrays.toString(t) : String.valueOf(value);
    }

    /** A strict parser for the Python literal subset numpy writes: a dict of strings, booleans and integer tuples. */
    private static final class Parser {
        private final String text;
        private final String source;
        private int pos;

        Parser(String text, String source) {
            this.text = text;
            this.source = source;
        }

        Map<String, Object> dictionary() throws DataFormatException {
            Map<String, Object> dict = new HashMap<>();
            expect('{');
            while (peek() != '}') {
                String key = string();
                expect(':');
                if (key.equals("descr") && peek() == '[') {
                    throw new DataFormatException(
                            source,
                            "a structured array (named fields in 'descr') is not supported; "
                                    + "save a plain array of numbers, one row per example");
                }
                if (dict.put(key, value()) != null) {
                    throw error("key " + Quoted.of(key) + " appears twice");
                }
                if (peek() != ',') {
                    break;
                }
                pos++;
            }
            expect('}');
            if (!text.substring(pos).isBlank()) {
                throw error("text after the closing '}'");
            }
            return dict;
        }

        private Object value() throws DataFormatException {
            char c = peek();
            if (c == '\'' || c == '"') {
                return string();
            }
            if (c == '(') {
                return tuple();
            }
            for (String word : List.of("True", "False")) {
                if (text.startsWith(word, pos)) {
                    pos += word.length();
                    return word.equals("True");
                }
            }
            throw error("expected a string, True, False or a tuple");
        }

        private long[] tuple() throws DataFormatException {
            expect('(');
            List<Long> items = new ArrayList<>();
            while (peek() != ')') {
                items.add(integer());
                if (peek() != ',') {
                    break;
                }
                pos++;
            }
            expect(')');
            return items.stream().mapToLong(Long::longValue).toArray();
        }

        private long integer() throws DataFormatException {
            int start = pos;
            long value = 0;
            while (pos < text.length() && text.charAt(pos) >= '0' && text.charAt(pos) <= '9') {
                if (value > (Long.MAX_VALUE - 9) / 10) {
                    throw error("dimension " + text.substring(start, pos + 1) + "... is too large");
                }
                value = value * 10 + (text.charAt(pos) - '0');
                pos++;
            }
            if (pos == start) {
                throw error("expected a non-negative integer");
            }
            if (pos < text.length() && text.charAt(pos) == 'L') {
                pos++;
            }
            return value;
        }

        private String string() throws DataFormatException {
            char quote = peek();
            if (quote != '\'' && quote != '"') {
                throw error("expected a quoted string");
            }
            int end = text.indexOf(quote, pos + 1);
            if (end < 0) {
                throw error("a string is not closed");
            }
            String s = text.substring(pos + 1, end);
            pos = end + 1;
            return s;
        }

        private void expect(char c) throws DataFormatException {
            if (peek() != c) {
                throw error("expected '" + c + "'");
            }
            pos++;
        }

        /** The next character after white space, or 0 at the end. */
        private char peek() {
            while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
                pos++;
            }
            return pos < text.length() ? text.charAt(pos) : 0;
        }

        private DataFormatException error(String problem) {
            String shown = text.length() > 200 ? text.substring(0, 200) + "..." : text;
            return new DataFormatException(
                    source,
                    "malformed header dictionary at character " + pos + ": " + problem + "; header: " + shown.strip());
        }
    }
}
