package org.deepae.viz;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * A scatter plot of 2-D points (codes projected to two dimensions), one colour per label with the class names in the
 * legend; a label keeps its colour from chart to chart. Markers are small and slightly transparent so that 10,000
 * points stay readable where they overlap.
 *
 * @param title the chart's title, e.g. "Codes of 10,000 test images (196-D, projected to 2-D with PCA)"
 * @param xAxisTitle the horizontal axis title, e.g. "first principal component"
 * @param yAxisTitle the vertical axis title
 * @param classNames names by label, e.g. Fashion-MNIST's; labels past the end are shown as numbers
 * @param width image width in pixels
 * @param height image height in pixels
 */
public record LatentScatter(
        String title, String xAxisTitle, String yAxisTitle, List<String> classNames, int width, int height) {

    /** The colour of points without a label. */
    static final Color UNLABELLED = new Color(0x3b5b92);

    private static final int MARKER_SIZE = 4;
    private static final int ALPHA = 150;

    public LatentScatter {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(xAxisTitle, "xAxisTitle");
        Objects.requireNonNull(yAxisTitle, "yAxisTitle");
        classNames = List.copyOf(classNames);
        ChartTheme.requireSize(width, height);
    }

    /** An 800x600 scatter with axes titled "component 1" and "component 2" and labels shown as numbers. */
    public static LatentScatter titled(String title) {
        return new LatentScatter(title, "component 1", "component 2", List.of(), 800, 600);
    }

    /** This scatter with the legend naming each label, e.g. {@code ClassNames.FASHION_MNIST}. */
    public LatentScatter withClassNames(List<String> names) {
        return new LatentScatter(title, xAxisTitle, yAxisTitle, names, width, height);
    }

    /** This scatter with other axis titles. */
    public LatentScatter withAxisTitles(String x, String y) {
        return new LatentScatter(title, x, y, classNames, width, height);
    }

    /** This scatter at another size. */
    public LatentScatter withSize(int newWidth, int newHeight) {
        return new LatentScatter(title, xAxisTitle, yAxisTitle, classNames, newWidth, newHeight);
    }

    /** Draws unlabelled points, all in one colour; {@code points[i]} is {@code {x, y}}. */
    public BufferedImage render(float[][] points) {
        return PngImages.render(chart(points, null));
    }

    /** Draws points coloured by {@code labels} (one per point; a negative label means none). */
    public BufferedImage render(float[][] points, int[] labels) {
        return PngImages.render(chart(points, Objects.requireNonNull(labels, "labels")));
    }

    /** Draws unlabelled points and writes them to {@code png} atomically. */
    public void write(Path png, float[][] points) throws IOException {
        PngImages.write(png, render(points));
    }

    /** Draws points coloured by label and writes them to {@code png} atomically. */
    public void write(Path png, float[][] points, int[] labels) throws IOException {
        PngImages.write(png, render(points, labels));
    }

    /** The legend text of {@code label}. */
    String name(int label) {
        if (label < 0) {
            return "unlabelled";
        }
        return label < classNames.size() ? classNames.get(label) : String.valueOf(label);
    }

    XYChart chart(float[][] points, int[] labels) {
        Objects.requireNonNull(points, "points");
        if (labels != null && labels.length != points.length) {
            throw new IllegalArgumentException(
                    "expected one label per point, got " + labels.length + " labels for " + points.length + " points");
        }
        Map<Integer, Integer> counts = new TreeMap<>();
        for (int i = 0; i < points.length; i++) {
            if (points[i] == null || points[i].length != 2) {
                throw new IllegalArgumentException("point " + i + " must have 2 coordinates, got "
                        + (points[i] == null ? "null" : points[i].length));
            }
            if (!Float.isFinite(points[i][0]) || !Float.isFinite(points[i][1])) {
                throw new IllegalArgumentException(
                        "point " + i + " is not finite: (" + points[i][0] + ", " + points[i][1] + ")");
            }
            counts.merge(labelOf(labels, i), 1, Integer::sum);
        }

        XYChart chart = ChartTheme.chart(width, height, title, xAxisTitle, yAxisTitle);
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        chart.getStyler().setMarkerSize(MARKER_SIZE);
        chart.getStyler().setLegendVisible(labels != null);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        double[] xRange = ChartTheme.range(coordinates(points, 0));
        double[] yRange = ChartTheme.range(coordinates(points, 1));
        chart.getStyler().setXAxisDecimalPattern(ChartTheme.axisPattern("0.##", 2, xRange[0], xRange[1]));
        chart.getStyler().setYAxisDecimalPattern(ChartTheme.axisPattern("0.##", 2, yRange[0], yRange[1]));
        for (Map.Entry<Integer, Integer> entry : counts.entrySet()) {
            int label = entry.getKey();
            double[] xs = new double[entry.getValue()];
            double[] ys = new double[entry.getValue()];
            int n = 0;
            for (int i = 0; i < points.length; i++) {
                if (labelOf(labels, i) == label) {
                    xs[n] = points[i][0];
                    ys[n] = points[i][1];
                    n++;
                }
            }
            XYSeries series = chart.addSeries(labels == null ? "points" : name(label), xs, ys);
            series.setMarker(SeriesMarkers.CIRCLE);
            Color color = label < 0 ? UNLABELLED : ChartTheme.color(label);
            series.setMarkerColor(ChartTheme.withAlpha(color, ALPHA));
        }
        return chart;
    }

    private static double[] coordinates(float[][] points, int axis) {
        double[] values = new double[points.length];
        for (int i = 0; i < points.length; i++) {
            values[i] = points[i][axis];
        }
        return values;
    }

    private static int labelOf(int[] labels, int i) {
        return labels == null ? -1 : Math.max(labels[i], -1);
    }
}
