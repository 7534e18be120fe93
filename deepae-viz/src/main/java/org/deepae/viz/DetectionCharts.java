package org.deepae.viz;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.deepae.analysis.DetectionMetrics;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The ROC curve and the precision-recall curve of one or more anomaly detectors on the same labelled rows (for
 * example the autoencoder and its PCA baseline), one line per detector with its AUC or average precision in the
 * legend, the chance diagonal under the ROC curves and the positive rate under the precision-recall curves.
 *
 * @param rocTitle the ROC chart's title
 * @param precisionRecallTitle the precision-recall chart's title
 * @param width image width in pixels
 * @param height image height in pixels
 */
public record DetectionCharts(String rocTitle, String precisionRecallTitle, int width, int height) {

    /** The legend name of the ROC chart's diagonal. */
    static final String CHANCE = "chance (AUC 0.500)";

    private static final Color BASELINE = new Color(0x888888);

    public DetectionCharts {
        Objects.requireNonNull(rocTitle, "rocTitle");
        Objects.requireNonNull(precisionRecallTitle, "precisionRecallTitle");
        ChartTheme.requireSize(width, height);
    }

    /** 800x500 charts titled "ROC curve" and "Precision-recall curve". */
    public static DetectionCharts standard() {
        return new DetectionCharts("ROC curve", "Precision-recall curve", 800, 500);
    }

    /** These charts with other titles. */
    public DetectionCharts withTitles(String roc, String precisionRecall) {
        return new DetectionCharts(roc, precisionRecall, width, height);
    }

    /** These charts at another size. */
    public DetectionCharts withSize(int newWidth, int newHeight) {
        return new DetectionCharts(rocTitle, precisionRecallTitle, newWidth, newHeight);
    }

    /**
     * Draws the ROC curves.
     *
     * @param detectors each detector's metrics by its name, in the legend's order (use a {@code LinkedHashMap})
     */
    public BufferedImage renderRoc(Map<String, DetectionMetrics> detectors) {
        return PngImages.render(rocChart(detectors));
    }

    /** The ROC curves (see {@link #renderRoc}) as PNG bytes, for embedding in a report. */
    public byte[] rocPng(Map<String, DetectionMetrics> detectors) {
        return PngImages.bytes(renderRoc(detectors));
    }

    /** Draws the ROC curves (see {@link #renderRoc}) and writes them to {@code png} atomically. */
    public void writeRoc(Path png, Map<String, DetectionMetrics> detectors) throws IOException {
        PngImages.write(png, renderRoc(detectors));
    }

    /**
     * Draws the precision-recall curves as steps, the way average precision sums them.
     *
     * @param detectors each detector's metrics by its name, in the legend's order (use a {@code LinkedHashMap})
     */
    public BufferedImage renderPrecisionRecall(Map<String, DetectionMetrics> detectors) {
        return PngImages.render(precisionRecallChart(detectors));
    }

    /** The precision-recall curves (see {@link #renderPrecisionRecall}) as PNG bytes, for embedding in a report. */
    public byte[] precisionRecallPng(Map<String, DetectionMetrics> detectors) {
        return PngImages.bytes(renderPrecisionRecall(detectors));
    }

    /** Draws the precision-recall curves (see {@link #renderPrecisionRecall}) and writes them to a file atomically. */
    public void writePrecisionRecall(Path png, Map<String, DetectionMetrics> detectors) throws IOException {
        PngImages.write(png, renderPrecisionRecall(detectors));
    }

    XYChart rocChart(Map<String, DetectionMetrics> detectors) {
        requireDetectors(detectors);
        XYChart chart = unitChart(rocTitle, "false positive rate", "true positive rate");
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideSE);
        baseline(chart, CHANCE, new double[] {0, 1}, new double[] {0, 1});
        int index = 0;
        for (Map.Entry<String, DetectionMetrics> entry : detectors.entrySet()) {
            DetectionMetrics.Curve roc = entry.getValue().rocCurve();
            String label = entry.getKey() + " (AUC " + format(entry.getValue().rocAuc()) + ")";
            line(chart, label, roc.x(), roc.y(), index++);
        }
        return chart;
    }

    XYChart precisionRecallChart(Map<String, DetectionMetrics> detectors) {
        requireDetectors(detectors);
        XYChart chart = unitChart(precisionRecallTitle, "recall", "precision");
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideSW);
        int index = 0;
        for (Map.Entry<String, DetectionMetrics> entry : detectors.entrySet()) {
            DetectionMetrics.Curve pr = entry.getValue().precisionRecallCurve();
            double[] recall = pr.x();
            double[] precision = pr.y();
            // Precision y[i] holds from recall x[i - 1] to x[i]: a vertical step at x[i - 1], then across.
            double[] xs = new double[2 * recall.length - 1];
            double[] ys = new double[xs.length];
            xs[0] = recall[0];
            ys[0] = precision[0];
            for (int i = 1; i < recall.length; i++) {
                xs[2 * i - 1] = recall[i - 1];
                ys[2 * i - 1] = precision[i];
                xs[2 * i] = recall[i];
                ys[2 * i] = precision[i];
            }
            String label = entry.getKey() + " (AP " + format(entry.getValue().averagePrecision()) + ")";
            line(chart, label, xs, ys, index++);
        }
        // Detectors scored on the same rows share one baseline; otherwise each gets its own.
        Set<Double> rates = new LinkedHashSet<>();
        detectors.values().forEach(metrics -> rates.add(metrics.positiveRate()));
        for (Map.Entry<String, DetectionMetrics> entry : detectors.entrySet()) {
            double rate = entry.getValue().positiveRate();
            String label = "positive rate " + format(rate);
            if (rates.size() > 1) {
                baseline(chart, entry.getKey() + ": " + label, new double[] {0, 1}, new double[] {rate, rate});
            } else {
                baseline(chart, label, new double[] {0, 1}, new double[] {rate, rate});
                break;
            }
        }
        return chart;
    }

    private XYChart unitChart(String title, String xAxisTitle, String yAxisTitle) {
        XYChart chart = ChartTheme.chart(width, height, title, xAxisTitle, yAxisTitle);
        chart.getStyler().setXAxisMin(0.0);
        chart.getStyler().setXAxisMax(1.0);
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setYAxisMax(1.0);
        chart.getStyler().setXAxisDecimalPattern("0.0");
        chart.getStyler().setYAxisDecimalPattern("0.0");
        return chart;
    }

    private static void line(XYChart chart, String label, double[] xs, double[] ys, int index) {
        XYSeries line = chart.addSeries(label, xs, ys);
        line.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        line.setMarker(SeriesMarkers.NONE);
        line.setLineColor(ChartTheme.color(index));
        line.setLineStyle(new BasicStroke(2.2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
    }

    private static void baseline(XYChart chart, String label, double[] xs, double[] ys) {
        XYSeries line = chart.addSeries(label, xs, ys);
        line.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        line.setMarker(SeriesMarkers.NONE);
        line.setLineColor(BASELINE);
        line.setLineStyle(
                new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {7f, 5f}, 0f));
    }

    private static void requireDetectors(Map<String, DetectionMetrics> detectors) {
        Objects.requireNonNull(detectors, "detectors");
        if (detectors.isEmpty()) {
            throw new IllegalArgumentException("a detection chart needs at least one detector");
        }
    }

    private static String format(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }
}
