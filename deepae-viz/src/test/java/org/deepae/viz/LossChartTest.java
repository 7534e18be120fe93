package org.deepae.viz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;

class LossChartTest {

    private static final List<Integer> EPOCHS = List.of(1, 2, 3, 4, 5);

    /** The README's Fashion-MNIST run: the first training epoch is about 15 times the others. */
    private static Map<String, double[]> fashionMnistRun() {
        Map<String, double[]> series = new LinkedHashMap<>();
        series.put("train", new double[] {0.487530, 0.029064, 0.026749, 0.026059, 0.025667});
        series.put("test", new double[] {0.031573, 0.027275, 0.026317, 0.025830, 0.025344});
        return series;
    }

    @Test
    void writesADecodablePngOfTheDefaultSizeAndNoTemporaryFile(@TempDir Path dir) throws Exception {
        Path png = dir.resolve("loss.png");
        LossChart.titled("Loss per epoch").write(png, EPOCHS, fashionMnistRun());
        Pictures.assertDrawn(Pictures.readOnlyFile(png), 800, 500);
    }

    @Test
    void rendersAtTheRequestedSize() {
        Pictures.assertDrawn(LossChart.titled("small").withSize(400, 250).render(EPOCHS, fashionMnistRun()), 400, 250);
    }

    @Test
    void drawsOneLinePerSeriesInTheGivenOrderWithUnitsOnTheAxes() {
        Map<String, double[]> series = fashionMnistRun();
        series.put("validation", new double[] {0.04, 0.03, 0.028, 0.027, 0.026});
        XYChart chart = LossChart.titled("Loss per epoch").chart(EPOCHS, series);
        assertThat(chart.getSeriesMap().keySet()).containsExactly("train", "test", "validation");
        assertThat(chart.getXAxisTitle()).isEqualTo("epoch");
        assertThat(chart.getYAxisTitle()).isEqualTo("mean squared error");
        assertThat(chart.getTitle()).isEqualTo("Loss per epoch");
        assertThat(chart.getStyler().isLegendVisible()).isTrue();
    }

    @Test
    void aFirstEpochTenTimesTheOthersGetsALogarithmicAxis() {
        assertThat(LossChart.titled("t")
                        .chart(EPOCHS, fashionMnistRun())
                        .getStyler()
                        .isYAxisLogarithmic())
                .isTrue();
    }

    @Test
    void lossesWithinAFactorOfTenStayOnALinearAxis() {
        Map<String, double[]> series = Map.of("test", new double[] {0.031573, 0.027275, 0.026317, 0.025830, 0.025344});
        assertThat(LossChart.titled("t").chart(EPOCHS, series).getStyler().isYAxisLogarithmic())
                .isFalse();
        assertThat(LossChart.titled("t")
                        .withYScale(AxisScale.LOG)
                        .chart(EPOCHS, series)
                        .getStyler()
                        .isYAxisLogarithmic())
                .isTrue();
        assertThat(LossChart.titled("t")
                        .withYScale(AxisScale.LINEAR)
                        .chart(EPOCHS, fashionMnistRun())
                        .getStyler()
                        .isYAxisLogarithmic())
                .isFalse();
    }

    @Test
    void aZeroLossFallsBackToALinearAxisUnlessLogIsAsked() {
        Map<String, double[]> series = Map.of("train", new double[] {1, 0.1, 0.01, 0.001, 0});
        assertThat(LossChart.titled("t").chart(EPOCHS, series).getStyler().isYAxisLogarithmic())
                .isFalse();
        assertThatThrownBy(() -> LossChart.titled("t").withYScale(AxisScale.LOG).chart(EPOCHS, series))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("positive");
    }

    @Test
    void leavesOutLossesThatAreNotFinite() {
        Map<String, double[]> series = Map.of("train", new double[] {0.5, 0.1, Double.NaN, 0.05, Double.NaN});
        XYChart chart = LossChart.titled("diverged").chart(EPOCHS, series);
        assertThat(chart.getSeriesMap().get("train").getXData()).containsExactly(1, 2, 4);
        assertThat(chart.getSeriesMap().get("train").getYData()).containsExactly(0.5, 0.1, 0.05);
    }

    @Test
    void rejectsASeriesWithTheWrongNumberOfLosses() {
        assertThatThrownBy(() -> LossChart.titled("t").render(EPOCHS, Map.of("test", new double[] {0.1, 0.2})))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("series 'test' has 2 losses for 5 epochs");
        assertThatThrownBy(() -> LossChart.titled("t").render(EPOCHS, Map.of()))
                .hasMessageContaining("at least one series");
        assertThatThrownBy(() -> LossChart.titled("t").withSize(10, 10)).hasMessageContaining("10x10");
    }
}
