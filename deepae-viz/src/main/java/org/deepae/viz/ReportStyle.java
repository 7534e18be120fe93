package org.deepae.viz;

/** The inline style sheet and image check of {@link HtmlReport}. */
final class ReportStyle {

    /** A clean page: the system's own fonts, a 1000-pixel column, readable tables, captions under figures. */
    static final String CSS = """
      :root { color-scheme: light; }
      * { box-sizing: border-box; }
      body { margin: 0; background: #f3f4f6; color: #1f2328;
        font: 15px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans",
          "DejaVu Sans", sans-serif; }
      main { max-width: 1000px; margin: 24px auto; padding: 32px 40px 48px; background: #fff;
        border: 1px solid #e3e6ea; border-radius: 8px; }
      h1 { font-size: 1.75em; line-height: 1.25; margin: 0 0 0.8em; }
      h2 { font-size: 1.3em; margin: 2em 0 0.7em; padding-bottom: 0.3em; border-bottom: 1px solid #e3e6ea; }
      p { margin: 0.7em 0; max-width: 75ch; }
      .table { overflow-x: auto; margin: 1em 0; }
      table { border-collapse: collapse; font-size: 14px; }
      th, td { border: 1px solid #d8dee4; padding: 6px 12px; text-align: left; vertical-align: top; }
      thead th { background: #eef1f4; font-weight: 600; }
      tbody tr:nth-child(even) { background: #f8f9fa; }
      table.kv th { background: #f6f8fa; font-weight: 600; white-space: nowrap; }
      td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
      figure { margin: 1.5em 0; text-align: center; }
      img { max-width: 100%; height: auto; border: 1px solid #e3e6ea; }
      figcaption { color: #57606a; font-size: 14px; margin-top: 0.5em; }
      @media print { body { background: #fff; } main { border: 0; margin: 0; } }
      """;

    /** Counts, once the page has loaded, the images that decoded (for headless checks of the page). */
    static final String IMAGE_CHECK = """
      window.addEventListener("load", function () {
        var images = document.images, loaded = 0;
        for (var i = 0; i < images.length; i++) {
          if (images[i].complete && images[i].naturalWidth > 0) { loaded++; }
        }
        document.body.dataset.imagesLoaded = String(loaded);
        document.body.dataset.imagesTotal = String(images.length);
      });
      """;

    private ReportStyle() {}
}
