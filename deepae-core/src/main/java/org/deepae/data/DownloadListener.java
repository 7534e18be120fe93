package org.deepae.data;

import java.net.URI;

/** Receives download progress; called on the downloading thread, so it should return quickly. */
@FunctionalInterface
public interface DownloadListener {
    /** A listener that ignores progress. */
    DownloadListener NONE = (url, bytesSoFar, totalBytes) -> {};

    /**
     * Reports progress of one transfer.
     *
     * @param url the URL being downloaded
     * @param bytesSoFar bytes received so far
     * @param totalBytes the announced length, or -1 when the server did not send one
     */
    void onProgress(URI url, long bytesSoFar, long totalBytes);
}
