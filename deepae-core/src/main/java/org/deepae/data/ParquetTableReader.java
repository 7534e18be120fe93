package org.deepae.data;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.column.ColumnReader;
import org.apache.parquet.column.impl.ColumnReadStoreImpl;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.format.converter.ParquetMetadataConverter;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.SeekableInputStream;
import org.apache.parquet.io.api.Converter;
import org.apache.parquet.io.api.GroupConverter;
import org.apache.parquet.io.api.PrimitiveConverter;
import org.apache.parquet.schema.MessageType;

/**
 * Reads the flat columns of a Parquet file in chunks, one row group in memory at a time: numbers (INT32, INT64, FLOAT,
 * DOUBLE, DECIMAL, BOOLEAN as 0 and 1) become numeric columns, strings and enums text columns. Nested, repeated,
 * date and time columns and raw bytes are refused when the file is opened. Pages may be uncompressed or compressed
 * with SNAPPY, GZIP, ZSTD or LZ4_RAW.
 */
public final class ParquetTableReader implements TableSource {
    private static final byte[] MAGIC = "PAR1".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ENCRYPTED_MAGIC = "PARE".getBytes(StandardCharsets.US_ASCII);

    private final Path file;
    private final ParquetFileReader reader;
    private final MessageType requested;
    private final List<ParquetField> fields;
    private final List<ColumnHead> heads;
    private long rowsLeft;
    private long rowsLeftInGroup;
    private int group;
    private ColumnReader[] columnReaders;
    private boolean closed;

    private ParquetTableReader(Path file, ParquetFileReader reader, MessageType requested, List<ParquetField> fields) {
        this.file = file;
        this.reader = reader;
        this.requested = requested;
        this.fields = fields;
        this.heads =
                fields.stream().map(f -> new ColumnHead(f.name(), f.kind())).toList();
        this.rowsLeft = reader.getRecordCount();
    }

    /**
     * Opens {@code file}. With {@code schema} {@code null} every column of the file is read, in file order; otherwise
     * the columns of {@code schema}, in its order, which the file must have by name with the same kinds (its other
     * columns are not read).
     *
     * @throws DataFormatException naming the file and the problem: not Parquet, damaged, a column deepae cannot read,
     *     missing columns or columns of another kind
     */
    public static ParquetTableReader open(Path file, List<ColumnHead> schema) throws IOException {
        Objects.requireNonNull(file, "file");
        byte[] footerBytes = footer(file);
        ParquetMetadata footer;
        try {
            footer = new ParquetMetadataConverter()
                    .readParquetMetadata(new ByteArrayInputStream(footerBytes), ParquetMetadataConverter.NO_FILTER);
        } catch (IOException | RuntimeException e) {
            throw new DataFormatException(
                    file, "the Parquet footer (the file's metadata) is damaged: " + oneLine(e), e);
        }
        ParquetReadOptions options = ParquetCodecs.readOptions();
        LocalInputFile input = new LocalInputFile(file);
        SeekableInputStream stream = input.newStream();
        ParquetFileReader reader;
        try {
            reader = ParquetFileReader.open(input, footer, options, stream);
        } catch (IOException | RuntimeException e) {
            stream.close();
            throw new DataFormatException(
                    file, "the Parquet footer (the file's metadata) is damaged: " + oneLine(e), e);
        }
        try {
            for (BlockMetaData block : reader.getRowGroups()) {
                if (block.getRowCount() < 0) {
                    throw new DataFormatException(
                            file, "the footer gives a row group " + block.getRowCount() + " rows");
                }
            }
            MessageType fileSchema = reader.getFooter().getFileMetaData().getSchema();
            List<ParquetField> fields = ParquetField.select(file, fileSchema, schema);
            MessageType requested = new MessageType(
                    fileSchema.getName(),
                    fields.stream().map(f -> fileSchema.getType(f.name())).toList());
            checkCodecs(file, reader.getRowGroups(), fields);
            reader.setRequestedSchema(requested);
            return new ParquetTableReader(file, reader, requested, fields);
        } catch (IOException | RuntimeException e) {
            reader.close();
            if (e instanceof DataFormatException d) {
                throw d;
            }
            throw new DataFormatException(file, "the Parquet schema is damaged: " + oneLine(e), e);
        }
    }

    /** The whole of {@code file}, every column. */
    public static Table read(Path file) throws IOException {
        try (ParquetTableReader reader = open(file, null)) {
            if (reader.rowsLeft > Integer.MAX_VALUE - 8) {
                throw new DataFormatException(
                        file, "has " + reader.rowsLeft + " rows, more than one table holds; read it in chunks");
            }
            Table table = reader.next((int) Math.max(1, reader.rowsLeft));
            return table != null ? table : new Table(file.toString(), emptyColumns(reader.heads), 0);
        }
    }

    @Override
    public List<ColumnHead> columns() {
        return heads;
    }

    @Override
    public String source() {
        return file.toString();
    }

    @Override
    public Table next(int maxRows) throws IOException {
        if (maxRows <= 0) {
            throw new IllegalArgumentException("row count must be positive, got " + maxRows);
        }
        if (closed) {
            throw new IllegalStateException("the reader of " + file + " is closed");
        }
        if (rowsLeft == 0) {
            return null;
        }
        int rows = (int) Math.min(maxRows, rowsLeft);
        Object[] values = new Object[fields.size()];
        for (int c = 0; c < fields.size(); c++) {
            values[c] = fields.get(c).kind() == Column.Kind.TEXT ? new String[rows] : new double[rows];
        }
        int filled = 0;
        while (filled < rows) {
            while (rowsLeftInGroup == 0) {
                nextGroup();
            }
            int take = (int) Math.min(rows - filled, rowsLeftInGroup);
            for (int c = 0; c < fields.size(); c++) {
                ParquetField field = fields.get(c);
                try {
                    if (values[c] instanceof double[] numbers) {
                        field.readNumbers(columnReaders[c], numbers, filled, take);
                    } else {
                        field.readTexts(columnReaders[c], (String[]) values[c], filled, take);
                    }
                } catch (RuntimeException e) {
                    throw new DataFormatException(
                            file,
                            "row group " + group + ", column " + Quoted.of(field.name()) + " is damaged: " + oneLine(e),
                            e);
                }
            }
            filled += take;
            rowsLeftInGroup -= take;
            rowsLeft -= take;
        }
        List<Column> columns = new ArrayList<>(fields.size());
        for (int c = 0; c < fields.size(); c++) {
            String name = fields.get(c).name();
            columns.add(
                    values[c] instanceof double[] numbers
                            ? new Column.Numeric(name, numbers)
                            : new Column.Text(name, (String[]) values[c]));
        }
        return new Table(file.toString(), columns, rows);
    }

    private void nextGroup() throws IOException {
        PageReadStore pages;
        try {
            pages = reader.readNextRowGroup();
        } catch (IOException | RuntimeException e) {
            throw new DataFormatException(file, "row group " + (group + 1) + " is damaged: " + oneLine(e), e);
        } catch (NoClassDefFoundError e) {
            // Parquet names the file with Hadoop's Path in this one message, and so fails without Hadoop
            throw new DataFormatException(
                    file,
                    "row group " + (group + 1) + " is damaged: the pages of a column hold "
                            + "another number of values than the footer gives",
                    e);
        }
        if (pages == null) {
            throw new DataFormatException(file, "the row groups end " + rowsLeft + " rows before the footer's count");
        }
        group++;
        try {
            ColumnReadStoreImpl store = new ColumnReadStoreImpl(
                    pages,
                    new IgnoredValues(fields.size()),
                    requested,
                    reader.getFileMetaData().getCreatedBy());
            columnReaders = new ColumnReader[fields.size()];
            for (int c = 0; c < fields.size(); c++) {
                columnReaders[c] = store.getColumnReader(fields.get(c).descriptor());
            }
        } catch (RuntimeException e) {
            throw new DataFormatException(file, "row group " + group + " is damaged: " + oneLine(e), e);
        }
        rowsLeftInGroup = pages.getRowCount();
        if (rowsLeftInGroup < 0) {
            throw new DataFormatException(file, "row group " + group + " claims " + rowsLeftInGroup + " rows");
        }
    }

    @Override
    public void close() throws IOException {
        if (!closed) {
            closed = true;
            columnReaders = null;
            reader.close();
        }
    }

    /** The footer's bytes, once the magic numbers at both ends and the footer's length are checked. */
    private static byte[] footer(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file)) {
            long size = channel.size();
            if (size == 0) {
                throw new DataFormatException(file, "is empty, not a Parquet file");
            }
            byte[] head = readFully(channel, 0, (int) Math.min(size, MAGIC.length));
            if (!Arrays.equals(head, MAGIC)) {
                throw new DataFormatException(
                        file, "is not a Parquet file (it does not start with PAR1, Parquet's magic number)");
            }
            if (size < 12) {
                throw new DataFormatException(
                        file, "is " + size + " bytes long, too short for a Parquet file: it is truncated");
            }
            byte[] tail = readFully(channel, size - 8, 8);
            byte[] end = Arrays.copyOfRange(tail, 4, 8);
            if (Arrays.equals(end, ENCRYPTED_MAGIC)) {
                throw new DataFormatException(file, "is an encrypted Parquet file, which deepae cannot read");
            }
            if (!Arrays.equals(end, MAGIC)) {
                throw new DataFormatException(
                        file, "does not end with PAR1, Parquet's magic number: the file is truncated or damaged");
            }
            long length = Integer.toUnsignedLong(
                    ByteBuffer.wrap(tail, 0, 4).order(ByteOrder.LITTLE_ENDIAN).getInt());
            if (length == 0 || length > size - 12) {
                throw new DataFormatException(
                        file,
                        "its footer claims " + length + " bytes but the file has " + size
                                + ": the file is truncated or damaged");
            }
            return readFully(channel, size - 8 - length, (int) length);
        }
    }

    private static byte[] readFully(FileChannel channel, long position, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, position + buffer.position()) < 0) {
                throw new EOFException("the file ended early");
            }
        }
        return buffer.array();
    }

    private static void checkCodecs(Path file, List<BlockMetaData> groups, List<ParquetField> fields)
            throws DataFormatException {
        TreeSet<String> names = new TreeSet<>();
        fields.forEach(f -> names.add(f.name()));
        for (BlockMetaData block : groups) {
            for (ColumnChunkMetaData chunk : block.getColumns()) {
                if (names.contains(chunk.getPath().toDotString())
                        && !ParquetCodecs.SUPPORTED.contains(chunk.getCodec())) {
                    throw new DataFormatException(
                            file,
                            "column " + Quoted.of(chunk.getPath().toDotString())
                                    + " is compressed with " + chunk.getCodec()
                                    + ", which deepae cannot read; write the file with "
                                    + "SNAPPY, ZSTD, GZIP, LZ4_RAW or no compression");
                }
            }
        }
    }

    private static List<Column> emptyColumns(List<ColumnHead> heads) {
        return heads.stream()
                .<Column>map(h -> h.kind() == Column.Kind.TEXT
                        ? new Column.Text(h.name(), new String[0])
                        : new Column.Numeric(h.name(), new double[0]))
                .toList();
    }

    /** {@code e}'s message on one line, with that of its root cause when different, at most 300 characters. */
    static String oneLine(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = Objects.requireNonNullElse(e.getMessage(), e.getClass().getSimpleName());
        if (root != e && root.getMessage() != null && !message.contains(root.getMessage())) {
            message += ": " + root.getMessage();
        }
        message = message.replaceAll("\\s+", " ").strip();
        return message.length() <= 300 ? message : message.substring(0, 297) + "...";
    }

    /** The converter the column store asks for; values are read straight from the column readers instead. */
    private static final class IgnoredValues extends GroupConverter {
        private final Converter[] columns;

        IgnoredValues(int count) {
            columns = new Converter[count];
            for (int i = 0; i < count; i++) {
                columns[i] = new PrimitiveConverter() {};
            }
        }

        @Override
        public Converter getConverter(int fieldIndex) {
            return columns[fieldIndex];
        }

        @Override
        public void start() {}

        @Override
        public void end() {}
    }
}
