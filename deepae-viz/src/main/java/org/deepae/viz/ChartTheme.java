package org.deepae.viz;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;

/** The look every deepae chart shares: white background, light grid, fonts legible at 800x500, a colour palette. */
final class ChartTheme {

    /** Matplotlib's {@code tab10} colours: distinct, and familiar to readers of ML papers. */
    private static final Color[] PALETTE = {
        new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c), new Color(0xd62728), new Color(0x9467bd),
        new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f), new Color(0xbcbd22), new Color(0x17becf)
    };

    static final Color TEXT = new Color(0x222222);
    static final Color MARKER_LINE = new Color(0xc0392b);

    private ChartTheme() {}

    /** The {@code index}th colour: the ten of the palette, then evenly spread hues. */
    static Color color(int index) {
        if (index < PALETTE.length) {
            return PALETTE[index];
        }
        float hue = (float) ((index * 0.6180339887) % 1.0);
        return Color.getHSBColor(hue, 0.7f, 0.8f);
    }

    /** {@code color} with {@code alpha} in [0, 255]. */
    static Color withAlpha(Color color, int alpha) {
        return new Color(color.getRed(), color.getGreen(), color.getBlue(), alpha);
    }

    /** A chart of {@code width x height} pixels with the shared look. */
    static XYChart chart(int width, int height, String title, String xAxisTitle, String yAxisTitle) {
        XYChart chart = new XYChart(width, height);
        chart.setTitle(title);
        chart.setXAxisTitle(xAxisTitle);
        chart.setYAxisTitle(yAxisTitle);
        XYStyler styler = chart.getStyler();
        styler.setAntiAlias(true);
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setPlotBackgroundColor(Color.WHITE);
        styler.setPlotBorderColor(new Color(0x888888));
        styler.setPlotGridLinesColor(new Color(0xe3e3e3));
        styler.setPlotGridLinesStroke(new BasicStroke(1f));
        styler.setChartFontColor(TEXT);
        styler.setAxisTickLabelsColor(TEXT);
        styler.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 17));
        styler.setChartTitleBoxVisible(false);
        styler.setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
        styler.setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        styler.setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        styler.setLegendBorderColor(new Color(0xcccccc));
        styler.setLegendPosition(Styler.LegendPosition.InsideNE);
        styler.setChartPadding(12);
        styler.setPlotMargin(6);
        return chart;
    }

    /**
     * A decimal pattern for an axis whose values run from {@code min} to {@code max}: {@code fixed}, which shows
     * {@code decimals} digits after the point, when its tick labels can tell the values apart, else a scientific one.
     * XChart searches for distinct tick labels: codes that differed by 1e-8 under {@code "0.##"} kept it searching
     * for minutes.
     */
    static String axisPattern(String fixed, int decimals, double min, double max) {
        double resolution = Math.pow(10, -decimals);
        double span = max - min;
        double magnitude = Math.max(Math.abs(min), Math.abs(max));
        boolean resolved = span > 0 ? span >= 10 * resolution : magnitude == 0 || magnitude >= resolution;
        return resolved && magnitude < 1e9 ? fixed : "0.##E0";
    }

    /** The smallest and largest finite value of {@code values}, or {0, 0} when there is none. */
    static double[] range(double[] values) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            if (Double.isFinite(v)) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        return min > max ? new double[] {0, 0} : new double[] {min, max};
    }

    static void requireSize(int width, int height) {
        if (width < 200 || height < 150) {
            throw new IllegalArgumentException(
                    "chart size must be at least 200x150 pixels, got " + width + "x" + height);
        }
    }
}
