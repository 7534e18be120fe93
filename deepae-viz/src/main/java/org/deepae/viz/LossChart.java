package org.deepae.viz;

import java.awt.BasicStroke;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * A line chart of losses per epoch, one line per series (for example "train", "validation", "test"). The first epoch's
 * loss is often ten times the later ones, so by default ({@link AxisScale#AUTO}) the loss axis turns logarithmic when
 * the values span a factor of ten or more.
 *
 * @param title the chart's title
 * @param yAxisTitle the loss axis title, with its unit, e.g. "mean squared error"
 * @param yScale how the loss axis is scaled
 * @param width image width in pixels
 * @param height image height in pixels
 */
public record LossChart(String title, String yAxisTitle, AxisScale yScale, int width, int height) {

    public LossChart {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(yAxisTitle, "yAxisTitle");
        Objects.requireNonNull(yScale, "yScale");
        ChartTheme.requireSize(width, height);
    }

    /** An 800x500 chart of mean squared error with an automatic loss axis. */
    public static LossChart titled(String title) {
        return new LossChart(title, "mean squared error", AxisScale.AUTO, 800, 500);
    }

    /** This chart with the loss axis scaled by {@code scale}. */
    public LossChart withYScale(AxisScale scale) {
        return new LossChart(title, yAxisTitle, scale, width, height);
    }

    /** This chart with another loss axis title, e.g. "binary cross-entropy". */
    public LossChart withYAxisTitle(String axisTitle) {
        return new LossChart(title, axisTitle, yScale, width, height);
    }

    /** This chart at another size. */
    public LossChart withSize(int newWidth, int newHeight) {
        return new LossChart(title, yAxisTitle, yScale, newWidth, newHeight);
    }

    /**
     * Draws the losses.
     *
     * @param epochs the epoch numbers, e.g. 1 to 5
     * @param series losses by series name, one per epoch, in the legend's order (use a {@code LinkedHashMap});
     *     NaN or infinite values (a diverged or missing epoch) are left out
     */
    public BufferedImage render(List<Integer> epochs, Map<String, double[]> series) {
        return PngImages.render(chart(epochs, series));
    }

    /** Draws the losses (see {@link #render}) and writes them to {@code png} atomically. */
    public void write(Path png, List<Integer> epochs, Map<String, double[]> series) throws IOException {
        PngImages.write(png, render(epochs, series));
    }

    XYChart chart(List<Integer> epochs, Map<String, double[]> series) {
        Objects.requireNonNull(epochs, "epochs");
        Objects.requireNonNull(series, "series");
        if (series.isEmpty()) {
            throw new IllegalArgumentException("a loss chart needs at least one series");
        }
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (Map.Entry<String, double[]> entry : series.entrySet()) {
            double[] losses = entry.getValue();
            if (losses.length != epochs.size()) {
                throw new IllegalArgumentException("series '" + entry.getKey() + "' has " + losses.length
                        + " losses for " + epochs.size() + " epochs");
            }
            for (double loss : losses) {
                if (Double.isFinite(loss)) {
                    min = Math.min(min, loss);
                    max = Math.max(max, loss);
                }
            }
        }
        if (min > max) {
            throw new IllegalArgumentException("a loss chart needs at least one finite loss");
        }
        boolean log = yScale.logarithmic(min, max);

        XYChart chart = ChartTheme.chart(width, height, title, "epoch", yAxisTitle);
        chart.getStyler().setYAxisLogarithmic(log);
        chart.getStyler().setYAxisLogarithmicDecadeOnly(false);
        chart.getStyler().setMarkerSize(7);
        chart.getStyler().setYAxisDecimalPattern("0.0####");
        chart.getStyler().setxAxisTickLabelsFormattingFunction(LossChart::wholeNumbersOnly);
        int index = 0;
        for (Map.Entry<String, double[]> entry : series.entrySet()) {
            List<Integer> xs = new ArrayList<>();
            List<Double> ys = new ArrayList<>();
            double[] losses = entry.getValue();
            for (int i = 0; i < losses.length; i++) {
                if (Double.isFinite(losses[i])) {
                    xs.add(epochs.get(i));
                    ys.add(losses[i]);
                }
            }
            if (xs.isEmpty()) {
                index++;
                continue;
            }
            XYSeries line = chart.addSeries(entry.getKey(), xs, ys);
            line.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
            line.setMarker(SeriesMarkers.CIRCLE);
            line.setLineColor(ChartTheme.color(index));
            line.setMarkerColor(ChartTheme.color(index));
            line.setLineStyle(new BasicStroke(2.2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            index++;
        }
        return chart;
    }

    private static String wholeNumbersOnly(Double value) {
        long rounded = Math.round(value);
        return Math.abs(value - rounded) < 1e-9 ? Long.toString(rounded) : "";
    }
}
