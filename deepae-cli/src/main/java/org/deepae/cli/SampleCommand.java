package org.deepae.cli;

import java.io.IOException;
import java.util.concurrent.Callable;
import org.deepae.model.Autoencoder;
import org.deepae.store.ModelInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code deepae sample}: new data from a variational model, codes drawn from its prior and decoded. */
@Command(
        name = "sample",
        description = "Generate new rows with a variational model (--arch vae or conv-vae): codes drawn from the "
                + "prior N(0, I) with --seed, decoded; a grid of images (--out FILE.png) or the rows (.npy, .csv).")
final class SampleCommand implements Callable<Integer> {

    /** The most samples one call draws. */
    static final int MAX_COUNT = 1_000_000;

    @Mixin
    ModelOptions model;

    @Option(
            names = "--count",
            paramLabel = "N",
            defaultValue = "64",
            description = "How many samples (default: ${DEFAULT-VALUE}).")
    int count;

    @Option(
            names = "--seed",
            paramLabel = "S",
            defaultValue = "1",
            description = "Seed of the draws: the same seed gives the same samples (default: ${DEFAULT-VALUE}).")
    long seed;

    @Mixin
    OutputFileOption out;

    @Mixin
    ScaleOption scale;

    @Mixin
    CommandContext context;

    @Override
    public Integer call() throws IOException {
        if (count <= 0 || count > MAX_COUNT) {
            throw context.badOption("--count must be 1 to " + MAX_COUNT + ", got " + count);
        }
        model.validate();
        out.check(DecodedOutput.FORMATS);
        ModelInfo info = model.info();
        if (!info.spec().variational()) {
            throw context.badOption(
                    "--model " + model.model + ": a " + info.spec().family()
                            + " model cannot generate samples; train one with --arch vae or --arch conv-vae");
        }
        int columns = (int) Math.ceil(Math.sqrt(count));
        DecodedOutput target = DecodedOutput.check(context, out, scale, info, count, columns);
        float[] samples;
        try (Autoencoder autoencoder = model.load()) {
            samples = autoencoder.sample(count, seed);
        }
        target.write(samples, count, null, "samples");
        return context.done("Drew " + count + " samples from the prior (seed " + seed + "): " + target.path());
    }
}
