package org.deepae.viz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import javax.imageio.ImageIO;
import org.deepae.analysis.DetectionMetrics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;

class DetectionChartsTest {

    /** 2,000 rows, 5% anomalies, scored by a detector that separates them by {@code separation} standard deviations. */
    private static DetectionMetrics detector(double separation, long seed) {
        Random random = new Random(seed);
        int rows = 2000;
        float[] scores = new float[rows];
        boolean[] anomalies = new boolean[rows];
        for (int i = 0; i < rows; i++) {
            anomalies[i] = i % 20 == 0;
            scores[i] = (float) (random.nextGaussian() + (anomalies[i] ? separation : 0));
        }
        return DetectionMetrics.of(scores, anomalies, 1.5);
    }

    private static Map<String, DetectionMetrics> autoencoderAndPca() {
        Map<String, DetectionMetrics> detectors = new LinkedHashMap<>();
        detectors.put("autoencoder", detector(2.5, 1));
        detectors.put("PCA", detector(1.0, 2));
        return detectors;
    }

    @Test
    void writesDecodablePngsOfTheDefaultSizeAndNoTemporaryFile(@TempDir Path dir) throws Exception {
        Path roc = dir.resolve("roc").resolve("roc.png");
        Path pr = dir.resolve("pr").resolve("pr.png");
        Files.createDirectories(roc.getParent());
        Files.createDirectories(pr.getParent());
        DetectionCharts.standard().writeRoc(roc, autoencoderAndPca());
        DetectionCharts.standard().writePrecisionRecall(pr, autoencoderAndPca());
        Pictures.assertDrawn(Pictures.readOnlyFile(roc), 800, 500);
        Pictures.assertDrawn(Pictures.readOnlyFile(pr), 800, 500);
        assertThat(Files.size(roc)).isGreaterThan(10_000);
        assertThat(Files.size(pr)).isGreaterThan(10_000);
    }

    @Test
    void encodesPngBytesForTheReport() throws Exception {
        DetectionCharts charts = DetectionCharts.standard().withSize(600, 400);
        for (byte[] png : new byte[][] {
            charts.rocPng(autoencoderAndPca()), charts.precisionRecallPng(Map.of("autoencoder", detector(2.5, 1)))
        }) {
            assertThat(png).startsWith(0x89, 'P', 'N', 'G');
            assertThat(png.length).isGreaterThan(10_000);
            Pictures.assertDrawn(ImageIO.read(new ByteArrayInputStream(png)), 600, 400);
        }
    }

    @Test
    void rocChartHasTheChanceDiagonalAndEachDetectorsAucInTheLegend() {
        Map<String, DetectionMetrics> detectors = autoencoderAndPca();
        XYChart chart = DetectionCharts.standard().rocChart(detectors);
        String autoencoder = String.format(
                Locale.ROOT,
                "autoencoder (AUC %.3f)",
                detectors.get("autoencoder").rocAuc());
        assertThat(chart.getSeriesMap().keySet())
                .containsExactly(
                        DetectionCharts.CHANCE,
                        autoencoder,
                        String.format(
                                Locale.ROOT,
                                "PCA (AUC %.3f)",
                                detectors.get("PCA").rocAuc()));
        assertThat(chart.getSeriesMap().get(DetectionCharts.CHANCE).getXData()).containsExactly(0.0, 1.0);
        assertThat(chart.getSeriesMap().get(autoencoder).getXData())
                .hasSize(detectors.get("autoencoder").rocCurve().size());
        assertThat(chart.getTitle()).isEqualTo("ROC curve");
        assertThat(chart.getXAxisTitle()).isEqualTo("false positive rate");
        assertThat(chart.getYAxisTitle()).isEqualTo("true positive rate");
    }

    @Test
    void precisionRecallChartDrawsStepsWithTheApAndOnePositiveRateBaseline() {
        Map<String, DetectionMetrics> detectors = autoencoderAndPca();
        XYChart chart =
                DetectionCharts.standard().withTitles("ROC", "PR on test").precisionRecallChart(detectors);
        String autoencoder = String.format(
                Locale.ROOT,
                "autoencoder (AP %.3f)",
                detectors.get("autoencoder").averagePrecision());
        assertThat(chart.getSeriesMap().keySet())
                .containsExactly(
                        autoencoder,
                        String.format(
                                Locale.ROOT,
                                "PCA (AP %.3f)",
                                detectors.get("PCA").averagePrecision()),
                        "positive rate 0.050");
        int points = detectors.get("autoencoder").precisionRecallCurve().size();
        assertThat(chart.getSeriesMap().get(autoencoder).getXData()).hasSize(2 * points - 1);
        assertThat(chart.getSeriesMap().get("positive rate 0.050").getYData()).containsExactly(0.05, 0.05);
        assertThat(chart.getTitle()).isEqualTo("PR on test");
    }

    @Test
    void detectorsOnDifferentRowsGetABaselineEach() {
        Map<String, DetectionMetrics> detectors = new LinkedHashMap<>();
        detectors.put("a", DetectionMetrics.of(new double[] {1, 2, 3, 4}, new boolean[] {false, false, true, true}, 2));
        detectors.put(
                "b", DetectionMetrics.of(new double[] {1, 2, 3, 4}, new boolean[] {false, false, false, true}, 2));
        assertThat(DetectionCharts.standard()
                        .precisionRecallChart(detectors)
                        .getSeriesMap()
                        .keySet())
                .contains("a: positive rate 0.500", "b: positive rate 0.250");
    }

    @Test
    void refusesNoDetectorsAndTinySizes() {
        assertThatThrownBy(() -> DetectionCharts.standard().rocChart(Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least one detector");
        assertThatThrownBy(() -> DetectionCharts.standard().withSize(100, 100))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 200x150");
    }
}
