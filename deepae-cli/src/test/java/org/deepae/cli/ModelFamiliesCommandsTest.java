package org.deepae.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.deepae.data.Dataset;
import org.deepae.data.DatasetCatalog;
import org.deepae.data.NpyReader;
import org.deepae.data.NpyWriter;
import org.deepae.data.Rows;
import org.deepae.model.Autoencoder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.Result;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Signature;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TInt64;

/**
 * The convolutional and variational families end to end on the bundled sample: train, the model commands, sample,
 * interpolate, the ELBO score and the SavedModel's sample signature, each checked against the Java API's numbers.
 */
@Tag("slow")
class ModelFamiliesCommandsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path shared;

    private static Path conv;
    private static Path convVae;
    private static Dataset sample;
    private static String convTraining;

    @TempDir
    Path dir;

    /** Runs a command that must be refused as a bad option: exit 2, one line naming {@code message}, no stack trace. */
    private static void assertRefused(String message, String... args) {
        CommandRun run = CommandRun.of(args);
        assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
        assertThat(run.err()).contains(message).doesNotContain("Exception");
        // one line of error, after any notes on how the data was read
        assertThat(run.err().strip().lines().filter(line -> !line.startsWith("note: ")))
                .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
                .contains(message);
    }

    private static CommandRun train(Path out, String... extra) {
        List<String> args = new ArrayList<>(List.of(
                "train", "--dataset", "mnist-sample", "--epochs", "1", "--threads", "1", "--out", out.toString()));
        args.addAll(List.of(extra));
        return CommandRun.of(args.toArray(new String[0]));
    }

    @BeforeAll
    static void trainOneOfEach() throws Exception {
        CommandRun c = train(shared.resolve("conv"), "--arch", "conv", "--filters", "4,8", "--code-size", "8");
        assertThat(c.exitCode()).as(c.err()).isZero();
        convTraining = c.out() + c.err();
        conv = shared.resolve("conv").resolve("model");
        CommandRun v = train(shared.resolve("cvae"), "--arch", "conv-vae", "--filters", "4", "--code-size", "2");
        assertThat(v.exitCode()).as(v.err()).isZero();
        convVae = shared.resolve("cvae").resolve("model");
        sample = new DatasetCatalog(shared.resolve("cache")).load("mnist-sample");
    }

    @Test
    void trainingSaysWhatItBuiltAndTheModelRecordsItsFamily() throws Exception {
        assertThat(convTraining).contains("Training 28x28 conv 4,8 k3 -> 7x7x8 -> code 8 on mnist-sample");
        JsonNode spec = JSON.readTree(conv.resolve("model.json").toFile()).path("spec");
        assertThat(spec.path("family").asText()).isEqualTo("conv");
        assertThat(spec.path("filters").toString()).isEqualTo("[4,8]");
        JsonNode vae = JSON.readTree(convVae.resolve("model.json").toFile()).path("spec");
        assertThat(vae.path("family").asText()).isEqualTo("conv-vae");
        assertThat(vae.path("beta").asDouble()).isEqualTo(1.0);
        assertThat(vae.path("loss").asText()).isEqualTo("bce");
        JsonNode epoch = JSON.readTree(convVae.resolveSibling("metrics.json").toFile())
                .path("epochs")
                .get(0);
        double reconstruction = epoch.path("test_reconstruction").asDouble();
        double kl = epoch.path("test_kl").asDouble();
        assertThat(kl).isPositive();
        assertThat(epoch.path("test_negative_elbo").asDouble()).isEqualTo(reconstruction + kl);
        assertThat(epoch.path("test_loss").asDouble())
                .isCloseTo(reconstruction + kl, org.assertj.core.data.Offset.offset(1e-3));
    }

    @Test
    void theSameSeedTrainsTheSameConvolutionalModel() throws Exception {
        Path again = dir.resolve("again");
        CommandRun c = train(again, "--arch", "conv", "--filters", "4,8", "--code-size", "8");
        assertThat(c.exitCode()).as(c.err()).isZero();
        try (Autoencoder a = Autoencoder.load(conv);
                Autoencoder b = Autoencoder.load(again.resolve("model"))) {
            float[] rows = sample.test().head(20).values();
            assertThat(a.encode(rows, 20)).containsExactly(b.encode(rows, 20));
        }
    }

    @Test
    void encodeDecodeEvaluateCompareAndLatentWorkOnAConvolutionalModel() throws Exception {
        Path codes = dir.resolve("codes.npy");
        CommandRun encode = CommandRun.of(
                "encode", "--model", conv.toString(), "--input", "mnist-sample", "--out", codes.toString());
        assertThat(encode.exitCode()).as(encode.err()).isZero();
        Path images = dir.resolve("decoded.npy");
        CommandRun decode = CommandRun.of(
                "decode", "--model", conv.toString(), "--input", codes.toString(), "--out", images.toString());
        assertThat(decode.exitCode()).as(decode.err()).isZero();
        try (Autoencoder model = Autoencoder.load(conv)) {
            Rows test = sample.test();
            assertThat(Arrays.equals(NpyReader.read(codes).values(), model.encode(test.values(), test.count())))
                    .isTrue();
            // decoding the codes runs the decoder from its own entry: the same values, up to the kernels' rounding
            float[] expected = model.reconstruct(test.values(), test.count());
            float[] got = NpyReader.read(images).values();
            assertThat(got).hasSameSizeAs(expected);
            for (int i = 0; i < expected.length; i += 997) {
                assertThat(got[i]).isCloseTo(expected[i], org.assertj.core.data.Offset.offset(1e-5f));
            }
        }
        for (String command : List.of("evaluate", "compare", "latent")) {
            List<String> args = new ArrayList<>(List.of(command, "--model", conv.toString()));
            if (command.equals("latent")) {
                args.addAll(List.of("--out", dir.resolve("latent.png").toString()));
            }
            CommandRun run = CommandRun.of(args.toArray(new String[0]));
            assertThat(run.exitCode()).as(command + ": " + run.err()).isZero();
        }
    }

    @Test
    void sampleDrawsTheSameRowsForTheSameSeedAndRefusesAModelThatCannotGenerate() throws Exception {
        Path a = dir.resolve("a.npy");
        Path b = dir.resolve("b.npy");
        Path c = dir.resolve("c.npy");
        for (Path out : List.of(a, b)) {
            CommandRun run = CommandRun.of(
                    "sample", "--model", convVae.toString(), "--count", "6", "--seed", "4", "--out", out.toString());
            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.out()).contains("Drew 6 samples from the prior (seed 4)");
        }
        CommandRun other = CommandRun.of(
                "sample", "--model", convVae.toString(), "--count", "6", "--seed", "5", "--out", c.toString());
        assertThat(other.exitCode()).as(other.err()).isZero();
        assertThat(Files.readAllBytes(a)).isEqualTo(Files.readAllBytes(b)).isNotEqualTo(Files.readAllBytes(c));
        try (Autoencoder model = Autoencoder.load(convVae)) {
            assertThat(NpyReader.read(a).values()).containsExactly(model.sample(6, 4));
        }
        Path png = dir.resolve("grid.png");
        CommandRun grid = CommandRun.of("sample", "--model", convVae.toString(), "--out", png.toString());
        assertThat(grid.exitCode()).as(grid.err()).isZero();
        assertThat(png).isRegularFile();

        assertRefused(
                "a conv model cannot generate samples; train one with --arch vae or --arch conv-vae",
                "sample",
                "--model",
                conv.toString(),
                "--out",
                dir.resolve("x.png").toString());
        assertThat(dir.resolve("x.png")).doesNotExist();
    }

    @Test
    void interpolateDecodesTheLineBetweenTheCodesOfTwoRows() throws Exception {
        Path out = dir.resolve("line.npy");
        CommandRun run = CommandRun.of(
                "interpolate",
                "--model",
                conv.toString(),
                "--input",
                "mnist-sample",
                "--indices",
                "3,17",
                "--steps",
                "5",
                "--out",
                out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        Rows line = NpyReader.read(out);
        assertThat(line.count()).isEqualTo(5);
        try (Autoencoder model = Autoencoder.load(conv)) {
            Rows ends = sample.test().select(new int[] {3, 17});
            float[] codes = model.encode(ends.values(), 2);
            float[] expected = model.decode(InterpolateCommand.line(codes, 8, 1, 5), 5);
            assertThat(line.values()).containsExactly(expected);
            float[] reconstructed = model.reconstruct(ends.values(), 2);
            for (int j = 0; j < 784; j += 37) {
                assertThat(line.values()[j]).isEqualTo(reconstructed[j]);
                assertThat(line.values()[4 * 784 + j]).isEqualTo(reconstructed[784 + j]);
            }
        }
        assertRefused(
                "--indices needs at least two rows",
                "interpolate",
                "--model",
                conv.toString(),
                "--input",
                "mnist-sample",
                "--indices",
                "3",
                "--out",
                dir.resolve("one.png").toString());
    }

    @Test
    void encodeSampleDrawsCodesAroundTheMeanAndTheElboScoresRows() throws Exception {
        Path mean = dir.resolve("mean.csv");
        Path drawn = dir.resolve("drawn.csv");
        Path again = dir.resolve("again.csv");
        assertThat(CommandRun.of(
                                "encode",
                                "--model",
                                convVae.toString(),
                                "--input",
                                "mnist-sample",
                                "--out",
                                mean.toString())
                        .exitCode())
                .isZero();
        for (Path out : List.of(drawn, again)) {
            CommandRun run = CommandRun.of(
                    "encode",
                    "--model",
                    convVae.toString(),
                    "--input",
                    "mnist-sample",
                    "--sample",
                    "--seed",
                    "9",
                    "--out",
                    out.toString());
            assertThat(run.exitCode()).as(run.err()).isZero();
        }
        assertThat(Files.readString(drawn)).isEqualTo(Files.readString(again)).isNotEqualTo(Files.readString(mean));
        assertRefused(
                "--sample draws codes from a variational model",
                "encode",
                "--model",
                conv.toString(),
                "--input",
                "mnist-sample",
                "--sample",
                "--out",
                dir.resolve("no.csv").toString());

        Path scores = dir.resolve("scores");
        CommandRun anomalies = CommandRun.of(
                "anomalies",
                "--model",
                convVae.toString(),
                "--input",
                "mnist-sample",
                "--score",
                "elbo",
                "--out",
                scores.toString());
        assertThat(anomalies.exitCode()).as(anomalies.err()).isZero();
        assertThat(anomalies.out()).contains("negative ELBO above");
        List<String> lines = Files.readAllLines(scores.resolve("scores.csv"));
        int column = List.of(lines.get(0).split(",", -1)).indexOf("negative_elbo");
        assertThat(column).as(lines.get(0)).isNotNegative();
        assertThat(lines).hasSize(sample.test().count() + 1);
        try (Autoencoder model = Autoencoder.load(convVae)) {
            float[] expected =
                    model.rowNegativeElbo(sample.test().values(), sample.test().count());
            for (int i = 0; i < expected.length; i += 97) {
                assertThat(Float.parseFloat(lines.get(i + 1).split(",", -1)[column]))
                        .isEqualTo(expected[i]);
            }
        }
        assertRefused(
                "--score elbo needs a variational model",
                "anomalies",
                "--model",
                conv.toString(),
                "--input",
                "mnist-sample",
                "--score",
                "elbo",
                "--out",
                dir.resolve("no").toString());
    }

    @Test
    void theSavedModelOfAVaeHasASampleSignatureThatDrawsWhatTheModelDraws() throws Exception {
        Path export = dir.resolve("saved");
        CommandRun run = CommandRun.of("export", "--model", convVae.toString(), "--out", export.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("sample (count, seed -> x_hat)");
        try (SavedModelBundle bundle = SavedModelBundle.load(export.toString(), "serve");
                Autoencoder model = Autoencoder.load(convVae);
                TInt32 count = TInt32.scalarOf(4);
                TInt64 seed = TInt64.vectorOf(3, 0);
                Result result = bundle.function("sample").call(Map.of("count", count, "seed", seed))) {
            assertThat(bundle.signatures())
                    .extracting(Signature::key)
                    .contains("encode", "decode", "reconstruct", "sample");
            float[] drawn = new float[4 * 784];
            ((TFloat32) result.get("x_hat").orElseThrow()).copyTo(DataBuffers.of(drawn, false, false));
            assertThat(drawn).containsExactly(model.sample(4, 3));
        }
    }

    @Test
    void aConvolutionalSavedModelEncodesAndReconstructsAsTheModelDoes() throws Exception {
        Path export = dir.resolve("conv-saved");
        CommandRun run = CommandRun.of("export", "--model", conv.toString(), "--out", export.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        float[] rows = sample.test().head(7).values();
        try (SavedModelBundle bundle = SavedModelBundle.load(export.toString(), "serve");
                Autoencoder model = Autoencoder.load(conv);
                Autoencoder loaded = Autoencoder.load(export);
                TFloat32 x =
                        TFloat32.tensorOf(org.tensorflow.ndarray.Shape.of(7, 784), DataBuffers.of(rows, true, false));
                Result codes = bundle.function("encode").call(Map.of("x", x));
                Result images = bundle.function("reconstruct").call(Map.of("x", x))) {
            float[] code = new float[7 * 8];
            ((TFloat32) codes.get("code").orElseThrow()).copyTo(DataBuffers.of(code, false, false));
            assertThat(code).containsExactly(model.encode(rows, 7));
            float[] image = new float[7 * 784];
            ((TFloat32) images.get("x_hat").orElseThrow()).copyTo(DataBuffers.of(image, false, false));
            assertThat(image).containsExactly(model.reconstruct(rows, 7));
            // the SavedModel loads back as a deepae model of the same family
            assertThat(loaded.spec()).isEqualTo(model.spec());
            assertThat(loaded.encode(rows, 7)).containsExactly(model.encode(rows, 7));
        }
    }

    @Test
    void theReportOfATwoValueVaeShowsItsLatentManifold() throws Exception {
        Path html = dir.resolve("report.html");
        CommandRun run = CommandRun.of("report", "--model", convVae.toString(), "--out", html.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(Files.readString(html)).contains("Latent manifold", "Latent map");
    }

    @Test
    void aFolderOfColourPngsTrainsAConvolutionalModelWithEarlyStopping() throws Exception {
        Path images = dir.resolve("images");
        java.util.Random random = new java.util.Random(3);
        for (String label : List.of("red", "blue")) {
            Files.createDirectories(images.resolve(label));
            for (int n = 0; n < 16; n++) {
                java.awt.image.BufferedImage image =
                        new java.awt.image.BufferedImage(8, 8, java.awt.image.BufferedImage.TYPE_INT_RGB);
                for (int y = 0; y < 8; y++) {
                    for (int x = 0; x < 8; x++) {
                        int v = 60 + random.nextInt(120);
                        image.setRGB(x, y, label.equals("red") ? v << 16 | (v / 3) << 8 : (v / 3) << 8 | v);
                    }
                }
                javax.imageio.ImageIO.write(
                        image, "png", images.resolve(label).resolve(n + ".png").toFile());
            }
        }
        Path run = dir.resolve("colour");
        CommandRun train = CommandRun.of(
                "train",
                "--dataset",
                images.toString(),
                "--arch",
                "conv",
                "--filters",
                "4",
                "--code-size",
                "4",
                "--epochs",
                "12",
                "--batch-size",
                "8",
                "--validation-split",
                "0.25",
                "--early-stopping",
                "patience=2,min-delta=0",
                "--threads",
                "1",
                "--out",
                run.toString());
        assertThat(train.exitCode()).as(train.err()).isZero();
        assertThat(train.err()).contains("Training 8x8x3 conv 4 k3 -> 4x4x4 -> code 4");
        JsonNode spec = JSON.readTree(run.resolve("model").resolve("model.json").toFile());
        assertThat(spec.path("spec").path("image_channels").asInt()).isEqualTo(3);
        JsonNode metrics = JSON.readTree(run.resolve("metrics.json").toFile());
        int chosen = metrics.path("final_epoch").asInt();
        JsonNode epochs = metrics.path("epochs");
        assertThat(chosen).isBetween(1, epochs.size());
        // the model kept is the chosen epoch's: its test loss is the run's final one
        assertThat(metrics.path("final_test_loss").asDouble())
                .isEqualTo(epochs.get(chosen - 1).path("test_loss").asDouble())
                .isEqualTo(spec.path("metrics").path("final_test_loss").asDouble());
        CommandRun line = CommandRun.of(
                "interpolate",
                "--model",
                run.resolve("model").toString(),
                "--input",
                images.toString(),
                "--indices",
                "0,1",
                "--out",
                dir.resolve("colour.npy").toString());
        assertThat(line.exitCode()).as(line.err()).isZero();
        assertThat(NpyReader.read(dir.resolve("colour.npy")).width()).isEqualTo(8 * 8 * 3);
    }

    @Test
    void aFourDimensionalNpyArrayOfTwoChannelImagesTrainsAConvolutionalModel() throws Exception {
        Path npy = dir.resolve("maps.npy");
        float[] values = new float[30 * 6 * 6 * 2];
        for (int i = 0; i < values.length; i++) {
            values[i] = ((i * 7919) % 101) / 100f;
        }
        NpyWriter.writeFloat32(npy, values, 30, 6, 6, 2);
        Path run = dir.resolve("maps");
        CommandRun train = CommandRun.of(
                "train",
                "--dataset",
                npy.toString(),
                "--arch",
                "conv",
                "--filters",
                "3",
                "--epochs",
                "1",
                "--threads",
                "1",
                "--out",
                run.toString());
        assertThat(train.exitCode()).as(train.err()).isZero();
        assertThat(train.err()).contains("Training 6x6x2 conv 3 k3 -> 3x3x3 on maps.npy");
        Path decoded = dir.resolve("back.npy");
        CommandRun reconstruct = CommandRun.of(
                "encode",
                "--model",
                run.resolve("model").toString(),
                "--input",
                npy.toString(),
                "--out",
                decoded.toString());
        assertThat(reconstruct.exitCode()).as(reconstruct.err()).isZero();
        // the feature map is the code: 3 x 3 x 3 values per image
        assertThat(NpyReader.read(decoded).width()).isEqualTo(27);
    }

    @Test
    void aConvolutionalNetworkIsRefusedForATableInOneLine() throws Exception {
        Path csv = dir.resolve("table.csv");
        StringBuilder text = new StringBuilder("a,b,c\n");
        for (int i = 0; i < 40; i++) {
            text.append(i).append(',').append(i % 3).append(',').append(i * 0.5).append('\n');
        }
        Files.writeString(csv, text);
        assertRefused(
                "--arch conv needs images (IDX, NPY of 3 or 4 dimensions, or a folder of PNGs); this data is a table "
                        + "of 3 values per row",
                "train",
                "--dataset",
                csv.toString(),
                "--arch",
                "conv",
                "--out",
                dir.resolve("run").toString());
        assertThat(dir.resolve("run")).doesNotExist();
    }
}
