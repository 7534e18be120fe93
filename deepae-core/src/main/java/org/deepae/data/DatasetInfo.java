package org.deepae.data;

import java.util.Objects;

/**
 * Where a dataset came from.
 *
 * @param name catalogue name actually used ({@code mnist}, {@code mnist-sample}, {@code fashion-mnist}, or the
 *     directory's name)
 * @param source the directory, file or URL the data was read from
 * @param sha256 hex SHA-256 over the decompressed contents of the four IDX files, in the order train images, train
 *     labels, test images, test labels
 * @param note a human-readable remark about how the data was obtained (for example why a fallback was used), or
 *     {@code null}
 */
public record DatasetInfo(String name, String source, String sha256, String note) {
    public DatasetInfo {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(sha256, "sha256");
    }
}
