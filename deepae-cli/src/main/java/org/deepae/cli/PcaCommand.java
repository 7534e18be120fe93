package org.deepae.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.deepae.analysis.Pca;
import org.deepae.analysis.PcaModel;
import org.deepae.data.Dataset;
import org.deepae.data.Rows;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** {@code deepae pca}: the linear baseline, PCA fitted on the training images and measured on the test images. */
@Command(
        name = "pca",
        description = {
            "Fit PCA on a dataset's training images, the linear baseline for an autoencoder, and print for each number "
                    + "of components the test images' mean squared reconstruction error and the explained "
                    + "variance ratio."
        })
final class PcaCommand implements Callable<Integer> {

    @Mixin
    CommandContext context;

    @Option(
            names = "--dataset",
            paramLabel = "NAME|DIR",
            defaultValue = "mnist",
            description = "mnist, mnist-sample, fashion-mnist, or a directory with the four IDX files (default: "
                    + "${DEFAULT-VALUE}).")
    String dataset;

    @Option(
            names = "--components",
            split = ",",
            paramLabel = "K",
            description = "Numbers of components to measure (default: 2,16,32,64,196).")
    List<Integer> components = new ArrayList<>(List.of(2, 16, 32, 64, 196));

    @Mixin
    DataDirOption dataDir = new DataDirOption();

    @Mixin
    ThreadsOption threads;

    @Option(
            names = "--save",
            paramLabel = "DIR",
            description =
                    "Save the fitted PCA to this directory (pca.json, mean.npy, components.npy, eigenvalues.npy); "
                            + "other commands then take it as --model, with the largest --components as its code size.")
    Path save;

    @Mixin
    JsonOption json;

    @Override
    public Integer call() throws IOException {
        if (components.isEmpty() || components.stream().anyMatch(k -> k == null || k <= 0)) {
            throw new ParameterException(
                    context.commandLine(), "--components must be positive numbers, got " + components);
        }
        checkSaveDirectory();
        PrintWriter stderr = context.commandLine().getErr();
        Dataset data = DatasetChoice.parse(context.commandLine(), dataset, dataDir.get(), List.of())
                .load(stderr);
        int largest = components.stream().mapToInt(Integer::intValue).max().orElseThrow();
        if (largest > data.features()) {
            throw new ParameterException(
                    context.commandLine(),
                    "--components must be at most the input size " + data.features() + " of "
                            + data.info().name() + ", got " + largest);
        }
        stderr.println(String.format(
                Locale.ROOT,
                "Fitting PCA on %d training images of %s (%dx%d)",
                data.train().count(),
                data.info().name(),
                data.train().imageHeight(),
                data.train().imageWidth()));
        stderr.flush();

        long begin = System.nanoTime();
        PcaModel model = new Pca(threads.get()).fit(data);
        double fitSeconds = (System.nanoTime() - begin) / 1e9;
        Rows test = data.test();
        List<double[]> results = new ArrayList<>();
        for (int k : components) {
            results.add(new double[] {
                k, model.meanSquaredError(test.values(), test.count(), k), model.explainedVarianceRatio(k)
            });
        }
        if (save != null) {
            model.withCodeSize(largest).save(save);
        }

        PrintWriter stdout = context.commandLine().getOut();
        if (json.isEnabled()) {
            JsonOption.print(stdout, toJson(data, fitSeconds, results));
        } else {
            stdout.println(String.format(
                    Locale.ROOT,
                    "PCA of %s: fitted on %d training images in %.2f s, measured on %d test images",
                    data.info().name(),
                    data.train().count(),
                    fitSeconds,
                    test.count()));
            stdout.println("components  test MSE  explained variance");
            for (double[] r : results) {
                stdout.println(String.format(Locale.ROOT, "%10d  %.6f  %18.4f", (int) r[0], r[1], r[2]));
            }
            if (save != null) {
                stdout.println("Saved the PCA to " + save);
            }
        }
        stdout.flush();
        return 0;
    }

    /** Refuses a file, or a directory holding other things than a saved PCA, which saving would replace. */
    private void checkSaveDirectory() throws IOException {
        if (save == null) {
            return;
        }
        OutputDirectory.refuseRootOrHome(context.commandLine(), "--save", save);
        if (!Files.exists(save)) {
            return;
        }
        if (!Files.isDirectory(save)) {
            throw new ParameterException(context.commandLine(), "--save " + save + " is a file, not a directory");
        }
        try (Stream<Path> entries = Files.list(save)) {
            if (entries.findAny().isPresent() && !Files.isRegularFile(save.resolve("pca.json"))) {
                throw new ParameterException(
                        context.commandLine(),
                        "--save " + save + " holds files that are not a saved PCA; choose another directory");
            }
        }
    }

    private ObjectNode toJson(Dataset data, double fitSeconds, List<double[]> results) {
        ObjectNode root = Json.mapper().createObjectNode();
        ObjectNode source = root.putObject("dataset");
        source.put("name", data.info().name());
        source.put("source", data.info().source());
        source.put("sha256", data.info().sha256());
        source.put("requested", dataset);
        source.put("image_height", data.train().imageHeight());
        source.put("image_width", data.train().imageWidth());
        root.put("train_rows", data.train().count());
        root.put("test_rows", data.test().count());
        root.put("fit_seconds", fitSeconds);
        ArrayNode array = root.putArray("components");
        for (double[] r : results) {
            array.addObject().put("k", (int) r[0]).put("test_mse", r[1]).put("explained_variance_ratio", r[2]);
        }
        if (save != null) {
            root.put("saved", save.toString());
        }
        return root;
    }
}
