package org.deepae.cli;

import java.io.PrintWriter;
import java.net.URI;
import java.util.Locale;
import org.deepae.data.DownloadListener;

/**
 * Tells the user what is being downloaded: one line when a transfer starts, and one when it completes; on a
 * terminal, the line is redrawn with the bytes received so far.
 */
final class DownloadProgress implements DownloadListener {

    private static final long REDRAW_BYTES = 1 << 20;

    private final PrintWriter err;
    private final boolean terminal;
    private URI current;
    private long lastDrawn;

    DownloadProgress(PrintWriter err, boolean terminal) {
        this.err = err;
        this.terminal = terminal;
    }

    @Override
    public void onProgress(URI url, long bytesSoFar, long totalBytes) {
        if (!url.equals(current)) {
            current = url;
            lastDrawn = 0;
            err.println("downloading " + url);
        }
        boolean done = totalBytes >= 0 && bytesSoFar >= totalBytes;
        if (terminal && (done || bytesSoFar - lastDrawn >= REDRAW_BYTES)) {
            lastDrawn = bytesSoFar;
            err.print(String.format(
                    Locale.ROOT,
                    "\r  %.1f of %s MB",
                    bytesSoFar / 1e6,
                    totalBytes < 0 ? "?" : String.format(Locale.ROOT, "%.1f", totalBytes / 1e6)));
            if (done) {
                err.println();
            }
        }
        err.flush();
    }
}
