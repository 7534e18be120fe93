package org.deepae.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The strict, bounded JSON reader and its typed accessors: every refusal names the file and the field. */
class JsonFilesTest {

    @TempDir
    Path dir;

    private JsonFields object(String json) throws IOException {
        return JsonFiles.readObject(Files.writeString(dir.resolve("m.json"), json));
    }

    private Path file() {
        return dir.resolve("m.json");
    }

    @Test
    void readsAnObjectAndLeavesAMissingFileMissing() throws Exception {
        assertThat(object("{\"a\": 1}").requiredInt("a", 0, 5)).isEqualTo(1);
        assertThatThrownBy(() -> JsonFiles.read(dir.resolve("none.json"))).isInstanceOf(NoSuchFileException.class);
    }

    @Test
    void refusesTrailingContentDuplicateKeysAndEmptyFiles() {
        assertThatThrownBy(() -> object("{\"a\": 1}}}}")).hasMessageStartingWith(file() + ": invalid JSON: ");
        assertThatThrownBy(() -> object("{\"a\": 1} 2"))
                .hasMessage(
                        file() + ": invalid JSON: more content after the end of the JSON value (line 1, column 10)");
        assertThatThrownBy(() -> object("{\"a\": 1, \"a\": 2}"))
                .hasMessageStartingWith(file() + ": invalid JSON: ")
                .hasMessageContaining("Duplicate field 'a'");
        assertThatThrownBy(() -> object(" \n")).hasMessage(file() + ": empty file, expected a JSON object");
        assertThatThrownBy(() -> object("[1]")).hasMessage(file() + ": expected a JSON object, found [1] (a list)");
    }

    @Test
    void refusesAFileAboveTheLimitWithoutReadingIt() throws Exception {
        Files.write(file(), new byte[JsonFiles.MAX_BYTES + 1]);
        assertThatThrownBy(() -> JsonFiles.read(file()))
                .hasMessage(file() + ": 4194305 bytes, larger than the limit of 4 MiB (4194304 bytes) for this file");
    }

    @Test
    void refusesDirectoriesAndDevices() throws Exception {
        Files.createDirectory(dir.resolve("d.json"));
        assertThatThrownBy(() -> JsonFiles.read(dir.resolve("d.json")))
                .hasMessage(dir.resolve("d.json") + ": a directory, expected a file");
        Path zero = Files.createSymbolicLink(dir.resolve("z.json"), Path.of("/dev/zero"));
        assertThatThrownBy(() -> JsonFiles.read(zero)).hasMessageStartingWith(zero + ": not a regular file");
    }

    @Test
    @Timeout(value = 10, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void refusesAFifoWithoutOpeningIt() throws Exception {
        Path fifo = dir.resolve("f.json");
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor())
                .isZero();
        assertThatThrownBy(() -> JsonFiles.read(fifo)).hasMessageStartingWith(fifo + ": not a regular file");
    }

    @Test
    void integersAreIntegersInRange() throws Exception {
        JsonFields f = object("{\"big\": 4294968080, \"frac\": 1.9, \"text\": \"7\", \"ok\": 7, \"n\": null, "
                + "\"layers\": [\"512\", \"abc\", 32], \"sub\": {\"k\": -1}}");
        assertThatThrownBy(() -> f.requiredInt("big", 1, Integer.MAX_VALUE))
                .hasMessage(file() + ": big: expected an integer from 1 to 2147483647, found 4294968080");
        assertThatThrownBy(() -> f.requiredInt("frac", 0, 9))
                .hasMessage(file() + ": frac: expected an integer from 0 to 9, found 1.9");
        assertThatThrownBy(() -> f.requiredInt("text", 0, 9))
                .hasMessage(file() + ": text: expected an integer from 0 to 9, found \"7\" (a string)");
        assertThatThrownBy(() -> f.requiredInt("n", 0, 9))
                .hasMessage(file() + ": n: missing, expected an integer from 0 to 9");
        assertThatThrownBy(() -> f.requiredInt("ok", 8, 9)).hasMessageEndingWith("found 7");
        assertThat(f.optionalInt("absent", 0, 9, 4)).isEqualTo(4);
        assertThat(f.isInt("ok", 7)).isTrue();
        assertThat(f.isInt("frac", 1)).isFalse();
        assertThatThrownBy(() -> f.requiredIntList("layers", 1, 9999))
                .hasMessage(file() + ": layers[0]: expected an integer from 1 to 9999, found \"512\" (a string)");
        assertThatThrownBy(() -> f.object("sub").requiredInt("k", 0, 1))
                .hasMessage(file() + ": sub.k: expected an integer from 0 to 1, found -1");
        assertThat(object("{\"l\": [1, 2]}").requiredIntList("l", 1, 2)).isEqualTo(List.of(1, 2));
    }

    @Test
    void numbersStringsAndBooleansAreOfTheirKind() throws Exception {
        JsonFields f =
                object("{\"inf\": 1e999, \"neg\": -0.5, \"s\": 3, \"b\": \"yes\", \"x\": 0.25, \"list\": {\"a\": 1}}");
        assertThatThrownBy(() -> f.requiredDouble("inf", 0))
                .hasMessage(file() + ": inf: expected a finite number of at least 0, found Infinity");
        assertThatThrownBy(() -> f.requiredDouble("neg", 0)).hasMessageEndingWith("found -0.5");
        assertThat(f.requiredDouble("x", 0)).isEqualTo(0.25);
        assertThat(f.optionalDouble("none", 0, Double.NaN)).isNaN();
        assertThatThrownBy(() -> f.requiredString("s"))
                .hasMessage(file() + ": s: expected a string, found 3 (a number)");
        assertThatThrownBy(() -> f.optionalBoolean("b", false))
                .hasMessage(file() + ": b: expected true or false, found \"yes\" (a string)");
        assertThatThrownBy(() -> f.objects("list"))
                .hasMessage(file() + ": list: expected a list, found {\"a\":1} (an object)");
        assertThatThrownBy(() -> f.object("spec")).hasMessage(file() + ": spec: missing, expected an object");
    }
}
