package org.deepae.data;

import io.airlift.compress.Decompressor;
import io.airlift.compress.MalformedInputException;
import io.airlift.compress.lz4.Lz4Decompressor;
import io.airlift.compress.snappy.SnappyDecompressor;
import io.airlift.compress.zstd.ZstdDecompressor;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Constructor;
import java.nio.ByteBuffer;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.bytes.ByteBufferAllocator;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.bytes.HeapByteBufferAllocator;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.crypto.FileDecryptionProperties;
import org.apache.parquet.filter2.compat.FilterCompat;
import org.apache.parquet.format.converter.ParquetMetadataConverter;
import org.apache.parquet.hadoop.ParquetMetricsCallback;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

/**
 * The page decompressors of {@link ParquetTableReader}: pure Java (aircompressor and {@code java.util.zip}), so that
 * neither Hadoop nor a native library is needed. Parquet's own codec factory wraps Hadoop's codec classes.
 */
final class ParquetCodecs implements CompressionCodecFactory {
    /** The codecs a page may be compressed with. */
    static final Set<CompressionCodecName> SUPPORTED = EnumSet.of(
            CompressionCodecName.UNCOMPRESSED,
            CompressionCodecName.SNAPPY,
            CompressionCodecName.GZIP,
            CompressionCodecName.ZSTD,
            CompressionCodecName.LZ4_RAW);

    /** The largest page we decompress; real pages are a few megabytes at most. */
    static final int MAX_PAGE_BYTES = 1 << 30;

    /**
     * Read options that use these codecs. {@code ParquetReadOptions.builder} cannot be used: it first makes Parquet's
     * own codec factory, a class that links against Hadoop, and fails without it; so the options' constructor, which is
     * package-private, is called by reflection. A Parquet upgrade that changes it fails every reader test.
     */
    static ParquetReadOptions readOptions() {
        try {
            Constructor<ParquetReadOptions> constructor = ParquetReadOptions.class.getDeclaredConstructor(
                    boolean.class,
                    boolean.class,
                    boolean.class,
                    boolean.class,
                    boolean.class,
                    boolean.class,
                    boolean.class,
                    boolean.class,
                    boolean.class,
                    FilterCompat.Filter.class,
                    ParquetMetadataConverter.MetadataFilter.class,
                    CompressionCodecFactory.class,
                    ByteBufferAllocator.class,
                    int.class,
                    Map.class,
                    FileDecryptionProperties.class,
                    ParquetMetricsCallback.class,
                    ParquetConfiguration.class);
            constructor.setAccessible(true);
            // signed min/max, statistics, dictionary, record, column index filters; page checksums verified; bloom
            // filters, off-heap decryption, vectored I/O
            return constructor.newInstance(
                    false,
                    false,
                    false,
                    false,
                    false,
                    true,
                    false,
                    false,
                    false,
                    FilterCompat.NOOP,
                    ParquetMetadataConverter.NO_FILTER,
                    new ParquetCodecs(),
                    new HeapByteBufferAllocator(),
                    8 << 20,
                    new HashMap<String, String>(),
                    null,
                    null,
                    new PlainParquetConfiguration());
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException(
                    "this version of Apache Parquet has no ParquetReadOptions constructor that deepae knows", e);
        }
    }

    @Override
    public BytesInputCompressor getCompressor(CompressionCodecName codec) {
        throw new UnsupportedOperationException("deepae reads Parquet files, it does not write them");
    }

    @Override
    public BytesInputDecompressor getDecompressor(CompressionCodecName codec) {
        if (!SUPPORTED.contains(codec)) {
            throw new IllegalArgumentException("unsupported codec " + codec);
        }
        return new PageDecompressor(codec);
    }

    @Override
    public void release() {}

    private record PageDecompressor(CompressionCodecName codec) implements BytesInputDecompressor {

        @Override
        public BytesInput decompress(BytesInput bytes, int uncompressedSize) throws IOException {
            if (codec == CompressionCodecName.UNCOMPRESSED) {
                return bytes;
            }
            byte[] in = bytes.toInputStream().readAllBytes();
            return BytesInput.from(decompress(in, 0, in.length, uncompressedSize));
        }

        @Override
        public void decompress(ByteBuffer input, int compressedSize, ByteBuffer output, int uncompressedSize)
                throws IOException {
            byte[] in = new byte[compressedSize];
            input.duplicate().get(in);
            output.put(
                    codec == CompressionCodecName.UNCOMPRESSED ? in : decompress(in, 0, in.length, uncompressedSize));
        }

        @Override
        public void release() {}

        private byte[] decompress(byte[] in, int offset, int length, int uncompressedSize) throws IOException {
            if (uncompressedSize < 0 || uncompressedSize > MAX_PAGE_BYTES) {
                throw new IOException(
                        "a page claims " + uncompressedSize + " bytes uncompressed, expected 0 to " + MAX_PAGE_BYTES);
            }
            byte[] out = new byte[uncompressedSize];
            int n;
            try {
                n = switch (codec) {
                    case SNAPPY -> block(new SnappyDecompressor(), in, offset, length, out);
                    case ZSTD -> block(new ZstdDecompressor(), in, offset, length, out);
                    case LZ4_RAW -> block(new Lz4Decompressor(), in, offset, length, out);
                    case GZIP -> gunzip(in, offset, length, out);
                    default -> throw new IllegalStateException("unsupported codec " + codec);
                };
            } catch (MalformedInputException | IndexOutOfBoundsException e) {
                throw new IOException("a " + codec + " page cannot be decompressed: " + e.getMessage(), e);
            }
            if (n != uncompressedSize) {
                throw new IOException(
                        "a " + codec + " page decompressed to " + n + " bytes, expected " + uncompressedSize);
            }
            return out;
        }

        private static int block(Decompressor decompressor, byte[] in, int offset, int length, byte[] out) {
            return decompressor.decompress(in, offset, length, out, 0, out.length);
        }

        private static int gunzip(byte[] in, int offset, int length, byte[] out) throws IOException {
            try (InputStream gzip = new GZIPInputStream(new ByteArrayInputStream(in, offset, length))) {
                int n = gzip.readNBytes(out, 0, out.length);
                if (gzip.read() != -1) {
                    throw new IOException(
                            "a GZIP page decompresses to more than the " + out.length + " bytes it claims");
                }
                return n;
            } catch (ZipException e) {
                throw new IOException("a GZIP page cannot be decompressed: " + e.getMessage(), e);
            }
        }
    }
}
