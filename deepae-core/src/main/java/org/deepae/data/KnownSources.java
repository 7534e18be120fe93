package org.deepae.data;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Published locations and checksums of the catalogue's datasets. */
final class KnownSources {
    private KnownSources() {}

    /** MNIST mirrors, most reliable first. */
    static final List<URI> MNIST_MIRRORS = List.of(
            URI.create("https://storage.googleapis.com/cvdf-datasets/mnist/"),
            URI.create("https://ossci-datasets.s3.amazonaws.com/mnist/"),
            URI.create("http://yann.lecun.com/exdb/mnist/"));

    /**
     * SHA-256 of the MNIST .gz files, as published by TensorFlow Datasets in
     * {@code tensorflow/datasets: tensorflow_datasets/url_checksums/mnist.txt} (which also gives the sizes: 9912422,
     * 28881, 1648877 and 4542 bytes). All mirrors serve the same files (torchvision publishes matching MD5s, e.g.
     * f68b3c2dcbeaaa9fbdd348bbdeb94873 for train-images).
     */
    static final Map<String, Checksum> MNIST_CHECKSUMS = Map.of(
            "train-images-idx3-ubyte.gz",
            Checksum.sha256("440fcabf73cc546fa21475e81ea370265605f56be210a4024d2ca8f203523609"),
            "train-labels-idx1-ubyte.gz",
            Checksum.sha256("3552534a0a558bbed6aed32b30c495cca23d567ec52cac8be1a0730e8010255c"),
            "t10k-images-idx3-ubyte.gz",
            Checksum.sha256("8d422c7b0a1c1c79245a5bcf07fe86e33eeafee792b84584aec276f5a2dbc4e6"),
            "t10k-labels-idx1-ubyte.gz",
            Checksum.sha256("f7ae60f92e00ec6debd23a6088c31dbd2371eca3ffa0defaefb259924204aec6"));

    /** Fashion-MNIST as packaged by Debian ({@code dataset-fashion-mnist}). */
    static final Path FASHION_SYSTEM_DIR = Path.of("/usr/share/datasets/fashion-mnist");

    /** Zalando's Fashion-MNIST mirrors. */
    static final List<URI> FASHION_MIRRORS = List.of(
            URI.create("https://fashion-mnist.s3-website.eu-central-1.amazonaws.com/"),
            URI.create("http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/"));

    /**
     * MD5 of the Fashion-MNIST .gz files as published by Zalando (zalandoresearch/fashion-mnist README) and used by
     * torchvision's {@code FashionMNIST.resources}. TensorFlow Datasets' {@code url_checksums/fashion_mnist.txt} lists
     * SHA-256 values for the same URLs (train images 3aede38d61863908ad78613f6a32ed271626dd12800ba2636569512369268a84).
     */
    static final Map<String, Checksum> FASHION_CHECKSUMS = Map.of(
            "train-images-idx3-ubyte.gz", Checksum.md5("8d4fb7e6c68d591d4c3dfef9ec88bf0d"),
            "train-labels-idx1-ubyte.gz", Checksum.md5("25c81989df183df01b3e8a0aad5dffbe"),
            "t10k-images-idx3-ubyte.gz", Checksum.md5("bef4ecab320f06d8554ea6380940ec79"),
            "t10k-labels-idx1-ubyte.gz", Checksum.md5("bb300cfdad3c16e7a12a480ee83cd310"));

    /**
     * SHA-256 over the decompressed Fashion-MNIST files (train images, train labels, test images, test labels),
     * computed
     * from Debian's dataset-fashion-mnist. Debian recompressed the .gz files, so only the decompressed content matches
     * the original.
     */
    static final String FASHION_CONTENT_SHA256 = "14410854cf7a289477dcfc7df3f8ec24741e281cdcc425ede0d9a748ca630214";

    /** SHA-256 over the decompressed files of the bundled mnist-sample, as built by scripts/BuildMnistSample.java. */
    static final String SAMPLE_CONTENT_SHA256 = "c5ea5dca06cdc44a10a728a0f343a9f6f2de80746ae9fd8df2d093583250c874";

    /** Classpath directory of the bundled mnist-sample. */
    static final String SAMPLE_RESOURCE_DIR = "/org/deepae/data/mnist-sample/";
}
