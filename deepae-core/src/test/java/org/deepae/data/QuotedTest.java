package org.deepae.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QuotedTest {
    @TempDir
    Path dir;

    @Test
    void quotesAShortValueWhole() {
        assertThat(Quoted.of("abc")).isEqualTo("'abc'");
        assertThat(Quoted.of("")).isEqualTo("''");
        assertThat(Quoted.of("x".repeat(Quoted.PREFIX))).isEqualTo("'" + "x".repeat(Quoted.PREFIX) + "'");
    }

    @Test
    void quotesALongValueAsItsPrefixAndLength() {
        String value = "0123456789".repeat(5) + "y";
        assertThat(Quoted.of(value)).isEqualTo("'" + value.substring(0, 40) + "...' (51 characters)");
    }

    @Test
    void neverSplitsASurrogatePair() {
        String value = "a".repeat(39) + "\uD83D\uDE00" + "b".repeat(10);
        assertThat(Quoted.of(value)).isEqualTo("'" + "a".repeat(39) + "...' (51 characters)");
    }

    @Test
    void aHugeCsvCellIsNotEchoedInFull() throws IOException {
        String cell = "z".repeat(100_000);
        Path file = Files.writeString(dir.resolve("data.csv"), "1,2\n3," + cell + "\n");
        assertThatThrownBy(() -> CsvReader.read(file))
                .isInstanceOf(DataFormatException.class)
                .hasMessageContaining(
                        "line 2, column 2: '" + "z".repeat(40) + "...' (100000 characters) is not a number")
                .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(300));
    }

    @Test
    void aLongNpyDtypeIsNotEchoedInFull() throws IOException {
        String descr = "<" + "q".repeat(500);
        String header = "{'descr': '" + descr + "', 'fortran_order': False, 'shape': (1, 1), }";
        Path file = Files.write(dir.resolve("x.npy"), NpyTestFiles.npy(1, header, new byte[4]));
        assertThatThrownBy(() -> NpyReader.read(file))
                .isInstanceOf(DataFormatException.class)
                .hasMessageContaining("unsupported dtype '<" + "q".repeat(39) + "...' (501 characters)");
    }
}
