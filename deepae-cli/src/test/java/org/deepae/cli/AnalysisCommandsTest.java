package org.deepae.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.deepae.analysis.ThresholdFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** compare, latent, anomalies and report, end to end on the bundled sample. */
@Tag("slow")
class AnalysisCommandsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path shared;

    private static Path run;
    private static Path model;

    @TempDir
    Path dir;

    @BeforeAll
    static void train() {
        run = shared.resolve("run");
        CommandRun train = CommandRun.of(
                "train",
                "--dataset",
                "mnist-sample",
                "--epochs",
                "2",
                "--layers",
                "64,8",
                "--batch-size",
                "100",
                "--threads",
                "2",
                "--out",
                run.toString());
        assertThat(train.exitCode()).as(train.err()).isZero();
        model = run.resolve("model");
    }

    @Test
    void trainingWritesTheLossCurveTheReportAndAThreshold() throws Exception {
        BufferedImage loss = ImageIO.read(run.resolve("loss.png").toFile());
        assertThat(loss.getWidth()).isEqualTo(800);
        String html = Files.readString(run.resolve("report.html"));
        assertThat(html)
                .startsWith("<!DOCTYPE html>")
                .contains("Loss per epoch", "Reconstructions", "Autoencoder and PCA", "Latent map", "mnist-sample")
                .doesNotContain("http://", "https://");
        assertThat(html.split("<img ", -1)).hasSize(1 + 3);
        assertThat(ThresholdFile.load(model)).get().satisfies(saved -> {
            assertThat(saved.threshold().rule()).isEqualTo("mean + 3 sigma");
            assertThat(saved.reference()).isEqualTo("training set of mnist-sample (8000 images)");
        });
    }

    @Test
    void theRunsReportLoadsEveryImageInHeadlessChromium() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(
                org.deepae.testing.HeadlessChromium.installed(), "headless Chromium is not installed");
        org.deepae.testing.HeadlessChromium chromium = new org.deepae.testing.HeadlessChromium(dir);
        assertThat(chromium.dumpDom(run.resolve("report.html")))
                .contains("data-images-loaded=\"3\"", "data-images-total=\"3\"");
        Path png = dir.resolve("report.png");
        chromium.screenshot(run.resolve("report.html"), png, 1100, 2400);
        BufferedImage screenshot = ImageIO.read(png.toFile());
        assertThat(screenshot.getWidth()).isEqualTo(1100);
        java.util.Set<Integer> colours = new java.util.HashSet<>();
        for (int y = 0; y < screenshot.getHeight(); y += 7) {
            for (int x = 0; x < screenshot.getWidth(); x += 7) {
                colours.add(screenshot.getRGB(x, y));
            }
        }
        assertThat(colours).as("distinct colours in the screenshot").hasSizeGreaterThan(50);
    }

    @Test
    void compareReportsBothErrorsOnTheSameTestRows() throws Exception {
        CommandRun run = CommandRun.of("compare", "--model", model.toString(), "--json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode result = JSON.readTree(run.out());
        assertThat(result.path("code_size").asInt()).isEqualTo(8);
        assertThat(result.path("test_rows").asInt()).isEqualTo(2000);
        double ae = result.path("autoencoder_mse").asDouble();
        double pca = result.path("pca_mse").asDouble();
        assertThat(result.path("ratio").asDouble()).isCloseTo(ae / pca, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(result.path("per_class")).hasSize(10);
        assertThat(result.path("pca_explained_variance_ratio").asDouble()).isBetween(0.0, 1.0);

        CommandRun readable = CommandRun.of("compare", "--model", model.toString());
        assertThat(readable.out()).contains("code size 8", "autoencoder MSE", "PCA MSE", " all ");
    }

    @Test
    void latentDrawsTheProjectedCodes() throws Exception {
        Path png = dir.resolve("latent.png");
        CommandRun run = CommandRun.of("latent", "--model", model.toString(), "--out", png.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("2,000 mnist-sample test images (8-D codes, PCA to 2-D)");
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(800);
        assertThat(image.getHeight()).isEqualTo(600);
    }

    @Test
    void anomaliesScoresFlagsAndDrawsTheWorstRows() throws Exception {
        Path out = dir.resolve("anomalies");
        CommandRun run = CommandRun.of(
                "anomalies",
                "--model",
                model.toString(),
                "--input",
                "mnist-sample",
                "--threshold-percentile",
                "99",
                "--top",
                "12",
                "--out",
                out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("20 of 2000 rows flagged", "99th percentile");
        List<String> lines = Files.readAllLines(out.resolve("scores.csv"));
        assertThat(lines.get(0)).isEqualTo("index,label,error,flagged");
        assertThat(lines).hasSize(2001);
        assertThat(lines.stream().skip(1).filter(l -> l.endsWith(",true"))).hasSize(20);
        assertThat(ImageIO.read(out.resolve("errors.png").toFile()).getWidth()).isEqualTo(800);
        // 12 worst rows: two pairs of rows of ten, then a pair of two
        assertThat(ImageIO.read(out.resolve("worst.png").toFile()).getHeight()).isEqualTo(10 + 4 * 112 + 3 * 4 + 10);

        double worst = lines.stream()
                .skip(1)
                .mapToDouble(l -> Double.parseDouble(l.split(",", 0)[2]))
                .max()
                .orElseThrow();
        assertThat(run.out()).contains(String.format(java.util.Locale.ROOT, "error %.6f", worst));
    }

    @Test
    void anomaliesUseTheThresholdSavedWithTheModel() throws Exception {
        CommandRun run = CommandRun.of(
                "anomalies",
                "--model",
                model.toString(),
                "--input",
                "mnist-sample",
                "--out",
                dir.resolve("a").toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out())
                .contains("mean + 3 sigma of the training set of mnist-sample (8000 images), saved with the model");
    }

    @Test
    void reportWorksForAnyModelAndFindsItsRunsHistory() throws Exception {
        Path html = dir.resolve("report.html");
        CommandRun run = CommandRun.of("report", "--model", model.toString(), "--out", html.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        String text = Files.readString(html);
        assertThat(text).contains("Loss per epoch").doesNotContain("No training history");
        assertThat(text.split("<img ", -1)).hasSize(1 + 3);
    }

    @Test
    void badAnalysisOptionsExitWithTwo() {
        List<List<String>> cases = List.of(
                List.of(
                        "anomalies",
                        "--model",
                        model.toString(),
                        "--input",
                        "mnist-sample",
                        "--threshold-sigma",
                        "2",
                        "--threshold-percentile",
                        "99",
                        "--out",
                        dir.resolve("x").toString()),
                List.of(
                        "anomalies",
                        "--model",
                        model.toString(),
                        "--input",
                        "mnist-sample",
                        "--threshold-percentile",
                        "101",
                        "--out",
                        dir.resolve("x").toString()),
                List.of(
                        "latent",
                        "--model",
                        model.toString(),
                        "--out",
                        dir.resolve("x.jpg").toString()),
                List.of(
                        "report",
                        "--model",
                        model.toString(),
                        "--dataset",
                        "nope",
                        "--out",
                        dir.resolve("r.html").toString()));
        for (List<String> args : cases) {
            CommandRun run = CommandRun.of(args.toArray(String[]::new));
            assertThat(run.exitCode()).as(args + ": " + run.err()).isEqualTo(2);
            assertThat(run.err().strip().lines()).as(args.toString()).hasSize(1);
        }
        assertThat(dir.resolve("x")).doesNotExist();
    }
}
