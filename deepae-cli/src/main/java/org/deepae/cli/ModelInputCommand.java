package org.deepae.cli;

import java.io.IOException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;

/**
 * A command that runs a model on an input ({@code encode}, {@code decode}, {@code reconstruct}, {@code anomalies}):
 * {@code --model}, {@code --input} and the common options, with the input checked against the model before the
 * command's own work.
 */
abstract class ModelInputCommand implements Callable<Integer> {

    @Mixin
    ModelOptions model;

    @Mixin
    InputOptionsMixin input;

    @Mixin
    CommandContext context;

    @Override
    public final Integer call() throws IOException {
        input.validate(model);
        return run();
    }

    /** The command's own work, once its model and input options are checked; returns the exit code. */
    abstract int run() throws IOException;
}
