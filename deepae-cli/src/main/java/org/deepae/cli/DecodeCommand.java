package org.deepae.cli;

import java.io.IOException;
import org.deepae.data.CsvWriter;
import org.deepae.data.Preprocessing;
import org.deepae.data.RowFormat;
import org.deepae.data.Rows;
import org.deepae.model.Autoencoder;
import org.deepae.store.ModelInfo;
import org.deepae.viz.ImageGrid;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code deepae decode}: codes back to the input space. */
@Command(
        name = "decode",
        description = {
            "Decode codes (a CSV or NPY file of code rows) back to the input space; for a model trained on "
                    + "a table, --out FILE.csv holds the model's columns in their original units (categorical "
                    + "columns as their "
                    + "most likely level)."
        })
final class DecodeCommand extends ModelInputCommand {

    /** Images per row of the figure. */
    private static final int COLUMNS = 10;

    @Mixin
    OutputFileOption out;

    @Mixin
    ScaleOption scale;

    @Override
    int run() throws IOException {
        OutputFile target = out.check(RowFormat.PNG, RowFormat.NPY, RowFormat.CSV);
        ModelInfo info = model.info();
        boolean figure = target.is(RowFormat.PNG);
        if (figure && !info.hasImageSize()) {
            throw context.badOption("--out " + target.path()
                    + ": this model's rows are not images of a known size; write .npy or .csv");
        }
        Rows codes = input.read(info.spec().codeSize(), 0, 0);
        ImageGrid grid = figure ? new ImageGrid(info.imageHeight(), info.imageWidth(), scale.get()) : null;
        if (grid != null) {
            try {
                grid.requireDrawableGallery(codes.count(), COLUMNS);
            } catch (IllegalArgumentException e) {
                throw context.badOption("--scale " + scale.get() + ": " + e.getMessage() + ", or write .npy or .csv");
            }
        }
        float[] decoded;
        try (Autoencoder autoencoder = model.load()) {
            decoded = autoencoder.decode(codes.values(), codes.count());
        }
        Preprocessing preprocessing = info.preprocessing();
        boolean table = preprocessing != null && !preprocessing.isIdentity() && !info.hasImageSize();
        if (table && target.is(RowFormat.CSV)) {
            CsvWriter.write(target.path(), preprocessing.decode(decoded, codes.count(), codes.source()));
        } else if (table) {
            target.format().write(target.path(), imageRows(decoded, codes, info), "x_"); // the network's values
        } else if (figure) {
            grid.write(target.path(), grid.gallery(decoded(decoded, codes, preprocessing), codes.count(), COLUMNS));
        } else {
            target.format().write(target.path(), imageRows(decoded(decoded, codes, preprocessing), codes, info), "x_");
        }
        return context.done("Decoded " + codes.count() + " codes of " + codes.source() + ": " + target.path());
    }

    /** The decoded rows in the original units of a model with a numeric preprocessing. */
    private static float[] decoded(float[] decoded, Rows codes, Preprocessing preprocessing) {
        return preprocessing != null && !preprocessing.isIdentity()
                ? preprocessing.decodeNumeric(decoded, codes.count())
                : decoded;
    }

    private static Rows imageRows(float[] decoded, Rows codes, ModelInfo info) {
        return new Rows(
                decoded,
                codes.count(),
                info.spec().inputSize(),
                codes.labels(),
                info.imageHeight(),
                info.imageWidth(),
                codes.source());
    }
}
