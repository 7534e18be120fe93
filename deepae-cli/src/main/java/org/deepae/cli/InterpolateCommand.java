package org.deepae.cli;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.deepae.data.Rows;
import org.deepae.model.Autoencoder;
import org.deepae.store.ModelInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code deepae interpolate}: the decoded straight line between the codes of two (or more) input rows. */
@Command(
        name = "interpolate",
        description = "Decode the straight line between the codes of input rows: for --indices A,B, --steps images "
                + "from A's code to B's (both included); with more indices, one strip per consecutive pair. Any "
                + "model family; a VAE interpolates between the means of its codes.")
final class InterpolateCommand extends ModelInputCommand {

    /** The most images a strip may have. */
    static final int MAX_STEPS = 1000;

    @Option(
            names = "--indices",
            split = ",",
            required = true,
            paramLabel = "I",
            description = "The rows (0-based) to go between, at least two.")
    List<Integer> indices = new ArrayList<>();

    @Option(
            names = "--steps",
            paramLabel = "N",
            defaultValue = "10",
            description =
                    "Images per strip, the two ends included, 2 to " + MAX_STEPS + " (default: ${DEFAULT-VALUE}).")
    int steps;

    @Mixin
    OutputFileOption out;

    @Mixin
    ScaleOption scale;

    @Override
    int run() throws IOException {
        if (indices.size() < 2 || indices.stream().anyMatch(i -> i == null || i < 0)) {
            throw context.badOption("--indices needs at least two rows, 0 or more, got " + indices);
        }
        if (steps < 2 || steps > MAX_STEPS) {
            throw context.badOption("--steps must be 2 to " + MAX_STEPS + ", got " + steps);
        }
        out.check(DecodedOutput.FORMATS);
        ModelInfo info = model.info();
        int strips = indices.size() - 1;
        int count = strips * steps;
        DecodedOutput target = DecodedOutput.check(context, out, scale, info, count, steps);
        Rows all = input.read(info);
        Rows ends = all.select(indices.stream().mapToInt(i -> i).toArray());
        float[] decoded;
        try (Autoencoder autoencoder = model.load()) {
            float[] codes = autoencoder.encode(ends.values(), ends.count());
            decoded = autoencoder.decode(line(codes, info.spec().codeSize(), strips, steps), count);
        }
        target.write(decoded, count, null, all.source());
        return context.done("Decoded " + strips + (strips == 1 ? " line" : " lines") + " of " + steps
                + " codes between rows " + indices + " of " + all.source() + ": " + target.path());
    }

    /**
     * The codes along each straight line from {@code codes} row {@code s} to row {@code s + 1}: {@code steps} of them,
     * at {@code t = k / (steps - 1)}, computed as {@code (1 - t) a + t b} in double precision.
     */
    static float[] line(float[] codes, int width, int strips, int steps) {
        float[] line = new float[strips * steps * width];
        for (int s = 0; s < strips; s++) {
            for (int k = 0; k < steps; k++) {
                double t = (double) k / (steps - 1);
                for (int j = 0; j < width; j++) {
                    double a = codes[s * width + j];
                    double b = codes[(s + 1) * width + j];
                    line[(s * steps + k) * width + j] = (float) ((1 - t) * a + t * b);
                }
            }
        }
        return line;
    }
}
