package org.deepae.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.deepae.testing.ParquetFiles;
import org.deepae.testing.ParquetFiles.Options;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Files that are not Parquet, or damaged ones: one line naming the file, never the library's own exception. */
@Tag("slow")
class ParquetTableReaderBrokenFilesTest {

    @TempDir
    Path dir;

    @Test
    void refusesAFileThatIsNotParquet() throws Exception {
        Path file = Files.writeString(dir.resolve("rows.parquet"), "a,b\n1,2\n");

        assertThatThrownBy(() -> ParquetTableReader.open(file, null))
                .isInstanceOf(DataFormatException.class)
                .hasMessage(file + ": is not a Parquet file (it does not start with PAR1, Parquet's magic number)");
    }

    @Test
    void refusesAnEmptyFile() throws Exception {
        Path file = Files.write(dir.resolve("empty.parquet"), new byte[0]);

        assertThatThrownBy(() -> ParquetTableReader.read(file))
                .isInstanceOf(DataFormatException.class)
                .hasMessage(file + ": is empty, not a Parquet file");
    }

    @Test
    void refusesAFileTooShortToBeParquet() throws Exception {
        Path file = Files.write(dir.resolve("short.parquet"), "PAR1PAR1".getBytes(StandardCharsets.US_ASCII));

        assertThatThrownBy(() -> ParquetTableReader.read(file))
                .isInstanceOf(DataFormatException.class)
                .hasMessage(file + ": is 8 bytes long, too short for a Parquet file: it is truncated");
    }

    @Test
    void refusesATruncatedFile() throws Exception {
        Path good = sample(CompressionCodecName.UNCOMPRESSED);
        byte[] bytes = Files.readAllBytes(good);
        Path file = Files.write(dir.resolve("cut.parquet"), Arrays.copyOf(bytes, bytes.length / 2));

        assertThatThrownBy(() -> ParquetTableReader.read(file))
                .isInstanceOf(DataFormatException.class)
                .hasMessage(
                        file + ": does not end with PAR1, Parquet's magic number: the file is truncated or damaged");
    }

    @Test
    void refusesAFooterLongerThanTheFile() throws Exception {
        byte[] bytes = Files.readAllBytes(sample(CompressionCodecName.UNCOMPRESSED));
        bytes[bytes.length - 5] = 0x7f;
        Path file = Files.write(dir.resolve("long-footer.parquet"), bytes);

        assertThatThrownBy(() -> ParquetTableReader.read(file))
                .isInstanceOf(DataFormatException.class)
                .hasMessageStartingWith(file + ": its footer claims ")
                .hasMessageEndingWith(": the file is truncated or damaged");
    }

    @Test
    void refusesADamagedFooter() throws Exception {
        byte[] bytes = Files.readAllBytes(sample(CompressionCodecName.UNCOMPRESSED));
        int length = footerLength(bytes);
        Arrays.fill(bytes, bytes.length - 8 - length, bytes.length - 8, (byte) 0x55);
        Path file = Files.write(dir.resolve("bad-footer.parquet"), bytes);

        assertThatThrownBy(() -> ParquetTableReader.read(file))
                .isInstanceOf(DataFormatException.class)
                .hasMessageStartingWith(file + ": the Parquet footer (the file's metadata) is damaged: ")
                .hasMessageNotContaining("\n");
    }

    @Test
    void refusesAnEncryptedFile() throws Exception {
        byte[] bytes = Files.readAllBytes(sample(CompressionCodecName.UNCOMPRESSED));
        bytes[bytes.length - 1] = 'E';
        Path file = Files.write(dir.resolve("secret.parquet"), bytes);

        assertThatThrownBy(() -> ParquetTableReader.read(file))
                .isInstanceOf(DataFormatException.class)
                .hasMessage(file + ": is an encrypted Parquet file, which deepae cannot read");
    }

    @ParameterizedTest
    @EnumSource(
            value = CompressionCodecName.class,
            names = {"UNCOMPRESSED", "SNAPPY", "GZIP", "ZSTD", "LZ4_RAW"})
    void damagedPagesGiveOneLineNamingTheFile(CompressionCodecName codec) throws Exception {
        byte[] good = Files.readAllBytes(sample(codec));
        int dataEnd = good.length - 8 - footerLength(good);
        int failures = 0;
        for (int at = 4; at < dataEnd; at += 7) {
            byte[] bytes = good.clone();
            bytes[at] ^= (byte) 0xA5;
            bytes[Math.min(at + 3, dataEnd - 1)] ^= (byte) 0x3C;
            Path file = Files.write(dir.resolve(codec + "-" + at + ".parquet"), bytes);
            try {
                ParquetTableReader.read(file);
            } catch (DataFormatException e) {
                assertThat(e.getMessage()).startsWith(file + ": ").doesNotContain("\n");
                failures++;
            } catch (IOException | RuntimeException e) {
                throw new AssertionError("damage at byte " + at + " of a " + codec + " file: " + e, e);
            }
            Files.delete(file);
        }
        assertThat(failures).isPositive();
    }

    @Test
    void damagedFootersGiveOneLineNamingTheFile() throws Exception {
        byte[] good = Files.readAllBytes(sample(CompressionCodecName.SNAPPY));
        int footerStart = good.length - 8 - footerLength(good);
        for (int at = footerStart; at < good.length - 8; at++) {
            for (byte mask : new byte[] {(byte) 0x80, 0x07, (byte) 0xff}) {
                byte[] bytes = good.clone();
                bytes[at] ^= mask;
                Path file = Files.write(dir.resolve("footer-" + at + "-" + mask + ".parquet"), bytes);
                try (ParquetTableReader reader = ParquetTableReader.open(file, null)) {
                    for (Table t = reader.next(64); t != null; t = reader.next(64)) {
                        assertThat(t.rows()).isPositive();
                    }
                } catch (DataFormatException e) {
                    assertThat(e.getMessage()).startsWith(file + ": ").doesNotContain("\n");
                } catch (IOException | RuntimeException e) {
                    throw new AssertionError("footer byte " + at + " ^ " + mask + ": " + e, e);
                }
                Files.delete(file);
            }
        }
    }

    @Test
    void aDamagedPageIsReportedWithItsRowGroupAndColumn() throws Exception {
        byte[] bytes = Files.readAllBytes(sample(CompressionCodecName.SNAPPY));
        Arrays.fill(bytes, 40, 200, (byte) 0x11);
        Path file = Files.write(dir.resolve("bad-page.parquet"), bytes);

        assertThatThrownBy(() -> ParquetTableReader.read(file))
                .isInstanceOf(DataFormatException.class)
                .hasMessageStartingWith(file + ": row group 1")
                .hasMessageNotContaining("\n");
    }

    private Path sample(CompressionCodecName codec) throws IOException {
        Object[][] rows = new Object[200][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = new Object[] {i * 0.25, i % 9 == 0 ? null : "v" + (i % 6), i};
        }
        return ParquetFiles.write(
                dir.resolve("sample-" + codec + ".parquet"),
                "message m { required double x; optional binary s (STRING); required int32 n; }",
                Options.DEFAULT.withCodec(codec).withSmallGroups(1_000, 30),
                rows);
    }

    private static int footerLength(byte[] bytes) {
        int at = bytes.length - 8;
        return (bytes[at] & 0xff)
                | (bytes[at + 1] & 0xff) << 8
                | (bytes[at + 2] & 0xff) << 16
                | (bytes[at + 3] & 0xff) << 24;
    }
}
