package org.deepae.viz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.deepae.data.ClassNames;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;

class LatentScatterTest {

    private static final float[][] POINTS = {{0, 0}, {1, 2}, {2, 1}, {3, 3}, {-1, 2}, {0.5f, -1}};

    @Test
    void drawsOneSeriesPerLabelNamedByClass() {
        XYChart chart = LatentScatter.titled("codes")
                .withClassNames(ClassNames.FASHION_MNIST)
                .chart(POINTS, new int[] {9, 0, 9, 1, 0, 9});
        assertThat(chart.getSeriesMap().keySet()).containsExactly("T-shirt/top", "Trouser", "Ankle boot");
        assertThat(chart.getSeriesMap().get("Ankle boot").getXData()).containsExactly(0, 2, 0.5);
        assertThat(chart.getStyler().isLegendVisible()).isTrue();
    }

    @Test
    void namesLabelsByNumberWithoutClassNamesAndGroupsUnlabelledPoints() {
        XYChart chart = LatentScatter.titled("codes").chart(POINTS, new int[] {3, 1, -1, 3, 12, -1});
        assertThat(chart.getSeriesMap().keySet()).containsExactly("unlabelled", "1", "3", "12");
        assertThat(chart.getSeriesMap().get("unlabelled").getXData()).containsExactly(2, 0.5);
    }

    @Test
    void unlabelledPointsAreOneSeriesWithoutLegend(@TempDir Path dir) throws Exception {
        LatentScatter scatter = LatentScatter.titled("codes").withAxisTitles("PC 1", "PC 2");
        XYChart chart = scatter.chart(POINTS, null);
        assertThat(chart.getSeriesMap()).hasSize(1);
        assertThat(chart.getStyler().isLegendVisible()).isFalse();
        assertThat(chart.getXAxisTitle()).isEqualTo("PC 1");
        Path png = dir.resolve("codes.png");
        scatter.write(png, POINTS);
        Pictures.assertDrawn(Pictures.readOnlyFile(png), 800, 600);
    }

    @Test
    void rendersTenThousandLabelledPointsInUnderASecond(@TempDir Path dir) throws Exception {
        Random random = new Random(7);
        float[][] points = new float[10_000][];
        int[] labels = new int[points.length];
        for (int i = 0; i < points.length; i++) {
            labels[i] = i % 10;
            points[i] = new float[] {
                (float) (random.nextGaussian() + 3 * Math.cos(labels[i])),
                (float) (random.nextGaussian() + 3 * Math.sin(labels[i]))
            };
        }
        LatentScatter scatter = LatentScatter.titled("Codes of 10,000 test images (196-D, projected to 2-D with PCA)")
                .withClassNames(ClassNames.FASHION_MNIST);
        scatter.render(POINTS, new int[6]); // loads the classes and fonts once

        long start = System.nanoTime();
        BufferedImage image = scatter.render(points, labels);
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertThat(millis).as("milliseconds to render 10,000 points").isLessThan(1000);
        Pictures.assertDrawn(image, 800, 600);
        Path png = dir.resolve("codes.png");
        scatter.withSize(600, 450).write(png, points, labels);
        Pictures.assertDrawn(Pictures.readOnlyFile(png), 600, 450);
    }

    @Test
    void rejectsPointsThatAreNotTwoFiniteNumbersAndMismatchedLabels() {
        LatentScatter scatter = LatentScatter.titled("codes");
        assertThatThrownBy(() -> scatter.render(new float[][] {{1, 2}, {1, 2, 3}}))
                .hasMessage("point 1 must have 2 coordinates, got 3");
        assertThatThrownBy(() -> scatter.render(new float[][] {{Float.NaN, 2}}))
                .hasMessageContaining("point 0 is not finite");
        assertThatThrownBy(() -> scatter.render(POINTS, new int[2]))
                .hasMessage("expected one label per point, got 2 labels for 6 points");
    }

    @Test
    void classNamesAreCopied() {
        List<String> names = new java.util.ArrayList<>(List.of("a", "b"));
        LatentScatter scatter = LatentScatter.titled("codes").withClassNames(names);
        names.set(0, "changed");
        assertThat(scatter.name(0)).isEqualTo("a");
        assertThat(scatter.name(2)).isEqualTo("2");
    }

    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void drawsCodesThatDifferByTinyAmountsAtOnce() {
        // the PCA of a collapsed 64-layer network's codes: XChart looked for distinct "0.##" tick labels for minutes
        float[] xy = {
            -6.807212E-8f,
            3.9280718E-11f,
            1.6936466E-8f,
            1.3045925E-10f,
            2.762476E-8f,
            6.673995E-11f,
            -8.648226E-8f,
            7.4858245E-11f,
            6.18549E-8f,
            3.9714204E-12f,
            4.842662E-8f,
            1.0013179E-10f
        };
        float[][] points = new float[6][];
        for (int i = 0; i < 6; i++) {
            points[i] = new float[] {xy[2 * i], xy[2 * i + 1]};
        }
        BufferedImage image = LatentScatter.titled("tiny").render(points, new int[] {0, 1, 2, 3, 4, 5});
        assertThat(image.getWidth()).isEqualTo(800);
        XYChart chart = LatentScatter.titled("tiny").chart(points, null);
        assertThat(chart.getStyler().getXAxisDecimalPattern()).isEqualTo("0.##E0");
        assertThat(LatentScatter.titled("wide")
                        .chart(new float[][] {{0, 0}, {3, 1}}, null)
                        .getStyler()
                        .getXAxisDecimalPattern())
                .isEqualTo("0.##");
    }

    @Test
    void axisPatternTurnsScientificWhereTheFixedOneCannotTellTicksApart() {
        assertThat(ChartTheme.axisPattern("0.##", 2, 0, 1)).isEqualTo("0.##");
        assertThat(ChartTheme.axisPattern("0.##", 2, 0, 0.11)).isEqualTo("0.##");
        assertThat(ChartTheme.axisPattern("0.##", 2, 0, 0.099)).isEqualTo("0.##E0");
        assertThat(ChartTheme.axisPattern("0.##", 2, 5, 5)).isEqualTo("0.##");
        assertThat(ChartTheme.axisPattern("0.##", 2, 0, 0)).isEqualTo("0.##");
        assertThat(ChartTheme.axisPattern("0.##", 2, 1e-3, 1e-3)).isEqualTo("0.##E0");
        assertThat(ChartTheme.axisPattern("0.0####", 5, 0.029, 0.03)).isEqualTo("0.0####");
        assertThat(ChartTheme.axisPattern("0.0####", 5, 1e-9, 3e-9)).isEqualTo("0.##E0");
        assertThat(ChartTheme.axisPattern("0.##", 2, 0, 1e12)).isEqualTo("0.##E0");
    }
}
