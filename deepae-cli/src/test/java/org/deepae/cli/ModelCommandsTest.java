package org.deepae.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.deepae.data.CsvReader;
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

/** encode, decode, reconstruct, evaluate and export on a model trained by {@code deepae train}. */
@Tag("slow")
class ModelCommandsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path shared;

    private static Path model;
    private static Dataset sample;

    @TempDir
    Path dir;

    @BeforeAll
    static void trainASmallModel() throws Exception {
        Path run = shared.resolve("run");
        CommandRun train = CommandRun.of(
                "train",
                "--dataset",
                "mnist-sample",
                "--epochs",
                "1",
                "--layers",
                "32,8",
                "--batch-size",
                "200",
                "--threads",
                "1",
                "--out",
                run.toString());
        assertThat(train.exitCode()).as(train.err()).isZero();
        model = run.resolve("model");
        sample = new DatasetCatalog(shared.resolve("cache")).load("mnist-sample");
    }

    @Test
    void encodeWritesCsvWithHeaderAndLabelsEqualToTheModelsCodes() throws Exception {
        Path out = dir.resolve("codes.csv");
        CommandRun run = CommandRun.of(
                "encode", "--model", model.toString(), "--input", "mnist-sample", "--out", out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Encoded 2000 rows", "codes of 8 values", out.toString());
        assertThat(Files.readAllLines(out).get(0))
                .isEqualTo("code_0,code_1,code_2,code_3,code_4,code_5,code_6,code_7,label");
        Rows codes = CsvReader.read(out);
        assertThat(codes.count()).isEqualTo(2000);
        assertThat(codes.width()).isEqualTo(8);
        assertThat(codes.labels()).containsExactly(sample.test().labels());
        try (Autoencoder autoencoder = Autoencoder.load(model)) {
            assertThat(codes.values())
                    .containsExactly(autoencoder.encode(sample.test().values(), 2000));
        }
    }

    @Test
    void encodeTheTrainingSplitToNpyThenDecodeBack() throws Exception {
        Path codes = dir.resolve("codes.npy");
        CommandRun encode = CommandRun.of(
                "encode",
                "--model",
                model.toString(),
                "--input",
                "mnist-sample",
                "--split",
                "train",
                "--out",
                codes.toString());
        assertThat(encode.exitCode()).as(encode.err()).isZero();
        Rows read = NpyReader.read(codes);
        assertThat(read.count()).isEqualTo(8000);

        Path images = dir.resolve("images.npy");
        CommandRun decode = CommandRun.of(
                "decode", "--model", model.toString(), "--input", codes.toString(), "--out", images.toString());
        assertThat(decode.exitCode()).as(decode.err()).isZero();
        Rows decoded = NpyReader.read(images);
        assertThat(decoded.count()).isEqualTo(8000);
        assertThat(decoded.imageHeight()).isEqualTo(28);
        try (Autoencoder autoencoder = Autoencoder.load(model)) {
            float[] expected = autoencoder.reconstruct(sample.train().values(), 8000);
            float[] got = decoded.values();
            for (int i = 0; i < expected.length; i += 997) {
                assertThat(got[i]).isCloseTo(expected[i], org.assertj.core.data.Offset.offset(1e-5f));
            }
        }
    }

    @Test
    void decodeDrawsAGalleryOfTenPerRow() throws Exception {
        Path codes = dir.resolve("few.npy");
        float[] values = new float[12 * 8];
        for (int i = 0; i < values.length; i++) {
            values[i] = (i % 7) * 0.5f;
        }
        NpyWriter.writeFloat32(codes, values, 12, 8);
        Path png = dir.resolve("decoded.png");
        CommandRun run = CommandRun.of(
                "decode", "--model", model.toString(), "--input", codes.toString(), "--out", png.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getHeight()).isEqualTo(10 + 112 + 4 + 112 + 10);
    }

    @Test
    void reconstructDrawsTheChosenRowsAboveTheirReconstructions() throws Exception {
        Path png = dir.resolve("grid.png");
        CommandRun run = CommandRun.of(
                "reconstruct",
                "--model",
                model.toString(),
                "--input",
                "mnist-sample",
                "--indices",
                "3,17,1999",
                "--out",
                png.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Drew 3 rows");
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getHeight()).isEqualTo(10 + 112 + 4 + 112 + 10);

        CommandRun many = CommandRun.of(
                "reconstruct",
                "--model",
                model.toString(),
                "--input",
                "mnist-sample",
                "--count",
                "12",
                "--out",
                png.toString());
        assertThat(many.exitCode()).as(many.err()).isZero();
        assertThat(ImageIO.read(png.toFile()).getHeight()).isEqualTo(10 + 4 * 112 + 3 * 4 + 10);
    }

    @Test
    void evaluateReportsMsePsnrAndPerClassErrorOnTheTrainingDataByDefault() throws Exception {
        CommandRun run = CommandRun.of("evaluate", "--model", model.toString(), "--json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode result = JSON.readTree(run.out());
        assertThat(result.path("dataset").path("name").asText()).isEqualTo("mnist-sample");
        assertThat(result.path("rows").asInt()).isEqualTo(2000);
        double mse = result.path("mean_squared_error").asDouble();
        assertThat(result.path("psnr_db").asDouble())
                .isCloseTo(10 * Math.log10(1 / mse), org.assertj.core.data.Offset.offset(1e-9));
        assertThat(result.path("per_class")).hasSize(10);
        int rows = 0;
        for (JsonNode c : result.path("per_class")) {
            rows += c.path("rows").asInt();
        }
        assertThat(rows).isEqualTo(2000);
        try (Autoencoder autoencoder = Autoencoder.load(model)) {
            assertThat(mse)
                    .isCloseTo(
                            autoencoder.meanSquaredError(sample.test().values(), 2000),
                            org.assertj.core.data.Offset.offset(1e-6));
        }
        CommandRun readable = CommandRun.of("evaluate", "--model", model.toString(), "--dataset", "mnist-sample");
        assertThat(readable.out()).contains("mnist-sample, test split: 2000 images", "PSNR", "per class:");
    }

    @Test
    void exportThenUseTheSavedModelLikeAModel() throws Exception {
        Path saved = dir.resolve("saved");
        CommandRun run = CommandRun.of("export", "--model", model.toString(), "--out", saved.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(saved.resolve("saved_model.pb")).isRegularFile();
        Path fromDir = dir.resolve("a.npy");
        Path fromSaved = dir.resolve("b.npy");
        assertThat(CommandRun.of(
                                "encode",
                                "--model",
                                model.toString(),
                                "--input",
                                "mnist-sample",
                                "--out",
                                fromDir.toString())
                        .exitCode())
                .isZero();
        assertThat(CommandRun.of(
                                "encode",
                                "--model",
                                saved.toString(),
                                "--input",
                                "mnist-sample",
                                "--out",
                                fromSaved.toString())
                        .exitCode())
                .isZero();
        assertThat(Files.readAllBytes(fromSaved)).isEqualTo(Files.readAllBytes(fromDir));

        CommandRun again = CommandRun.of("export", "--model", model.toString(), "--out", saved.toString());
        assertThat(again.exitCode()).isEqualTo(2);
        assertThat(again.err()).contains("already exists", "--overwrite");
    }

    @Test
    void badOptionsExitWithTwo() throws Exception {
        for (List<String> args : List.of(
                List.of(
                        "encode",
                        "--model",
                        dir.resolve("nope").toString(),
                        "--input",
                        "mnist-sample",
                        "--out",
                        "x.npy"),
                List.of("encode", "--model", model.toString(), "--input", "no-such-thing", "--out", "x.npy"),
                List.of(
                        "encode",
                        "--model",
                        model.toString(),
                        "--input",
                        "mnist-sample",
                        "--out",
                        dir.resolve("x.txt").toString()),
                List.of(
                        "reconstruct",
                        "--model",
                        model.toString(),
                        "--input",
                        "mnist-sample",
                        "--count",
                        "0",
                        "--out",
                        dir.resolve("x.png").toString()),
                List.of("encode", "--input", "mnist-sample", "--out", "x.npy"))) {
            CommandRun run = CommandRun.of(args.toArray(String[]::new));
            assertThat(run.exitCode()).as(args + ": " + run.err()).isEqualTo(2);
            assertThat(run.err().strip().lines()).as(args.toString()).hasSize(1);
        }
        try (var files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void badInputIsOneLineNamingTheFileAndNothingIsWritten() throws Exception {
        Path narrow = Files.writeString(dir.resolve("narrow.csv"), "a,b,c\n1,2,3\n4,5,6\n");
        Path out = dir.resolve("codes.csv");
        CommandRun run = CommandRun.of(
                "encode", "--model", model.toString(), "--input", narrow.toString(), "--out", out.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().strip().lines()).hasSize(1);
        assertThat(run.err()).contains(narrow.toString(), "784");
        assertThat(out).doesNotExist();

        StringBuilder csv = new StringBuilder();
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 784; c++) {
                csv.append(c > 0 ? "," : "").append(r == 2 && c == 5 ? "NaN" : "0.5");
            }
            csv.append('\n');
        }
        Path nan = Files.writeString(dir.resolve("nan.csv"), csv);
        CommandRun nanRun = CommandRun.of(
                "encode", "--model", model.toString(), "--input", nan.toString(), "--out", out.toString());
        assertThat(nanRun.exitCode()).isEqualTo(1);
        assertThat(nanRun.err()).contains(nan.toString()).containsIgnoringCase("NaN");
        assertThat(out).doesNotExist();
    }

    @Test
    void aDirectoryThatIsNotAModelIsABadFile() throws Exception {
        CommandRun run = CommandRun.of("evaluate", "--model", dir.toString(), "--dataset", "mnist-sample");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains(dir.toString(), "no model.json");
    }
}
