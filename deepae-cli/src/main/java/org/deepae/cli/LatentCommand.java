package org.deepae.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.deepae.data.Dataset;
import org.deepae.model.Autoencoder;
import org.deepae.run.ModelStudy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code deepae latent}: the test set's codes as a 2-D scatter plot coloured by label. */
@Command(
        name = "latent",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = "Plot the test set's codes in 2-D, one colour per label (codes of more than 2 values are "
                + "projected with PCA of the codes).")
final class LatentCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ModelOptions model;

    @Mixin
    DatasetOptions dataset;

    @Option(names = "--out", required = true, paramLabel = "FILE.png", description = "The plot.")
    Path out;

    @Mixin
    VerboseOption verbose;

    @Override
    public Integer call() throws IOException {
        model.validate(spec.commandLine());
        OutputFile target = OutputFile.check(spec.commandLine(), out, List.of("png"));
        Dataset data = dataset.load(spec.commandLine(), model);
        ModelStudy.LatentMap map;
        try (Autoencoder autoencoder = model.load()) {
            map = new ModelStudy(autoencoder, data, model.threads(), dataset.pcaCache()).latent();
        }
        if (map.labels() == null) {
            ModelStudy.scatter(data, map).write(target.path(), map.points());
        } else {
            ModelStudy.scatter(data, map).write(target.path(), map.points(), map.labels());
        }
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.println(map.title() + ": " + target.path());
        stdout.flush();
        return 0;
    }
}
