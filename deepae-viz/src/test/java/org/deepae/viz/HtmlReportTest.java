package org.deepae.viz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.deepae.testing.TestFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HtmlReportTest {

    private static final Pattern DATA_URI = Pattern.compile("src=\"data:image/png;base64,([A-Za-z0-9+/=]+)\"");
    private static final String ATTACK = "<script>alert('x')</script> & \"quotes\"";

    static BufferedImage picture(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setColor(Color.BLUE);
        g.fillOval(2, 2, width - 4, height - 4);
        g.dispose();
        return image;
    }

    /** A report with a bit of everything: two sections, a paragraph, both kinds of table and two images. */
    static HtmlReport sampleReport() {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("layers", "784-392-196-392-784");
        config.put("learning rate", "0.01");
        return HtmlReport.titled("fashion-mnist, 784-392-196-392-784")
                .paragraph("A deep autoencoder trained for 5 epochs.")
                .section("Configuration")
                .keyValues(config)
                .section("Results")
                .table(
                        List.of("method", "code size", "test MSE"),
                        List.of(List.of("PCA", "196", "0.0123"), List.of("autoencoder", "196", "0.025344")))
                .image(picture(40, 30), "a blue disc", "Figure 1: a disc")
                .image(PngImages.bytes(picture(64, 16)), "a wide blue disc", "Figure 2: a wider disc");
    }

    @Test
    void isOneHtmlDocumentWithTheTitleAndBalancedParts() {
        String html = sampleReport().toHtml();
        assertThat(html).startsWith("<!DOCTYPE html>\n<html lang=\"en\">").endsWith("</html>\n");
        assertThat(html)
                .contains(
                        "<title>fashion-mnist, 784-392-196-392-784</title>",
                        "<h1>fashion-mnist, 784-392-196-392-784</h1>",
                        "<h2>Configuration</h2>",
                        "<h2>Results</h2>",
                        "<meta charset=\"utf-8\">");
        for (String tag : List.of("section", "table", "figure", "main", "body", "head", "style", "script", "tr")) {
            assertThat(count(html, "<" + tag + ">") + count(html, "<" + tag + " "))
                    .as("<%s> opened and closed", tag)
                    .isEqualTo(count(html, "</" + tag + ">"));
        }
        assertThat(count(html, "<section>")).isEqualTo(2);
        assertThat(html.indexOf("<h2>Configuration</h2>")).isLessThan(html.indexOf("<h2>Results</h2>"));
    }

    @Test
    void referencesNothingOutsideTheFile() {
        String html = sampleReport().toHtml().toLowerCase(Locale.ROOT);
        assertThat(html).doesNotContain("http://", "https://", "src=\"//", "href=", "@import", "url(");
        assertThat(html).contains("content-security-policy");
    }

    @Test
    void escapesTextEverywhere() {
        String html = HtmlReport.titled(ATTACK)
                .section(ATTACK)
                .paragraph(ATTACK)
                .keyValues(Map.of(ATTACK, ATTACK))
                .table(List.of(ATTACK), List.of(List.of(ATTACK)))
                .image(picture(10, 10), ATTACK, ATTACK)
                .toHtml();
        assertThat(count(html, "<script")).as("only the report's own script").isEqualTo(1);
        assertThat(html).doesNotContain("alert('x')");
        assertThat(html).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;quotes&quot;");
        // <title> and <h1>, <h2>, <p>, key and value, header and cell, alt and caption
        assertThat(count(html, "&lt;script&gt;")).isEqualTo(10);
    }

    @Test
    void embedsImagesAsBase64PngsOfTheSameSize() throws Exception {
        String html = sampleReport().toHtml();
        List<BufferedImage> decoded = new ArrayList<>();
        Matcher matcher = DATA_URI.matcher(html);
        while (matcher.find()) {
            decoded.add(
                    ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(matcher.group(1)))));
        }
        assertThat(decoded).hasSize(2);
        assertThat(decoded.get(0).getWidth()).isEqualTo(40);
        assertThat(decoded.get(0).getHeight()).isEqualTo(30);
        assertThat(decoded.get(1).getWidth()).isEqualTo(64);
        assertThat(decoded.get(1).getHeight()).isEqualTo(16);
        assertThat(html)
                .contains(
                        "alt=\"a blue disc\" width=\"40\" height=\"30\"",
                        "<figcaption>Figure 2: a wider disc</figcaption>");
        assertThat(sampleReport().imageCount()).isEqualTo(2);
    }

    @Test
    void rightAlignsNumbersOnly() {
        String html = HtmlReport.titled("t")
                .table(List.of("a", "b", "c", "d"), List.of(List.of("1,024", "-3.5e-4", "PCA", "12%")))
                .toHtml();
        assertThat(html)
                .contains(
                        "<td class=\"num\">1,024</td>",
                        "<td class=\"num\">-3.5e-4</td>",
                        "<td>PCA</td>",
                        "<td class=\"num\">12%</td>");
    }

    @Test
    void rejectsRaggedTablesAndBytesThatAreNotAPng() {
        assertThatThrownBy(() ->
                        HtmlReport.titled("t").table(List.of("a", "b"), List.of(List.of("1", "2"), List.of("3"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("table row 1 has 1 cells, the header has 2");
        assertThatThrownBy(() -> HtmlReport.titled("t")
                        .image("GIF89a not a png at all".getBytes(StandardCharsets.UTF_8), "alt", "caption"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a PNG");
    }

    @Test
    void writesTheFileAtomicallyInUtf8(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("report.html");
        HtmlReport report = sampleReport().paragraph("Fashion-MNIST’s “T-shirt/top” — 0.0421 ± 0.003");
        report.write(file);
        assertThat(TestFiles.entries(dir)).containsExactly(file);
        assertThat(Files.readString(file, StandardCharsets.UTF_8))
                .isEqualTo(report.toHtml())
                .contains("0.0421 ± 0.003");
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + part.length())) {
            n++;
        }
        return n;
    }
}
