package org.deepae.testing;

import io.airlift.compress.Compressor;
import io.airlift.compress.lz4.Lz4Compressor;
import io.airlift.compress.snappy.SnappyCompressor;
import io.airlift.compress.zstd.ZstdCompressor;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.zip.GZIPOutputStream;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.format.converter.ParquetMetadataConverter;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;

/**
 * Writes Parquet files for tests with Apache Parquet's own writer, without Hadoop: the schema in Parquet's text form
 * ({@code message m { required double x; optional binary s (STRING); }}), one {@code Object[]} per row.
 */
public final class ParquetFiles {
    // builder(OutputFile) and withConf(ParquetConfiguration) have Hadoop-typed overloads, which javac cannot resolve
    // without Hadoop's classes; method handles name the one wanted.
    private static final MethodHandle BUILDER;
    private static final MethodHandle WITH_CONF;

    static {
        // the writer warns when a row group outgrows its (here tiny, on purpose) size; slf4j-simple reads this property
        // when each logger is made
        System.setProperty("org.slf4j.simpleLogger.log.org.apache.parquet.hadoop.InternalParquetRecordWriter", "error");
        try {
            MethodHandles.Lookup lookup = MethodHandles.publicLookup();
            BUILDER = lookup.findStatic(
                    ExampleParquetWriter.class,
                    "builder",
                    MethodType.methodType(ExampleParquetWriter.Builder.class, OutputFile.class));
            WITH_CONF = lookup.findVirtual(
                    ParquetWriter.Builder.class,
                    "withConf",
                    MethodType.methodType(ParquetWriter.Builder.class, ParquetConfiguration.class));
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private ParquetFiles() {}

    /** How a file is written. */
    public record Options(CompressionCodecName codec, long rowGroupBytes, int pageRows, boolean dictionary) {
        /** Uncompressed, one large row group, dictionary encoding where it helps (the writer's default). */
        public static final Options DEFAULT = new Options(CompressionCodecName.UNCOMPRESSED, 128L << 20, 20_000, true);

        public Options withCodec(CompressionCodecName c) {
            return new Options(c, rowGroupBytes, pageRows, dictionary);
        }

        /** Row groups of about {@code bytes} bytes and pages of at most {@code rows} rows. */
        public Options withSmallGroups(long bytes, int rows) {
            return new Options(codec, bytes, rows, dictionary);
        }

        public Options withDictionary(boolean d) {
            return new Options(codec, rowGroupBytes, pageRows, d);
        }
    }

    /**
     * Writes {@code rows} to {@code file} with {@code schema}: each row has one value per top-level field, {@code null}
     * for a missing one; an {@code Integer}, {@code Long}, {@code Float}, {@code Double}, {@code Boolean},
     * {@code String} or {@code byte[]}, or a {@code Consumer<Group>} that fills a group field. Returns {@code file}.
     */
    public static Path write(Path file, String schema, Options options, Object[]... rows) throws IOException {
        MessageType type = MessageTypeParser.parseMessageType(schema);
        SimpleGroupFactory groups = new SimpleGroupFactory(type);
        try (ParquetWriter<Group> writer = writer(file, type, options)) {
            for (Object[] row : rows) {
                if (row.length != type.getFieldCount()) {
                    throw new IllegalArgumentException("row " + Arrays.toString(row) + " does not match " + type);
                }
                Group group = groups.newGroup();
                for (int i = 0; i < row.length; i++) {
                    append(group, type.getFieldName(i), row[i]);
                }
                writer.write(group);
            }
        }
        return file;
    }

    /** A writer of {@code Group}s to {@code file}, for files too large to hold as rows. */
    public static ParquetWriter<Group> writer(Path file, MessageType type, Options options) throws IOException {
        return builder(file, options).withType(type).build();
    }

    /** Writes {@code rows} uncompressed, in one row group. */
    public static Path write(Path file, String schema, Object[]... rows) throws IOException {
        return write(file, schema, Options.DEFAULT, rows);
    }

    /** The row counts of {@code file}'s row groups, read from its footer. */
    public static List<Long> rowGroups(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        int length = ByteBuffer.wrap(bytes, bytes.length - 8, 4)
                .order(ByteOrder.LITTLE_ENDIAN)
                .getInt();
        ParquetMetadata footer = new ParquetMetadataConverter()
                .readParquetMetadata(
                        new ByteArrayInputStream(bytes, bytes.length - 8 - length, length),
                        ParquetMetadataConverter.NO_FILTER);
        return footer.getBlocks().stream().map(BlockMetaData::getRowCount).toList();
    }

    private static ExampleParquetWriter.Builder builder(Path file, Options options) throws IOException {
        ExampleParquetWriter.Builder builder;
        try {
            builder = (ExampleParquetWriter.Builder) BUILDER.invoke(new LocalOutputFile(file));
            WITH_CONF.invoke(builder, new PlainParquetConfiguration());
        } catch (Throwable e) {
            throw new IllegalStateException("cannot make a Parquet writer", e);
        }
        return builder.withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
                .withCodecFactory(new TestCodecs())
                .withCompressionCodec(options.codec())
                .withRowGroupSize(options.rowGroupBytes())
                .withPageRowCountLimit(options.pageRows())
                .withMinRowCountForPageSizeCheck(1)
                .withDictionaryEncoding(options.dictionary());
    }

    @SuppressWarnings("unchecked")
    private static void append(Group group, String field, Object value) {
        if (value == null) {
            return;
        } else if (value instanceof Integer v) {
            group.append(field, v);
        } else if (value instanceof Long v) {
            group.append(field, v);
        } else if (value instanceof Float v) {
            group.append(field, v);
        } else if (value instanceof Double v) {
            group.append(field, v);
        } else if (value instanceof Boolean v) {
            group.append(field, v);
        } else if (value instanceof String v) {
            group.append(field, v);
        } else if (value instanceof byte[] v) {
            group.append(field, Binary.fromConstantByteArray(v));
        } else if (value instanceof Consumer<?> fill) {
            ((Consumer<Group>) fill).accept(group.addGroup(field));
        } else {
            throw new IllegalArgumentException("cannot write " + value.getClass() + " to " + field);
        }
    }

    /** Page compressors in pure Java, the counterparts of the reader's decompressors. */
    private static final class TestCodecs implements CompressionCodecFactory {
        @Override
        public BytesInputCompressor getCompressor(CompressionCodecName codec) {
            return new BytesInputCompressor() {
                @Override
                public BytesInput compress(BytesInput bytes) throws IOException {
                    byte[] in = bytes.toInputStream().readAllBytes();
                    return BytesInput.from(
                            switch (codec) {
                                case UNCOMPRESSED -> in;
                                case SNAPPY -> block(new SnappyCompressor(), in);
                                case ZSTD -> block(new ZstdCompressor(), in);
                                case LZ4_RAW -> block(new Lz4Compressor(), in);
                                case GZIP -> gzip(in);
                                case LZO -> in; // a codec the reader refuses; its pages are never read
                                default -> throw new UnsupportedOperationException("no test compressor for " + codec);
                            });
                }

                @Override
                public CompressionCodecName getCodecName() {
                    return codec;
                }

                @Override
                public void release() {}
            };
        }

        @Override
        public BytesInputDecompressor getDecompressor(CompressionCodecName codec) {
            throw new UnsupportedOperationException("tests write with this factory, they read with the reader's own");
        }

        @Override
        public void release() {}

        private static byte[] block(Compressor compressor, byte[] in) {
            byte[] out = new byte[compressor.maxCompressedLength(in.length)];
            int n = compressor.compress(in, 0, in.length, out, 0, out.length);
            return Arrays.copyOf(out, n);
        }

        private static byte[] gzip(byte[] in) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
                gzip.write(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return out.toByteArray();
        }
    }
}
