package org.deepae.cli;

import org.deepae.model.Precision;
import picocli.CommandLine.Option;

/**
 * The {@code --precision} option of the commands that train: the arithmetic of the matrix products. Each command says
 * what it means for it in {@code OptionDescriptions.properties} (key {@code precision}).
 */
final class PrecisionOption {

    @Option(
            names = "--precision",
            paramLabel = "fp32|bf16",
            defaultValue = "fp32",
            descriptionKey = "precision",
            description = "Arithmetic of the matrix products (default: ${DEFAULT-VALUE}).")
    private Precision precision = Precision.FP32;

    /** The precision given. */
    Precision get() {
        return precision;
    }
}
