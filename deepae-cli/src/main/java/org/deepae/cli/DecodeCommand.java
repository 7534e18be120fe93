package org.deepae.cli;

import java.io.IOException;
import org.deepae.data.Rows;
import org.deepae.model.Autoencoder;
import org.deepae.store.ModelInfo;
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
        out.check(DecodedOutput.FORMATS); // before reading the codes, which the figure's size depends on
        ModelInfo info = model.info();
        Rows codes = input.read(info.spec().codeSize(), 0, 0);
        DecodedOutput target = DecodedOutput.check(context, out, scale, info, codes.count(), COLUMNS);
        float[] decoded;
        try (Autoencoder autoencoder = model.load()) {
            decoded = autoencoder.decode(codes.values(), codes.count());
        }
        target.write(decoded, codes.count(), codes.labels(), codes.source());
        return context.done("Decoded " + codes.count() + " codes of " + codes.source() + ": " + target.path());
    }
}
