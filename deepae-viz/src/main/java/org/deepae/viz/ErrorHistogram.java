package org.deepae.viz;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * A histogram of per-row reconstruction errors, with an optional vertical line at an anomaly threshold whose value
 * is shown in the legend.
 *
 * @param title the chart's title
 * @param xAxisTitle the error axis title, with its unit
 * @param yAxisTitle the count axis title
 * @param binCount how many equal-width bins span the errors, from the smallest to the largest
 * @param yScale how the count axis is scaled; {@link AxisScale#LOG} shows the few rows in a long tail
 * @param width image width in pixels
 * @param height image height in pixels
 */
public record ErrorHistogram(
        String title, String xAxisTitle, String yAxisTitle, int binCount, AxisScale yScale, int width, int height) {

    /** The legend name of the histogram's series. */
    static final String COUNTS = "images";

    private static final Color BARS = new Color(0x1f77b4);

    public ErrorHistogram {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(xAxisTitle, "xAxisTitle");
        Objects.requireNonNull(yAxisTitle, "yAxisTitle");
        Objects.requireNonNull(yScale, "yScale");
        if (binCount <= 0) {
            throw new IllegalArgumentException("bin count must be positive, got " + binCount);
        }
        ChartTheme.requireSize(width, height);
    }

    /** An anomaly threshold: its value and how it was chosen, such as "3 sigma" or "99th percentile". */
    public record Threshold(double value, String rule) {
        public Threshold {
            Objects.requireNonNull(rule, "rule");
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException("threshold must be finite, got " + value);
            }
        }

        /** The legend text, e.g. "threshold 0.0421 (3 sigma)". */
        public String label() {
            String number = String.format(Locale.ROOT, "%.3g", value);
            return rule.isBlank() ? "threshold " + number : "threshold " + number + " (" + rule + ")";
        }
    }

    /**
     * Equal-width bins from {@code lower} to {@code upper}: bin {@code i} holds the values in
     * {@code [edge(i), edge(i + 1))}, and the last bin also holds {@code upper}.
     */
    public record Bins(double lower, double upper, int[] counts) {
        public Bins {
            counts = counts.clone();
        }

        @Override
        public int[] counts() {
            return counts.clone();
        }

        /** The left edge of bin {@code i}; {@code edge(counts.length)} is {@code upper}. */
        public double edge(int i) {
            return i == counts.length ? upper : lower + (upper - lower) * i / counts.length;
        }

        /** The number of values in all bins. */
        public long total() {
            long total = 0;
            for (int count : counts) {
                total += count;
            }
            return total;
        }
    }

    /** An 800x500 histogram of 50 bins of "reconstruction error (MSE per image)" with a linear count axis. */
    public static ErrorHistogram titled(String title) {
        return new ErrorHistogram(
                title, "reconstruction error (MSE per image)", COUNTS, 50, AxisScale.LINEAR, 800, 500);
    }

    /** This histogram with {@code count} bins. */
    public ErrorHistogram withBins(int count) {
        return new ErrorHistogram(title, xAxisTitle, yAxisTitle, count, yScale, width, height);
    }

    /** This histogram with the count axis scaled by {@code scale}. */
    public ErrorHistogram withYScale(AxisScale scale) {
        return new ErrorHistogram(title, xAxisTitle, yAxisTitle, binCount, scale, width, height);
    }

    /** This histogram with other axis titles. */
    public ErrorHistogram withAxisTitles(String x, String y) {
        return new ErrorHistogram(title, x, y, binCount, yScale, width, height);
    }

    /** This histogram at another size. */
    public ErrorHistogram withSize(int newWidth, int newHeight) {
        return new ErrorHistogram(title, xAxisTitle, yAxisTitle, binCount, yScale, newWidth, newHeight);
    }

    /**
     * Counts {@code errors} in {@code count} equal-width bins from the smallest to the largest error (as numpy's
     * {@code histogram} does; when all errors are equal, the bins span that value plus and minus 0.5).
     */
    public static Bins bins(float[] errors, int count) {
        Objects.requireNonNull(errors, "errors");
        if (count <= 0) {
            throw new IllegalArgumentException("bin count must be positive, got " + count);
        }
        if (errors.length == 0) {
            throw new IllegalArgumentException("a histogram needs at least one error");
        }
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < errors.length; i++) {
            if (!Float.isFinite(errors[i])) {
                throw new IllegalArgumentException("error " + i + " is not finite: " + errors[i]);
            }
            min = Math.min(min, errors[i]);
            max = Math.max(max, errors[i]);
        }
        if (min == max) {
            min -= 0.5;
            max += 0.5;
        }
        int[] counts = new int[count];
        double scale = count / (max - min);
        for (float error : errors) {
            int bin = (int) ((error - min) * scale);
            counts[Math.min(Math.max(bin, 0), count - 1)]++;
        }
        return new Bins(min, max, counts);
    }

    /** Draws the histogram of {@code errors}. */
    public BufferedImage render(float[] errors) {
        return PngImages.render(chart(errors, null));
    }

    /** Draws the histogram of {@code errors} with a vertical line at {@code threshold}. */
    public BufferedImage render(float[] errors, Threshold threshold) {
        return PngImages.render(chart(errors, Objects.requireNonNull(threshold, "threshold")));
    }

    /** Draws the histogram of {@code errors} and writes it to {@code png} atomically. */
    public void write(Path png, float[] errors) throws IOException {
        PngImages.write(png, render(errors));
    }

    /** Draws the histogram with a threshold line and writes it to {@code png} atomically. */
    public void write(Path png, float[] errors, Threshold threshold) throws IOException {
        PngImages.write(png, render(errors, threshold));
    }

    XYChart chart(float[] errors, Threshold threshold) {
        Bins bins = bins(errors, binCount);
        int[] counts = bins.counts();
        int maxCount = 0;
        int minPositive = Integer.MAX_VALUE;
        for (int c : counts) {
            maxCount = Math.max(maxCount, c);
            if (c > 0) {
                minPositive = Math.min(minPositive, c);
            }
        }
        boolean log = yScale.logarithmic(minPositive, maxCount);
        // On a log axis an empty bin cannot be drawn at 0: the bars stand on 0.5, the bottom of the axis.
        double floor = log ? 0.5 : 0;

        // The bars as one outline: up and across each bin, back down to the floor at the end.
        double[] xs = new double[2 * counts.length + 2];
        double[] ys = new double[xs.length];
        xs[0] = bins.edge(0);
        ys[0] = floor;
        for (int i = 0; i < counts.length; i++) {
            double height = Math.max(counts[i], floor);
            xs[2 * i + 1] = bins.edge(i);
            ys[2 * i + 1] = height;
            xs[2 * i + 2] = bins.edge(i + 1);
            ys[2 * i + 2] = height;
        }
        xs[xs.length - 1] = bins.upper();
        ys[ys.length - 1] = floor;

        XYChart chart = ChartTheme.chart(width, height, title, xAxisTitle, yAxisTitle);
        chart.getStyler().setYAxisLogarithmic(log);
        chart.getStyler().setYAxisLogarithmicDecadeOnly(true);
        chart.getStyler().setYAxisMin(floor);
        chart.getStyler().setXAxisDecimalPattern(ChartTheme.axisPattern("0.0####", 5, xs[0], xs[xs.length - 1]));
        chart.getStyler().setYAxisDecimalPattern("#,##0");
        XYSeries bars = chart.addSeries(COUNTS, xs, ys);
        bars.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.PolygonArea);
        bars.setMarker(SeriesMarkers.NONE);
        bars.setLineColor(BARS);
        bars.setFillColor(ChartTheme.withAlpha(BARS, 110));
        bars.setLineStyle(new BasicStroke(1.2f));
        if (threshold != null) {
            double top = log ? maxCount * 2.0 : maxCount * 1.08;
            XYSeries line = chart.addSeries(
                    threshold.label(), new double[] {threshold.value(), threshold.value()}, new double[] {floor, top});
            line.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
            line.setMarker(SeriesMarkers.NONE);
            line.setLineColor(ChartTheme.MARKER_LINE);
            line.setLineStyle(
                    new BasicStroke(2.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {8f, 5f}, 0f));
        }
        return chart;
    }
}
