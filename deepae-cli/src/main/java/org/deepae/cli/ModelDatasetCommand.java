package org.deepae.cli;

import java.io.IOException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;

/**
 * A command that studies a model on a dataset ({@code evaluate}, {@code compare}, {@code latent}, {@code report}):
 * {@code --model}, {@code --dataset} and the common options, with the model checked before the command's own work.
 */
abstract class ModelDatasetCommand implements Callable<Integer> {

    @Mixin
    ModelOptions model;

    @Mixin
    DatasetOptions dataset;

    @Mixin
    CommandContext context;

    @Override
    public final Integer call() throws IOException {
        model.validate();
        return run();
    }

    /** The command's own work, once its model option is checked; returns the exit code. */
    abstract int run() throws IOException;
}
