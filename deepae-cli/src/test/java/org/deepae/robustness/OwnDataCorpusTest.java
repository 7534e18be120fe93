package org.deepae.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.apache.parquet.example.data.Group;
import org.deepae.testing.ParquetFiles;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Broken own data through {@code train}: each case fails with one line naming the file and the row, column or
 * problem, exit 1 (2 for a bad option), and leaves no run directory.
 */
@Tag("slow")
class OwnDataCorpusTest {

    @TempDir
    static Path dir;

    private static Path text(String name, String content) throws Exception {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }

    private static Path images(String name, int... sizes) throws Exception {
        Path folder = Files.createDirectories(dir.resolve(name));
        for (int i = 0; i < sizes.length; i++) {
            ImageIO.write(
                    new BufferedImage(sizes[i], sizes[i], BufferedImage.TYPE_BYTE_GRAY),
                    "png",
                    folder.resolve("img" + i + ".png").toFile());
        }
        return folder;
    }

    static Stream<Arguments> broken() throws Exception {
        Consumer<Group> tags = g -> g.addGroup("list").append("element", "t");
        Path nested = ParquetFiles.write(
                dir.resolve("nested.parquet"), """
        message m {
          required double a;
          optional group tags (LIST) { repeated group list { optional binary element (STRING); } }
        }""", new Object[] {1.0, tags}, new Object[] {2.0, tags});
        return Stream.of(
                Arguments.of(
                        "ragged", text("ragged.csv", "a,b,c\n1,2,3\n4,5\n6,7,8\n"), new String[0], 1, new String[] {
                            "ragged.csv", "line 3", "expected 3"
                        }),
                Arguments.of(
                        "an unclosed quote", text("quote.csv", "a,b\n1,\"2\n3,4\n"), new String[0], 1, new String[] {
                            "quote.csv", "line 2", "not closed"
                        }),
                Arguments.of(
                        "an unknown delimiter",
                        text("delim.csv", "a,b;c\n1;2,3,4\n5,6;7;8;9\n"),
                        new String[0],
                        1,
                        new String[] {"delim.csv", "delimiter"}),
                Arguments.of(
                        "a label column that does not exist",
                        text("label.csv", "a,b\n1,2\n3,4\n5,6\n"),
                        new String[] {"--label-column", "nope"},
                        1,
                        new String[] {"label.csv", "no column named 'nope'"}),
                Arguments.of(
                        "an all-missing column",
                        text("missing.csv", "a,b\n1,NA\n2,\n3,NA\n4,?\n5,NA\n"),
                        new String[0],
                        1,
                        new String[] {"missing.csv", "'b'"}),
                Arguments.of("Parquet with a nested column", nested, new String[0], 1, new String[] {
                    "nested.parquet", "column 'tags' is a LIST"
                }),
                Arguments.of("a PNG folder with mixed sizes", images("mixed", 4, 4, 5), new String[0], 1, new String[] {
                    "img2.png", "5x5", "4x4"
                }),
                Arguments.of(
                        "a bad --scale",
                        text("scale.csv", "a,b\n1,2\n3,4\n5,6\n"),
                        new String[] {"--scale", "log"},
                        2,
                        new String[] {"--scale must be one of standard, minmax, none"}),
                Arguments.of(
                        "a --test of other columns",
                        text("train.csv", "a,b\n1,2\n3,4\n5,6\n"),
                        new String[] {"--test", text("other.csv", "a,c\n1,2\n").toString()},
                        1,
                        new String[] {"other.csv", "'b'"}));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("broken")
    void brokenOwnDataFailsWithOneLineAndLeavesNoRun(
            String name, Path data, String[] options, int exit, String[] mentions) {
        Path out = dir.resolve("run-" + name.replace(' ', '-'));
        String[] args = Stream.concat(
                        Stream.of("train", "--dataset", data.toString(), "--epochs", "1", "--out", out.toString()),
                        Stream.of(options))
                .toArray(String[]::new);
        Cli.run(args).failsCleanly(exit, "train", mentions);
        assertThat(out).doesNotExist();
    }

    @Test
    @Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aCategoricalColumnWithAHundredThousandLevelsTrainsCappedAtMaxLevels() throws Exception {
        StringBuilder csv = new StringBuilder("x,code\n");
        for (int i = 0; i < 100_000; i++) {
            csv.append(i % 13).append(",c").append(i).append('\n');
        }
        Path data = text("levels.csv", csv.toString());
        Path out = dir.resolve("levels-run");
        Cli run = Cli.run(
                "train",
                "--dataset",
                data.toString(),
                "--max-levels",
                "5",
                "--epochs",
                "1",
                "--batch-size",
                "1000",
                "--out",
                out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        // 1 numeric value + 5 kept levels + <other> + <missing>
        assertThat(run.err()).contains("rows of 8 values");
    }

    @Test
    void aModelWithADamagedPreprocessingIsRefusedNamingTheFieldAndWritesNothing() throws Exception {
        Path data = text("ok.csv", "a,b,kind\n1,2,x\n3,4,y\n5,6,x\n7,8,y\n9,10,x\n");
        Path run = dir.resolve("ok-run");
        Cli trained = Cli.run("train", "--dataset", data.toString(), "--epochs", "1", "--out", run.toString());
        assertThat(trained.exitCode()).as(trained.err()).isZero();
        Path modelJson = run.resolve("model/model.json");
        String json = Files.readString(modelJson);
        assertThat(json).contains("\"scale\" : ");
        Files.writeString(modelJson, json.replaceFirst("\"scale\" : [0-9.Ee-]+", "\"scale\" : -1"));
        Path codes = dir.resolve("codes.csv");
        Cli.run(
                        "encode",
                        "--model",
                        run.resolve("model").toString(),
                        "--input",
                        data.toString(),
                        "--out",
                        codes.toString())
                .failsCleanly(1, "encode", "model.json", "preprocessing.columns[0].scale");
        assertThat(codes).doesNotExist();
    }
}
