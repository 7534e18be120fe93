package org.deepae.viz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.deepae.testing.HeadlessChromium;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens a report in headless Chromium, the way a reader would see it: every image must decode, and the page must
 * show more than a blank screen. Skipped where {@code /usr/bin/chromium} is not installed ({@code .ci/run} installs
 * it).
 */
@Tag("slow")
class HtmlReportInChromiumTest {

    @TempDir
    Path dir;

    @BeforeAll
    static void needsChromium() {
        assumeTrue(HeadlessChromium.installed(), "headless Chromium is not installed at " + HeadlessChromium.PATH);
    }

    @Test
    void everyImageLoadsAndThePageIsDrawn() throws Exception {
        HtmlReport report = twoChartReport();
        assertThat(report.imageCount()).isEqualTo(2);
        Path html = dir.resolve("report.html");
        report.write(html);

        HeadlessChromium chromium = new HeadlessChromium(dir);
        String dom = chromium.dumpDom(html);
        assertThat(dom).contains("data-images-loaded=\"2\"").contains("data-images-total=\"2\"");

        Path screenshot = dir.resolve("screenshot.png");
        chromium.screenshot(html, screenshot, 1200, 1600);
        BufferedImage image = ImageIO.read(screenshot.toFile());
        assertThat(image).as("screenshot decodes").isNotNull();
        Pictures.assertDrawn(image, 1200, 1600);
    }

    @Test
    void aDamagedImageIsNotCountedAsLoaded() throws Exception {
        Path html = dir.resolve("damaged.html");
        String page = twoChartReport().toHtml();
        int data = page.indexOf("data:image/png;base64,") + "data:image/png;base64,".length();
        Files.writeString(html, page.substring(0, data) + "AAAA" + page.substring(page.indexOf('"', data)));

        String dom = new HeadlessChromium(dir).dumpDom(html);
        assertThat(dom).contains("data-images-loaded=\"1\"").contains("data-images-total=\"2\"");
    }

    /** A report with two charts, a table and some text. */
    private static HtmlReport twoChartReport() {
        Map<String, double[]> losses = new LinkedHashMap<>();
        losses.put("train", new double[] {0.487530, 0.029064, 0.026749, 0.026059, 0.025667});
        losses.put("test", new double[] {0.031573, 0.027275, 0.026317, 0.025830, 0.025344});
        float[] errors = new float[300];
        for (int i = 0; i < errors.length; i++) {
            errors[i] = 0.02f + 0.0001f * (i * 37 % 300);
        }
        return HtmlReport.titled("fashion-mnist, 784-392-196-392-784")
                .paragraph("A deep autoencoder trained for 5 epochs.")
                .section("Training")
                .keyValues(Map.of("epochs", "5"))
                .image(
                        LossChart.titled("Loss per epoch").render(List.of(1, 2, 3, 4, 5), losses),
                        "Loss per epoch",
                        "Training and test loss")
                .section("Errors")
                .image(
                        ErrorHistogram.titled("Reconstruction errors")
                                .render(errors, new ErrorHistogram.Threshold(0.045, "3 sigma")),
                        "Histogram of errors",
                        "Reconstruction errors");
    }
}
