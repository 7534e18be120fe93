package org.deepae.viz;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.deepae.io.AtomicFiles;

/**
 * Builds one self-contained HTML page: a title, sections with headings, paragraphs, tables and images. Images are
 * embedded as {@code data:} URIs and the style sheet is inline, so the file shows the same anywhere, offline; a
 * Content-Security-Policy forbids the page from loading anything else. All text is HTML-escaped.
 *
 * <p>When the page has loaded, a small inline script sets {@code data-images-loaded} (images that decoded) and
 * {@code data-images-total} on {@code <body>}, so a headless browser's DOM dump tells whether every image shows.
 *
 * <pre>{@code
 * HtmlReport.titled("fashion-mnist, 784-392-196-392-784")
 *     .section("Training").keyValues(Map.of("epochs", "5"))
 *     .image(lossChart.render(epochs, losses), "Loss per epoch", "Training and test loss per epoch")
 *     .write(runDirectory.resolve("report.html"));
 * }</pre>
 */
public final class HtmlReport {

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final Pattern NUMBER = Pattern.compile("[-+]?(\\d[\\d,]*)?(\\.\\d+)?([eE][-+]?\\d+)?\\s*%?");

    private final String title;
    private final List<String> parts = new ArrayList<>();
    private boolean inSection;
    private int images;

    private HtmlReport(String title) {
        this.title = Objects.requireNonNull(title, "title");
    }

    /** An empty report whose page title and top heading are {@code title}. */
    public static HtmlReport titled(String title) {
        return new HtmlReport(title);
    }

    /** Starts a section headed {@code heading}; what is added next goes into it. */
    public HtmlReport section(String heading) {
        closeSection();
        parts.add("<section>\n<h2>" + escape(heading) + "</h2>\n");
        inSection = true;
        return this;
    }

    /** Adds a paragraph of plain text (escaped; no markup is interpreted). */
    public HtmlReport paragraph(String text) {
        parts.add("<p>" + escape(text) + "</p>\n");
        return this;
    }

    /** Adds a two-column table of names and values, such as a configuration, in the map's order. */
    public HtmlReport keyValues(Map<String, String> entries) {
        StringBuilder html = new StringBuilder("<div class=\"table\"><table class=\"kv\">\n<tbody>\n");
        for (Map.Entry<String, String> entry : entries.entrySet()) {
            html.append("<tr><th scope=\"row\">")
                    .append(escape(entry.getKey()))
                    .append("</th>")
                    .append(cell(String.valueOf(entry.getValue())))
                    .append("</tr>\n");
        }
        parts.add(html.append("</tbody>\n</table></div>\n").toString());
        return this;
    }

    /** Adds a table with a header row; every row has as many cells as the header. Numbers are right-aligned. */
    public HtmlReport table(List<String> header, List<List<String>> rows) {
        StringBuilder html = new StringBuilder("<div class=\"table\"><table>\n<thead>\n<tr>");
        for (String name : header) {
            html.append("<th scope=\"col\">").append(escape(name)).append("</th>");
        }
        html.append("</tr>\n</thead>\n<tbody>\n");
        for (int r = 0; r < rows.size(); r++) {
            List<String> row = rows.get(r);
            if (row.size() != header.size()) {
                throw new IllegalArgumentException(
                        "table row " + r + " has " + row.size() + " cells, the header has " + header.size());
            }
            html.append("<tr>");
            row.forEach(value -> html.append(cell(value)));
            html.append("</tr>\n");
        }
        parts.add(html.append("</tbody>\n</table></div>\n").toString());
        return this;
    }

    /** Adds {@code image} as an embedded PNG with its alternative text and a caption. */
    public HtmlReport image(BufferedImage image, String alt, String caption) {
        return image(PngImages.bytes(image), alt, caption);
    }

    /** Adds an embedded PNG, given as the bytes of a PNG file, with its alternative text and a caption. */
    public HtmlReport image(byte[] png, String alt, String caption) {
        Objects.requireNonNull(alt, "alt");
        Objects.requireNonNull(caption, "caption");
        int[] size = pngSize(png);
        parts.add("<figure>\n<img src=\"data:image/png;base64,"
                + Base64.getEncoder().encodeToString(png)
                + "\" alt=\"" + escape(alt) + "\" width=\"" + size[0] + "\" height=\"" + size[1] + "\">\n"
                + (caption.isEmpty() ? "" : "<figcaption>" + escape(caption) + "</figcaption>\n") + "</figure>\n");
        images++;
        return this;
    }

    /** How many images the report holds. */
    public int imageCount() {
        return images;
    }

    /** The whole page. */
    public String toHtml() {
        StringBuilder html =
                new StringBuilder(1024 + parts.stream().mapToInt(String::length).sum());
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; img-src data:; ")
                .append("style-src 'unsafe-inline'; script-src 'unsafe-inline'\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<meta name=\"generator\" content=\"deepae\">\n")
                .append("<title>")
                .append(escape(title))
                .append("</title>\n")
                .append("<style>\n")
                .append(ReportStyle.CSS)
                .append("</style>\n")
                .append("<script>\n")
                .append(ReportStyle.IMAGE_CHECK)
                .append("</script>\n")
                .append("</head>\n<body>\n<main>\n<h1>")
                .append(escape(title))
                .append("</h1>\n");
        parts.forEach(html::append);
        if (inSection) {
            html.append("</section>\n");
        }
        return html.append("</main>\n</body>\n</html>\n").toString();
    }

    /** Writes the page to {@code html} atomically, in UTF-8. */
    public void write(Path html) throws IOException {
        AtomicFiles.write(html, toHtml().getBytes(StandardCharsets.UTF_8));
    }

    /** {@code text} with the five characters that are special in HTML text and attributes escaped. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private void closeSection() {
        if (inSection) {
            parts.add("</section>\n");
            inSection = false;
        }
    }

    private static String cell(String value) {
        boolean number = !value.isBlank()
                && NUMBER.matcher(value.strip()).matches()
                && value.chars().anyMatch(Character::isDigit);
        return (number ? "<td class=\"num\">" : "<td>") + escape(value) + "</td>";
    }

    /** The width and height in a PNG's header, checking that the bytes are a PNG. */
    private static int[] pngSize(byte[] png) {
        Objects.requireNonNull(png, "png");
        boolean signature = png.length >= 24;
        for (int i = 0; signature && i < PNG_SIGNATURE.length; i++) {
            signature = png[i] == PNG_SIGNATURE[i];
        }
        if (!signature || png[12] != 'I' || png[13] != 'H' || png[14] != 'D' || png[15] != 'R') {
            throw new IllegalArgumentException(
                    "image bytes are not a PNG file (" + png.length + " bytes without the PNG signature and header)");
        }
        return new int[] {bigEndian(png, 16), bigEndian(png, 20)};
    }

    private static int bigEndian(byte[] bytes, int offset) {
        return ((bytes[offset] & 0xff) << 24)
                | ((bytes[offset + 1] & 0xff) << 16)
                | ((bytes[offset + 2] & 0xff) << 8)
                | (bytes[offset + 3] & 0xff);
    }
}
