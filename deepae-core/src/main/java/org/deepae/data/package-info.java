/**
 * Datasets and their files: IDX readers and writers, the {@link org.deepae.data.Dataset} records, and the
 * {@link org.deepae.data.DatasetCatalog} that finds, downloads (checksum-verified, cached) or falls back to the
 * bundled MNIST sample; and {@link org.deepae.data.InputReader}, which reads {@link org.deepae.data.Rows} from a
 * dataset
 * name, an IDX, NPY, CSV or PNG file, or a directory, with CSV and NPY writers for results. Uses only the JDK and
 * SLF4J.
 */
package org.deepae.data;
