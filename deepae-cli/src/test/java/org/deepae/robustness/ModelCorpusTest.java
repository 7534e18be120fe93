package org.deepae.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.deepae.testing.TestFiles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Broken model directories, SavedModels and PCA directories given to {@code --model}: each fails with one line naming
 * the directory or file and the problem, and leaves an existing output file as it was.
 */
@Timeout(30)
@Tag("slow")
class ModelCorpusTest {
    @TempDir
    static Path shared;

    private static Path model;
    /** A convolutional VAE, a convolutional autoencoder and a dense VAE trained on the same data. */
    private static Path convVae;

    private static Path conv;
    private static Path denseVae;

    private static Path savedModel;
    private static Path pca;
    private static Path input;

    @TempDir
    Path dir;

    @BeforeAll
    static void trainAndExport() throws IOException {
        model = TinyModel.train(shared);
        convVae = TinyModel.train(shared.resolve("vae"), "--arch", "conv-vae", "--filters", "2", "--code-size", "2");
        conv = TinyModel.train(shared.resolve("conv"), "--arch", "conv", "--filters", "2");
        denseVae = TinyModel.train(shared.resolve("dvae"), "--arch", "vae", "--layers", "8,2");
        savedModel = shared.resolve("saved");
        Cli.run("export", "--model", model.toString(), "--out", savedModel.toString())
                .succeeds();
        pca = shared.resolve("pca");
        Cli.run("pca", "--dataset", shared.resolve("data").toString(), "--components", "2", "--save", pca.toString())
                .succeeds();
        input = Hostile.write(shared.resolve("input.csv"), Hostile.csv(3, TinyModel.WIDTH, false));
    }

    /** A change to a copy of a model directory. */
    interface Damage {
        void apply(Path copy) throws IOException;
    }

    private static Arguments damage(String name, Path original, Damage damage, String... mentions) {
        return Arguments.of(Named.of(name, original), damage, mentions);
    }

    private static Damage json(String file, String content) {
        return copy -> Files.writeString(copy.resolve(file), content);
    }

    private static Damage edit(String file, String regex, String replacement) {
        return copy -> {
            String text = Files.readString(copy.resolve(file));
            String edited = text.replaceFirst(regex, replacement);
            assertThat(edited).as("the edit of %s applies", file).isNotEqualTo(text);
            Files.writeString(copy.resolve(file), edited);
        };
    }

    private static Damage delete(String file) {
        return copy -> Files.delete(copy.resolve(file));
    }

    private static Damage truncate(String file, int keep) {
        return copy -> {
            byte[] bytes = Files.readAllBytes(copy.resolve(file));
            Files.write(copy.resolve(file), java.util.Arrays.copyOf(bytes, Math.min(keep, bytes.length / 2)));
        };
    }

    static Stream<Arguments> brokenModels() {
        String data = "variables/variables.data-00000-of-00001";
        String index = "variables/variables.index";
        String meta = "assets.extra/deepae-model.json";
        return Stream.of(
                damage(
                        "model.json missing",
                        model,
                        delete("model.json"),
                        "not a deepae model directory (no model.json)"),
                damage(
                        "model.json invalid JSON",
                        model,
                        json("model.json", "{\"format\": "),
                        "model.json",
                        "invalid JSON"),
                damage("model.json empty", model, json("model.json", ""), "model.json"),
                damage(
                        "model.json a JSON array",
                        model,
                        json("model.json", "[1, 2]"),
                        "model.json",
                        "expected \"format\": \"deepae-model\""),
                damage(
                        "model.json of another format",
                        model,
                        edit("model.json", "\"deepae-model\"", "\"keras\""),
                        "found \"keras\""),
                damage(
                        "format_version 4",
                        model,
                        edit("model.json", "\"format_version\" : 3", "\"format_version\" : 4"),
                        "unsupported format_version 4 (this deepae reads versions 1 to 3)"),
                damage(
                        "format_version missing",
                        model,
                        edit("model.json", "\"format_version\" : 3,", ""),
                        "unsupported format_version"),
                damage(
                        "an unknown network family",
                        convVae,
                        edit("model.json", "\"family\" : \"conv-vae\"", "\"family\" : \"gan\""),
                        "model.json",
                        "unknown network family \"gan\""),
                damage(
                        "a convolutional spec without filters",
                        convVae,
                        edit("model.json", "\"filters\" : \\[ 2 \\],", ""),
                        "model.json",
                        "spec.filters: missing"),
                damage(
                        "a kernel of 0",
                        convVae,
                        edit("model.json", "\"kernel\" : 3", "\"kernel\" : 0"),
                        "model.json",
                        "the kernel must be 1 to 15, got 0"),
                damage(
                        "a negative beta",
                        convVae,
                        edit("model.json", "\"beta\" : 1.0", "\"beta\" : -1.0"),
                        "model.json",
                        "beta"),
                damage(
                        "a convolutional VAE relabelled a dense one",
                        convVae,
                        edit("model.json", "\"family\" : \"conv-vae\"", "\"family\" : \"vae\""),
                        "model.json",
                        "encoder_layers"),
                damage(
                        "filters that do not fit the weights",
                        convVae,
                        edit("model.json", "\"filters\" : \\[ 2 \\]", "\"filters\" : [ 3 ]"),
                        "the weights"),
                damage(
                        "a convolutional model's image size changed",
                        convVae,
                        edit("model.json", "\"image_width\" : 4", "\"image_width\" : 5"),
                        "model.json",
                        "invalid spec"),
                damage("a VAE's weights missing", convVae, delete(index), "the weights are missing"),
                damage(
                        "a convolutional autoencoder relabelled dense",
                        conv,
                        edit("model.json", "\"family\" : \"conv\"", "\"family\" : \"dense\""),
                        "model.json",
                        "encoder_layers"),
                damage(
                        "a convolutional autoencoder given a dense code its weights do not have",
                        conv,
                        edit("model.json", "\"code_size\" : 0", "\"code_size\" : 3"),
                        "the weights"),
                damage(
                        "a convolutional autoencoder with 5,000 filters",
                        conv,
                        edit("model.json", "\"filters\" : \\[ 2 \\]", "\"filters\" : [ 5000 ]"),
                        "model.json",
                        "filter counts must be 1 to 4096"),
                damage(
                        "a dense VAE made convolutional without filters",
                        denseVae,
                        edit("model.json", "\"family\" : \"vae\"", "\"family\" : \"conv-vae\""),
                        "model.json",
                        "spec.filters: missing"),
                damage(
                        "a dense VAE whose layers do not fit the weights",
                        denseVae,
                        edit("model.json", "\"encoder_layers\" : \\[ 8", "\"encoder_layers\" : [ 9"),
                        "the weights"),
                damage(
                        "a dense VAE with a ReLU code",
                        denseVae,
                        edit("model.json", "\"code_activation\" : \"linear\"", "\"code_activation\" : \"relu\""),
                        "model.json",
                        "a VAE's code (its mean and log-variance) is linear"),
                damage(
                        "an unknown activation",
                        model,
                        edit("model.json", "\"hidden_activation\" : \"\\w+\"", "\"hidden_activation\" : \"swish\""),
                        "model.json",
                        "swish"),
                damage(
                        "a negative layer size",
                        model,
                        edit("model.json", "\"encoder_layers\" : \\[ 8", "\"encoder_layers\" : [ -8"),
                        "model.json",
                        "invalid spec"),
                damage(
                        "model.json a directory",
                        model,
                        copy -> {
                            Files.delete(copy.resolve("model.json"));
                            Files.createDirectory(copy.resolve("model.json"));
                        },
                        "model.json",
                        "a directory, expected a file"),
                damage("weights index missing", model, delete(index), "the weights are missing"),
                damage("weights data missing", model, delete(data), "the weights are damaged"),
                damage("weights data truncated", model, truncate(data, 100), "the weights are damaged"),
                damage("weights index garbage", model, json(index, "garbage"), "the weights are damaged"),
                damage(
                        "layers in the spec that do not fit the weights",
                        model,
                        edit("model.json", "\"encoder_layers\" : \\[ 8", "\"encoder_layers\" : [ 9"),
                        "the weights"),
                damage(
                        "input size that does not fit the weights",
                        model,
                        copy -> {
                            edit("model.json", "\"input_size\" : 16", "\"input_size\" : 25")
                                    .apply(copy);
                            edit("model.json", "\"image_height\" : 4", "\"image_height\" : 5")
                                    .apply(copy);
                            edit("model.json", "\"image_width\" : 4", "\"image_width\" : 5")
                                    .apply(copy);
                        },
                        "input.csv",
                        "16 values but the model takes 25"),
                damage(
                        "SavedModel without deepae metadata",
                        savedModel,
                        delete(meta),
                        "a SavedModel not exported by deepae (no assets.extra/deepae-model.json)"),
                damage(
                        "SavedModel with invalid deepae metadata",
                        savedModel,
                        json(meta, "{{"),
                        "deepae-model.json",
                        "invalid JSON"),
                damage("SavedModel without weights", savedModel, delete(index), "the weights are missing"),
                damage(
                        "model.json with trailing braces",
                        model,
                        copy -> Files.writeString(
                                copy.resolve("model.json"), Files.readString(copy.resolve("model.json")) + "}}}"),
                        "model.json",
                        "invalid JSON"),
                damage(
                        "model.json with a duplicate key",
                        model,
                        edit(
                                "model.json",
                                "\"format\" : \"deepae-model\",",
                                "\"format\" : \"deepae-model\", \"format\" : \"deepae-model\","),
                        "model.json",
                        "Duplicate field 'format'"),
                damage(
                        "model.json of 10 MB",
                        model,
                        copy -> Files.writeString(
                                copy.resolve("model.json"),
                                Files.readString(copy.resolve("model.json")) + " ".repeat(10 << 20)),
                        "model.json",
                        "4 MiB"),
                damage(
                        "an input size beyond 32 bits",
                        model,
                        edit("model.json", "\"input_size\" : 16", "\"input_size\" : 4294967312"),
                        "model.json",
                        "spec.input_size",
                        "4294967312"),
                damage(
                        "format_version 1.9",
                        model,
                        edit("model.json", "\"format_version\" : 3", "\"format_version\" : 1.9"),
                        "model.json",
                        "format_version 1.9"),
                damage(
                        "layer sizes as strings",
                        model,
                        edit(
                                "model.json",
                                "\"encoder_layers\" : \\[ 8, 2 \\]",
                                "\"encoder_layers\" : [ \"8\", \"abc\" ]"),
                        "model.json",
                        "spec.encoder_layers[0]",
                        "\"8\""),
                damage(
                        "no spec",
                        model,
                        json("model.json", "{\"format\": \"deepae-model\", \"format_version\": 1}"),
                        "model.json",
                        "spec: missing"),
                damage(
                        "a training section that is not an object",
                        model,
                        edit("model.json", "\"training\" : \\{", "\"training\" : [], \"was\" : {"),
                        "model.json",
                        "training"),
                damage(
                        "SavedModel metadata with trailing braces",
                        savedModel,
                        copy -> Files.writeString(copy.resolve(meta), Files.readString(copy.resolve(meta)) + "}"),
                        "deepae-model.json",
                        "invalid JSON"),
                damage(
                        "SavedModel with random bytes as saved_model.pb",
                        savedModel,
                        copy -> Files.write(
                                copy.resolve("saved_model.pb"),
                                new java.util.Random(7)
                                        .ints(4096, 0, 256)
                                        .collect(
                                                java.io.ByteArrayOutputStream::new,
                                                java.io.ByteArrayOutputStream::write,
                                                (a, b) -> {})
                                        .toByteArray()),
                        "saved_model.pb: not a valid SavedModel"),
                damage(
                        "SavedModel with an empty saved_model.pb",
                        savedModel,
                        json("saved_model.pb", ""),
                        "saved_model.pb: not a valid SavedModel"),
                damage(
                        "SavedModel with a text saved_model.pb",
                        savedModel,
                        json("saved_model.pb", "no signatures here"),
                        "saved_model.pb: not a valid SavedModel"),
                damage("PCA with pca.json invalid", pca, json("pca.json", "nope"), "pca.json", "invalid JSON"),
                damage(
                        "PCA with format_version 9",
                        pca,
                        edit("pca.json", "\"format_version\" : 1", "\"format_version\" : 9"),
                        "pca.json",
                        "unsupported format_version 9"));
    }

    @ParameterizedTest(name = "encode --model with {0}")
    @MethodSource("brokenModels")
    void brokenModelFailsWithOneLine(Path original, Damage damage, String[] mentions) throws IOException {
        Path copy = TestFiles.copyTree(original, dir.resolve("model"));
        damage.apply(copy);
        Outputs outputs = Outputs.existing(dir.resolve("out"), "codes.csv");

        Cli.run(
                        "encode",
                        "--model",
                        copy.toString(),
                        "--input",
                        input.toString(),
                        "--out",
                        outputs.file().toString())
                .failsCleanly(1, "encode", mentions);

        outputs.assertUnchanged();
    }

    @Test
    void aFileGivenAsModelIsABadOption() throws IOException {
        Path file = Hostile.write(dir.resolve("model"), "{}");
        Outputs outputs = Outputs.fresh(dir.resolve("out"), "codes.csv");

        Cli.run(
                        "encode",
                        "--model",
                        file.toString(),
                        "--input",
                        input.toString(),
                        "--out",
                        outputs.file().toString())
                .failsCleanly(2, "encode", file + " is a file; expected a model directory");

        outputs.assertUnchanged();
    }

    @Test
    void aSavedModelEncodesLikeTheModelItWasExportedFrom() throws IOException {
        Cli.run(
                        "encode",
                        "--model",
                        savedModel.toString(),
                        "--input",
                        input.toString(),
                        "--out",
                        dir.resolve("a.csv").toString())
                .succeeds();
        Cli.run(
                        "encode",
                        "--model",
                        model.toString(),
                        "--input",
                        input.toString(),
                        "--out",
                        dir.resolve("b.csv").toString())
                .succeeds();

        assertThat(Files.readString(dir.resolve("a.csv"))).isEqualTo(Files.readString(dir.resolve("b.csv")));
    }

    @Test
    @Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aFifoAsModelJsonIsRefusedWithoutOpeningIt() throws Exception {
        Path copy = TestFiles.copyTree(model, dir.resolve("model"));
        Files.delete(copy.resolve("model.json"));
        assertThat(new ProcessBuilder("mkfifo", copy.resolve("model.json").toString())
                        .start()
                        .waitFor())
                .isZero();

        Cli.run(
                        "encode",
                        "--model",
                        copy.toString(),
                        "--input",
                        input.toString(),
                        "--out",
                        dir.resolve("codes.csv").toString())
                .failsCleanly(1, "encode", "model.json", "not a regular file");
    }

    @Test
    @Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aModelJsonLinkedToDevZeroIsRefusedWithoutReadingIt() throws Exception {
        Path copy = TestFiles.copyTree(model, dir.resolve("model"));
        Files.delete(copy.resolve("model.json"));
        Files.createSymbolicLink(copy.resolve("model.json"), Path.of("/dev/zero"));

        Cli.run(
                        "encode",
                        "--model",
                        copy.toString(),
                        "--input",
                        input.toString(),
                        "--out",
                        dir.resolve("codes.csv").toString())
                .failsCleanly(1, "encode", "model.json", "not a regular file");
    }

    @Test
    void otherCommandsReportABrokenModelTheSameWay() throws IOException {
        Path copy = TestFiles.copyTree(model, dir.resolve("model"));
        Files.writeString(copy.resolve("model.json"), "{");
        for (String command : new String[] {"reconstruct", "evaluate", "anomalies", "export", "decode"}) {
            String[] args = switch (command) {
                case "reconstruct" ->
                    new String[] {
                        command,
                        "--model",
                        copy.toString(),
                        "--input",
                        input.toString(),
                        "--out",
                        dir.resolve("r.png").toString()
                    };
                case "export" ->
                    new String[] {
                        command,
                        "--model",
                        copy.toString(),
                        "--out",
                        dir.resolve("e").toString()
                    };
                case "evaluate" ->
                    new String[] {
                        command,
                        "--model",
                        copy.toString(),
                        "--dataset",
                        shared.resolve("data").toString()
                    };
                case "decode" ->
                    new String[] {
                        command,
                        "--model",
                        copy.toString(),
                        "--input",
                        input.toString(),
                        "--out",
                        dir.resolve("d.csv").toString()
                    };
                default ->
                    new String[] {
                        command,
                        "--model",
                        copy.toString(),
                        "--input",
                        input.toString(),
                        "--out",
                        dir.resolve("a").toString()
                    };
            };
            Cli.run(args).failsCleanly(1, command, "model.json", "invalid JSON");
        }
        try (var entries = Files.list(dir)) {
            assertThat(entries).containsExactly(copy);
        }
    }

    static String read(Path file) throws IOException {
        return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
    }
}
