package org.deepae.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

class IdxReaderPropertyTest {
    private static Path dir;

    @BeforeContainer
    static void createDirectory() throws IOException {
        dir = Files.createTempDirectory("idx-property");
    }

    @AfterContainer
    static void deleteDirectory() throws IOException {
        try (var files = Files.list(dir)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Files.delete(f);
            }
        }
        Files.delete(dir);
    }

    @Property(tries = 500)
    void arbitraryBytesEitherParseOrFailWithDataFormatException(@ForAll("idxLike") byte[] content) throws IOException {
        Path file = Files.write(dir.resolve("f"), content);
        try {
            IdxImages images = IdxReader.readImageBytes(file);
            assertThat(images.pixels().length).isEqualTo(images.count() * images.height() * images.width());
        } catch (DataFormatException expected) {
            assertThat(expected).hasMessageStartingWith(file + ": ");
        }
    }

    /** Random bytes, some starting with a valid magic number or gzip header so that deeper checks are reached. */
    @Provide
    Arbitrary<byte[]> idxLike() {
        Arbitrary<byte[]> random = Arbitraries.bytes().array(byte[].class).ofMaxSize(80);
        Arbitrary<byte[]> headed = random.map(tail -> prefixed(new byte[] {0, 0, 8, 3, 0, 0, 0, 1, 0, 0, 0, 2}, tail));
        Arbitrary<byte[]> gzipped = random.map(tail -> prefixed(new byte[] {0x1f, (byte) 0x8b, 8, 0}, tail));
        Arbitrary<byte[]> realGzip = random.map(tail -> {
            try {
                return IdxTestFiles.gzip(prefixed(new byte[] {0, 0, 8, 3, 0, 0, 0, 1, 0, 0, 0, 2, 0, 0, 0, 2}, tail));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        return Arbitraries.oneOf(random, headed, gzipped, realGzip);
    }

    private static byte[] prefixed(byte[] prefix, byte[] tail) {
        byte[] all = new byte[prefix.length + tail.length];
        System.arraycopy(prefix, 0, all, 0, prefix.length);
        System.arraycopy(tail, 0, all, prefix.length, tail.length);
        return all;
    }
}
