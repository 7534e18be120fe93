package org.deepae.viz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.deepae.data.ClassNames;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;

class LatentScatterTest {

  private static final float[][] POINTS = {{0, 0}, {1, 2}, {2, 1}, {3, 3}, {-1, 2}, {0.5f, -1}};

  @Test
  void drawsOneSeriesPerLabelNamedByClass() {
    XYChart chart = LatentScatter.titled("codes").withClassNames(ClassNames.FASHION_MNIST)
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
      points[i] = new float[] {(float) (random.nextGaussian() + 3 * Math.cos(labels[i])),
          (float) (random.nextGaussian() + 3 * Math.sin(labels[i]))};
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
}
