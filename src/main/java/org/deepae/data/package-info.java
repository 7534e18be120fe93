/**
 * Datasets and their files: IDX readers and writers, the {@link org.deepae.data.Dataset} records, and the
 * {@link org.deepae.data.DatasetCatalog} that finds, downloads (checksum-verified, cached) or falls back to the
 * bundled MNIST sample. Uses only the JDK and SLF4J.
 */
package org.deepae.data;
