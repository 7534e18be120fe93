package org.deepae.viz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

class ErrorHistogramTest {

    /** Errors whose bins are easy by hand: four bins of width 0.25 from 0 to 1. */
    private static final float[] ERRORS = {0, 0.125f, 0.25f, 0.375f, 0.5f, 1};

    @Test
    void countsErrorsInEqualBinsFromTheSmallestToTheLargest() {
        ErrorHistogram.Bins bins = ErrorHistogram.bins(ERRORS, 4);
        // [0, .25): 0 and .125; [.25, .5): .25 and .375; [.5, .75): .5; [.75, 1]: 1 (the last bin holds its right edge)
        assertThat(bins.counts()).containsExactly(2, 2, 1, 1);
        assertThat(bins.lower()).isEqualTo(0);
        assertThat(bins.upper()).isEqualTo(1);
        assertThat(bins.edge(1)).isEqualTo(0.25);
        assertThat(bins.edge(4)).isEqualTo(1);
        assertThat(bins.total()).isEqualTo(6);
    }

    @Test
    void equalErrorsGetBinsAroundTheirValue() {
        ErrorHistogram.Bins bins = ErrorHistogram.bins(new float[] {2, 2, 2}, 3);
        assertThat(bins.lower()).isEqualTo(1.5);
        assertThat(bins.upper()).isEqualTo(2.5);
        assertThat(bins.counts()).containsExactly(0, 3, 0);
    }

    @Test
    void rejectsNoErrorsNonFiniteErrorsAndNoBins() {
        assertThatThrownBy(() -> ErrorHistogram.bins(new float[0], 5)).hasMessageContaining("at least one error");
        assertThatThrownBy(() -> ErrorHistogram.bins(new float[] {1, Float.NaN}, 5))
                .hasMessage("error 1 is not finite: NaN");
        assertThatThrownBy(() -> ErrorHistogram.titled("t").withBins(0))
                .hasMessage("bin count must be positive, got 0");
    }

    @Test
    void drawsTheThresholdAsAVerticalLineNamedInTheLegend() {
        XYChart chart = ErrorHistogram.titled("errors")
                .withBins(4)
                .chart(ERRORS, new ErrorHistogram.Threshold(0.0421, "3 sigma"));
        assertThat(chart.getSeriesMap().keySet()).containsExactly("images", "threshold 0.0421 (3 sigma)");
        XYSeries line = chart.getSeriesMap().get("threshold 0.0421 (3 sigma)");
        assertThat(line.getXData()).containsExactly(0.0421, 0.0421);
        assertThat(line.getYData()[0]).isEqualTo(0);
        assertThat(line.getYData()[1]).isGreaterThanOrEqualTo(2);
        assertThat(chart.getXAxisTitle()).isEqualTo("reconstruction error (MSE per image)");
        assertThat(chart.getYAxisTitle()).isEqualTo("images");
    }

    @Test
    void theBarsOutlineEachBinsCount() {
        XYSeries bars = ErrorHistogram.titled("errors")
                .withBins(4)
                .chart(ERRORS, null)
                .getSeriesMap()
                .get("images");
        assertThat(bars.getXData()).containsExactly(0, 0, 0.25, 0.25, 0.5, 0.5, 0.75, 0.75, 1, 1);
        assertThat(bars.getYData()).containsExactly(0, 2, 2, 2, 2, 1, 1, 1, 1, 0);
    }

    @Test
    void aLogarithmicCountAxisStandsEmptyBinsOnItsFloor() {
        XYChart chart = ErrorHistogram.titled("errors")
                .withBins(8)
                .withYScale(AxisScale.LOG)
                .chart(ERRORS, null);
        assertThat(chart.getStyler().isYAxisLogarithmic()).isTrue();
        assertThat(chart.getSeriesMap().get("images").getYData())
                .doesNotContain(0.0)
                .contains(0.5);
        assertThat(ErrorHistogram.titled("errors")
                        .chart(ERRORS, null)
                        .getStyler()
                        .isYAxisLogarithmic())
                .isFalse();
    }

    @Test
    void thresholdLabelsRoundToThreeDigits() {
        assertThat(new ErrorHistogram.Threshold(0.042137, "3 sigma").label()).isEqualTo("threshold 0.0421 (3 sigma)");
        assertThat(new ErrorHistogram.Threshold(0.5, "").label()).isEqualTo("threshold 0.500");
        assertThatThrownBy(() -> new ErrorHistogram.Threshold(Double.NaN, "x")).hasMessageContaining("finite");
    }

    @Test
    void writesADecodablePngAndNoTemporaryFile(@TempDir Path dir) throws Exception {
        float[] errors = new float[500];
        for (int i = 0; i < errors.length; i++) {
            errors[i] = 0.01f + 0.05f * (float) Math.pow((i * 7919 % 500) / 500.0, 3);
        }
        Path png = dir.resolve("errors.png");
        ErrorHistogram.titled("Reconstruction errors")
                .write(png, errors, new ErrorHistogram.Threshold(0.05, "3 sigma"));
        Pictures.assertDrawn(Pictures.readOnlyFile(png), 800, 500);
        Pictures.assertDrawn(
                ErrorHistogram.titled("small")
                        .withSize(300, 200)
                        .withYScale(AxisScale.LOG)
                        .render(errors),
                300,
                200);
    }
}
