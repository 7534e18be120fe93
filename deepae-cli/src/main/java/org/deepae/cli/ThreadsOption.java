package org.deepae.cli;

import org.deepae.tf.TfAutoencoder;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The {@code --threads} option: how many threads TensorFlow runs ops on (towers, lanes), checked as it is parsed. */
final class ThreadsOption {

    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    private int threads;

    @Option(
            names = "--threads",
            paramLabel = "N",
            defaultValue = "0",
            description = "TensorFlow threads; 0 uses all cores, at most " + TfAutoencoder.MAX_THREADS
                    + " (default: ${DEFAULT-VALUE}).")
    void set(int value) {
        if (value < 0 || value > TfAutoencoder.MAX_THREADS) {
            throw new ParameterException(
                    mixee.commandLine(),
                    "--threads must be 0 (all cores) or between 1 and " + TfAutoencoder.MAX_THREADS + ", got " + value);
        }
        threads = value;
    }

    /** The thread count; 0 means all cores. */
    int get() {
        return threads;
    }
}
