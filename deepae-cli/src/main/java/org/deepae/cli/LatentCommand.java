package org.deepae.cli;

import java.io.IOException;
import org.deepae.data.Dataset;
import org.deepae.data.RowFormat;
import org.deepae.model.Autoencoder;
import org.deepae.run.ModelStudy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code deepae latent}: the test set's codes as a 2-D scatter plot coloured by label. */
@Command(
        name = "latent",
        description = "Plot the test set's codes in 2-D, one colour per label (codes of more than 2 values are "
                + "projected with PCA of the codes).")
final class LatentCommand extends ModelDatasetCommand {

    @Mixin
    OutputFileOption out;

    @Override
    int run() throws IOException {
        OutputFile target = out.check(RowFormat.PNG);
        Dataset data = dataset.load(model);
        ModelStudy.LatentMap map;
        try (Autoencoder autoencoder = model.load()) {
            map = new ModelStudy(autoencoder, data, model.threads(), dataset.pcaCache()).latent();
        }
        if (map.labels() == null) {
            ModelStudy.scatter(data, map).write(target.path(), map.points());
        } else {
            ModelStudy.scatter(data, map).write(target.path(), map.points(), map.labels());
        }
        return context.done(map.title() + ": " + target.path());
    }
}
