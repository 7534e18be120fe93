package org.deepae.data;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.ColumnReader;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.DecimalLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.EnumLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.IntLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.ListLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.MapLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.StringLogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;

/**
 * One flat top-level column of a Parquet file and how its values become a deepae {@link Column}.
 *
 * @param name the column's name
 * @param descriptor the library's description of its values
 * @param decoding how a value is read
 * @param scale the decimal scale, for {@link Decoding#DECIMAL_INT32}, {@link Decoding#DECIMAL_INT64} and
 *     {@link Decoding#DECIMAL_BYTES}
 * @param typeName the Parquet type, for messages ({@code INT64}, {@code DECIMAL(9,2)}, {@code STRING})
 */
record ParquetField(String name, ColumnDescriptor descriptor, Decoding decoding, int scale, String typeName) {

    /** How a value is read. */
    enum Decoding {
        BOOLEAN,
        INT32,
        UINT32,
        INT64,
        UINT64,
        FLOAT,
        DOUBLE,
        DECIMAL_INT32,
        DECIMAL_INT64,
        DECIMAL_BYTES,
        TEXT
    }

    private static final double TWO_64 = 0x1p64;
    /** Exact powers of ten, 10^0 to 10^22 (the largest that a double holds exactly). */
    private static final double[] POWERS_OF_TEN = {
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19,
        1e20, 1e21, 1e22
    };

    /** What the column holds. */
    Column.Kind kind() {
        return decoding == Decoding.TEXT ? Column.Kind.TEXT : Column.Kind.NUMERIC;
    }

    /**
     * The top-level column {@code field} of {@code schema}.
     *
     * @throws Unsupported saying what the column is ({@code "a LIST"}, {@code "an INT96 ..."}) when deepae cannot read
     * it
     */
    static ParquetField of(Type field, MessageType schema) throws Unsupported {
        String name = field.getName();
        if (!field.isPrimitive()) {
            LogicalTypeAnnotation a = field.getLogicalTypeAnnotation();
            throw new Unsupported(
                    a instanceof ListLogicalTypeAnnotation
                            ? "a LIST"
                            : a instanceof MapLogicalTypeAnnotation
                                    ? "a MAP"
                                    : a != null ? article(a.toString()) : "a group of nested columns");
        }
        PrimitiveType type = field.asPrimitiveType();
        String primitive = type.getPrimitiveTypeName().name();
        if (type.isRepetition(Type.Repetition.REPEATED)) {
            throw new Unsupported("a repeated " + primitive + " (a list of values per row)");
        }
        LogicalTypeAnnotation a = type.getLogicalTypeAnnotation();
        ColumnDescriptor d = schema.getColumnDescription(new String[] {name});
        Optional<Decoding> decoding = decoding(type, a);
        if (decoding.isEmpty()) {
            if (a != null) {
                throw new Unsupported(article(a.toString()) + " (" + primitive + ")");
            }
            throw new Unsupported(
                    switch (type.getPrimitiveTypeName()) {
                        case INT96 -> "an INT96 (an old timestamp encoding)";
                        case BINARY, FIXED_LEN_BYTE_ARRAY ->
                            "a " + primitive + " without a string annotation (raw bytes)";
                        default -> "a " + primitive;
                    });
        }
        int scale = a instanceof DecimalLogicalTypeAnnotation dec ? dec.getScale() : 0;
        return new ParquetField(name, d, decoding.get(), scale, a == null ? primitive : a.toString());
    }

    /**
     * The columns of {@code schema} to read: all of them when {@code wanted} is {@code null}, else those named in
     * {@code wanted}, in its order, each of the kind given there.
     *
     * @throws DataFormatException naming the missing columns, those of another kind or those deepae cannot read
     */
    static List<ParquetField> select(Path file, MessageType schema, List<TableSource.ColumnHead> wanted)
            throws DataFormatException {
        return wanted == null ? all(file, schema) : named(file, schema, wanted);
    }

    private static List<ParquetField> all(Path file, MessageType schema) throws DataFormatException {
        List<ParquetField> fields = new ArrayList<>();
        Map<String, String> unsupported = new LinkedHashMap<>();
        TreeSet<String> names = new TreeSet<>();
        for (Type type : schema.getFields()) {
            if (!names.add(type.getName())) {
                throw new DataFormatException(file, "two columns are named " + Quoted.of(type.getName()));
            }
            try {
                fields.add(of(type, schema));
            } catch (Unsupported e) {
                unsupported.put(type.getName(), e.getMessage());
            }
        }
        refuse(file, unsupported);
        return fields;
    }

    private static List<ParquetField> named(Path file, MessageType schema, List<TableSource.ColumnHead> wanted)
            throws DataFormatException {
        Map<String, Type> byName = new HashMap<>();
        for (Type type : schema.getFields()) {
            byName.putIfAbsent(type.getName(), type);
        }
        List<String> missing = new ArrayList<>();
        List<String> wrongKind = new ArrayList<>();
        Map<String, String> unsupported = new LinkedHashMap<>();
        List<ParquetField> fields = new ArrayList<>();
        for (TableSource.ColumnHead head : wanted) {
            Type type = byName.get(head.name());
            if (type == null) {
                missing.add(Quoted.of(head.name()));
                continue;
            }
            try {
                ParquetField field = of(type, schema);
                if (field.kind() != head.kind()) {
                    wrongKind.add(Quoted.of(head.name()) + " is " + kindName(field.kind()) + " (" + field.typeName()
                            + "), expected " + kindName(head.kind()));
                }
                fields.add(field);
            } catch (Unsupported e) {
                unsupported.put(head.name(), e.getMessage());
            }
        }
        if (!missing.isEmpty() || !wrongKind.isEmpty()) {
            List<String> problems = new ArrayList<>();
            if (!missing.isEmpty()) {
                problems.add((missing.size() == 1 ? "no column " : "no columns ") + list(missing));
            }
            if (!wrongKind.isEmpty()) {
                problems.add("column " + list(wrongKind));
            }
            throw new DataFormatException(file, "does not have the expected columns: " + String.join("; ", problems));
        }
        refuse(file, unsupported);
        return fields;
    }

    private static void refuse(Path file, Map<String, String> unsupported) throws DataFormatException {
        if (unsupported.isEmpty()) {
            return;
        }
        List<String> each = unsupported.entrySet().stream()
                .map(e -> Quoted.of(e.getKey()) + " is " + e.getValue())
                .toList();
        throw new DataFormatException(
                file,
                (each.size() == 1 ? "column " : "columns ") + list(each)
                        + ", which deepae cannot read; keep only flat numeric, boolean and string columns");
    }

    private static String kindName(Column.Kind kind) {
        return kind == Column.Kind.TEXT ? "text" : "numeric";
    }

    /** {@code items} joined as {@code a, b and c}. */
    private static String list(List<String> items) {
        if (items.size() == 1) {
            return items.get(0);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
    }

    private static Optional<Decoding> decoding(PrimitiveType type, LogicalTypeAnnotation a) {
        boolean decimal = a instanceof DecimalLogicalTypeAnnotation;
        Decoding decoding = switch (type.getPrimitiveTypeName()) {
            case BOOLEAN -> a == null ? Decoding.BOOLEAN : null;
            case INT32 ->
                a == null
                        ? Decoding.INT32
                        : decimal
                                ? Decoding.DECIMAL_INT32
                                : a instanceof IntLogicalTypeAnnotation i
                                        ? (i.isSigned() ? Decoding.INT32 : Decoding.UINT32)
                                        : null;
            case INT64 ->
                a == null
                        ? Decoding.INT64
                        : decimal
                                ? Decoding.DECIMAL_INT64
                                : a instanceof IntLogicalTypeAnnotation i
                                        ? (i.isSigned() ? Decoding.INT64 : Decoding.UINT64)
                                        : null;
            case FLOAT -> a == null ? Decoding.FLOAT : null;
            case DOUBLE -> a == null ? Decoding.DOUBLE : null;
            case BINARY, FIXED_LEN_BYTE_ARRAY ->
                a instanceof StringLogicalTypeAnnotation || a instanceof EnumLogicalTypeAnnotation
                        ? Decoding.TEXT
                        : decimal ? Decoding.DECIMAL_BYTES : null;
            case INT96 -> null;
        };
        return Optional.ofNullable(decoding);
    }

    private static String article(String what) {
        return ("AEIO".indexOf(Character.toUpperCase(what.charAt(0))) >= 0 ? "an " : "a ") + what;
    }

    /** Reads the next {@code count} values of {@code reader} into {@code into} from {@code from}; NaN when missing. */
    void readNumbers(ColumnReader reader, double[] into, int from, int count) {
        int defined = descriptor.getMaxDefinitionLevel();
        int end = from + count;
        switch (decoding) {
            case DOUBLE -> {
                for (int i = from; i < end; i++, reader.consume()) {
                    into[i] = reader.getCurrentDefinitionLevel() < defined ? Double.NaN : reader.getDouble();
                }
            }
            case FLOAT -> {
                for (int i = from; i < end; i++, reader.consume()) {
                    into[i] = reader.getCurrentDefinitionLevel() < defined ? Double.NaN : reader.getFloat();
                }
            }
            case INT32 -> {
                for (int i = from; i < end; i++, reader.consume()) {
                    into[i] = reader.getCurrentDefinitionLevel() < defined ? Double.NaN : reader.getInteger();
                }
            }
            case INT64 -> {
                for (int i = from; i < end; i++, reader.consume()) {
                    into[i] = reader.getCurrentDefinitionLevel() < defined ? Double.NaN : reader.getLong();
                }
            }
            default -> {
                for (int i = from; i < end; i++, reader.consume()) {
                    into[i] = reader.getCurrentDefinitionLevel() < defined ? Double.NaN : other(reader);
                }
            }
        }
    }

    private double other(ColumnReader reader) {
        return switch (decoding) {
            case BOOLEAN -> reader.getBoolean() ? 1 : 0;
            case UINT32 -> Integer.toUnsignedLong(reader.getInteger());
            case UINT64 -> {
                long v = reader.getLong();
                yield v >= 0 ? v : v + TWO_64;
            }
            case DECIMAL_INT32 -> decimal(reader.getInteger());
            case DECIMAL_INT64 -> decimal(reader.getLong());
            case DECIMAL_BYTES ->
                new BigDecimal(new BigInteger(reader.getBinary().getBytes()), scale).doubleValue();
            default -> throw new IllegalStateException("not a number: " + decoding);
        };
    }

    private double decimal(long unscaled) {
        // exact operands give the correctly rounded quotient; otherwise BigDecimal rounds once
        if (scale >= 0 && scale < POWERS_OF_TEN.length && Math.abs(unscaled) < (1L << 53)) {
            return unscaled / POWERS_OF_TEN[scale];
        }
        return BigDecimal.valueOf(unscaled, scale).doubleValue();
    }

    /** Reads the next {@code count} values of {@code reader} into {@code into} from {@code from}; null when missing. */
    void readTexts(ColumnReader reader, String[] into, int from, int count) {
        int defined = descriptor.getMaxDefinitionLevel();
        for (int i = from, end = from + count; i < end; i++, reader.consume()) {
            into[i] = reader.getCurrentDefinitionLevel() < defined
                    ? null
                    : reader.getBinary().toStringUsingUTF8();
        }
    }

    /** A column deepae cannot read; the message says what it is, such as {@code "a LIST"}. */
    static final class Unsupported extends Exception {
        private static final long serialVersionUID = 1L;

        Unsupported(String what) {
            super(what, null, false, false);
        }
    }
}
