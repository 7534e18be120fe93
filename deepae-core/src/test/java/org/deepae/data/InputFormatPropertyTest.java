package org.deepae.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

class InputFormatPropertyTest {
    private static Path dir;

    @BeforeContainer
    static void createDirectory() throws IOException {
        dir = Files.createTempDirectory("input-property");
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

    @Property(tries = 200, edgeCases = EdgeCasesMode.MIXIN)
    void csvRoundTripIsExact(@ForAll("rows") Rows rows) throws IOException {
        Path file = dir.resolve("round.csv");
        CsvWriter.write(file, rows, "code_");
        Rows back = CsvReader.read(file);
        assertThat(back.count()).isEqualTo(rows.count());
        assertThat(back.width()).isEqualTo(rows.width());
        assertThat(back.values()).isEqualTo(rows.values());
        assertThat(back.labels()).isEqualTo(rows.labels());
    }

    @Property(tries = 200, edgeCases = EdgeCasesMode.MIXIN)
    void npyRoundTripIsExact(@ForAll("rows") Rows rows) throws IOException {
        Path file = dir.resolve("round.npy");
        NpyWriter.write(file, rows);
        Rows back = NpyReader.read(file);
        assertThat(back.count()).isEqualTo(rows.count());
        assertThat(back.width()).isEqualTo(rows.width());
        assertThat(back.imageHeight()).isEqualTo(rows.imageHeight());
        assertThat(back.values()).isEqualTo(rows.values());
    }

    @Property(tries = 3000)
    void fastDecimalParsingAgreesWithTheJdk(@ForAll("decimals") String text) {
        float fast = CsvCells.fastParse(text);
        if (!Float.isNaN(fast)) {
            assertThat(Float.floatToIntBits(fast)).as(text).isEqualTo(Float.floatToIntBits(Float.parseFloat(text)));
        }
    }

    @Property(tries = 400)
    void arbitraryNpyBytesParseOrFailWithDataFormatException(@ForAll("npyLike") byte[] content) throws IOException {
        Path file = Files.write(dir.resolve("fuzz.npy"), content);
        try {
            Rows rows = NpyReader.read(file);
            assertThat(rows.values()).hasSize(rows.count() * rows.width());
        } catch (DataFormatException expected) {
            assertThat(expected).hasMessageStartingWith(file + ": ");
        }
    }

    @Property(tries = 400)
    void arbitraryCsvTextParsesOrFailsWithDataFormatException(@ForAll("csvLike") byte[] content) throws IOException {
        Path file = Files.write(dir.resolve("fuzz.csv"), content);
        for (String labelColumn : new String[] {null, "0", "label"}) {
            try {
                Rows rows = InputReader.read(
                        file.toString(), InputOptions.defaults().withLabelColumn(labelColumn));
                assertThat(rows.values()).hasSize(rows.count() * rows.width());
            } catch (DataFormatException expected) {
                assertThat(expected).hasMessageStartingWith(file + ": ");
            }
        }
    }

    /** Finite floats of every kind: from random bits (subnormal, huge, negative) and small ordinary values. */
    @Provide
    Arbitrary<Float> finiteFloats() {
        Arbitrary<Float> bits =
                Arbitraries.integers().map(Float::intBitsToFloat).filter(Float::isFinite);
        Arbitrary<Float> small = Arbitraries.floats().between(-2f, 2f);
        Arbitrary<Float> special = Arbitraries.of(
                0f,
                -0f,
                Float.MIN_VALUE,
                -Float.MIN_VALUE,
                Float.MIN_NORMAL,
                Float.MAX_VALUE,
                -Float.MAX_VALUE,
                1e-40f,
                0.1f,
                1f / 3);
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(5, bits), net.jqwik.api.Tuple.of(3, small), net.jqwik.api.Tuple.of(2, special));
    }

    @Provide
    Arbitrary<Rows> rows() {
        Arbitrary<Integer> counts = Arbitraries.integers().between(1, 12);
        Arbitrary<Integer> heights = Arbitraries.integers().between(1, 4);
        Arbitrary<Integer> widths = Arbitraries.integers().between(1, 5);
        Arbitrary<Boolean> labelled = Arbitraries.of(true, false);
        Arbitrary<Boolean> images = Arbitraries.of(true, false);
        return Combinators.combine(counts, heights, widths, labelled, images).flatAs((n, h, w, hasLabels, isImage) -> {
            int width = h * w;
            Arbitrary<float[]> values = finiteFloats().array(float[].class).ofSize(n * width);
            Arbitrary<int[]> labels =
                    Arbitraries.integers().between(0, 1000).array(int[].class).ofSize(n);
            return Combinators.combine(values, labels)
                    .as((v, l) ->
                            new Rows(v, n, width, hasLabels ? l : null, isImage ? h : 0, isImage ? w : 0, "generated"));
        });
    }

    @Provide
    Arbitrary<String> decimals() {
        Arbitrary<String> printed = finiteFloats().map(f -> Float.toString(f));
        Arbitrary<String> digits =
                Arbitraries.strings().withChars("0123456789").ofMinLength(1).ofMaxLength(20);
        Arbitrary<String> composed = Combinators.combine(
                        Arbitraries.of("", "-", "+"),
                        digits,
                        Arbitraries.of("", "."),
                        Arbitraries.strings().withChars("0123456789").ofMaxLength(12),
                        Arbitraries.of("", "e", "E-", "e+", "E")
                                .flatMap(e -> e.isEmpty()
                                        ? Arbitraries.just("")
                                        : Arbitraries.integers().between(0, 45).map(x -> e + x)))
                .as((sign, whole, point, fraction, exponent) -> sign + whole + point + fraction + exponent);
        return Arbitraries.oneOf(printed, composed);
    }

    /** Random bytes, many behind a valid magic and version so that the header parser is reached. */
    @Provide
    Arbitrary<byte[]> npyLike() {
        Arbitrary<byte[]> random = Arbitraries.bytes().array(byte[].class).ofMaxSize(120);
        Arbitrary<byte[]> magic =
                random.map(tail -> concat(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0}, tail));
        Arbitrary<String> dicts = Arbitraries.strings()
                .withChars("{}()[],:' 0123456789<|>fuic48TrueFalsdesconthp_")
                .ofMaxLength(70);
        Arbitrary<byte[]> headed = Combinators.combine(Arbitraries.integers().between(1, 3), dicts, random)
                .as((major, dict, payload) -> NpyTestFiles.npy(major, dict, payload));
        Arbitrary<byte[]> plausible = Combinators.combine(
                        Arbitraries.of("<f4", "<f8", "|u1", ">f4", "<i8"),
                        Arbitraries.integers().between(0, 5).list().ofMaxSize(4),
                        Arbitraries.of(true, false),
                        random)
                .as((descr, shape, fortran, payload) -> NpyTestFiles.npy(
                        1,
                        "{'descr': '" + descr + "', 'fortran_order': "
                                + (fortran ? "True" : "False") + ", 'shape': ("
                                + String.join(
                                        ", ",
                                        shape.stream().map(String::valueOf).toList()) + (shape.size() == 1 ? "," : "")
                                + "), }",
                        payload));
        return Arbitraries.oneOf(random, magic, headed, plausible);
    }

    @Provide
    Arbitrary<byte[]> csvLike() {
        Arbitrary<byte[]> random = Arbitraries.bytes().array(byte[].class).ofMaxSize(100);
        Arbitrary<byte[]> text = Arbitraries.strings()
                .withChars("0123456789.,-+eE \n\n\n#\"labx;\tNaInf")
                .ofMaxLength(100)
                .map(s -> s.getBytes(StandardCharsets.UTF_8));
        return Arbitraries.oneOf(random, text);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
