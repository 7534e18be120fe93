package org.deepae.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.deepae.model.Activation;
import org.deepae.model.DenseSpec;
import org.deepae.model.Initializer;
import org.deepae.model.Loss;
import org.deepae.model.NetworkFootprint;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** The options that shape the network: layers, activations, loss and initializer. */
final class NetworkOptions {

    @Option(
            names = "--layers",
            split = ",",
            paramLabel = "N",
            description =
                    "Encoder layer sizes, the last being the code size (default: 392,196 for images; for a table of "
                            + "d encoded values, about d/2 and d/4, see the README). A network has at most "
                            + DenseSpec.MAX_DENSE_LAYERS
                            + " dense layers in all, and its weights, gradients and Adam's moments "
                            + "(16 bytes a parameter) must fit this machine's memory.")
    List<Integer> layers = new ArrayList<>(DenseSpec.TUTORIAL_LAYERS);

    @Option(
            names = "--decoder-layers",
            split = ",",
            paramLabel = "N",
            description =
                    "Decoder hidden layer sizes between the code and the output (default: the encoder's, mirrored).")
    List<Integer> decoderLayers;

    @Option(
            names = "--activation",
            paramLabel = "NAME",
            defaultValue = "relu",
            description = "Hidden activation: relu, leaky_relu, elu, selu, tanh, sigmoid, linear "
                    + "(default: ${DEFAULT-VALUE}).")
    String activation;

    @Option(
            names = "--code-activation",
            paramLabel = "NAME",
            description = "Activation of the code layer (default: as --activation; linear allowed).")
    String codeActivation;

    @Option(
            names = "--output-activation",
            paramLabel = "NAME",
            defaultValue = "relu",
            description = "Output activation: relu, sigmoid, linear, ... (default: ${DEFAULT-VALUE}, as in the "
                    + "tutorial; linear for tables).")
    String outputActivation;

    @Option(
            names = "--loss",
            paramLabel = "mse|bce",
            defaultValue = "mse",
            description = "Reconstruction loss; bce needs --output-activation sigmoid (default: ${DEFAULT-VALUE}).")
    String loss;

    @Option(
            names = "--init",
            paramLabel = "NAME",
            defaultValue = "variance-scaling",
            description = "Weight initializer: variance-scaling, glorot, he (default: ${DEFAULT-VALUE}).")
    String init;

    /** The network for inputs of {@code inputSize} values, or a bad-option error naming the problem. */
    DenseSpec spec(CommandLine cl, int inputSize) {
        return spec(cl, inputSize, false);
    }

    /**
     * The network for inputs of {@code inputSize} values; for a table, the layers, code and output activations not
     * given (on the command line or in a --config file) are {@link DenseSpec#tableLayers}'s and linear
     * (standardised values are negative too), and are set here so that the run's config.json records them.
     */
    DenseSpec spec(CommandLine cl, int inputSize, boolean table) {
        if (table && !TrainCommand.isGiven(cl, "--layers")) {
            layers = new ArrayList<>(DenseSpec.tableLayers(inputSize));
        }
        if (table && !TrainCommand.isGiven(cl, "--output-activation")) {
            outputActivation = "linear";
        }
        if (table && !TrainCommand.isGiven(cl, "--code-activation")) {
            codeActivation = "linear"; // measured better than ReLU codes on every table tried (docs/own-data.md)
        }
        if (layers.isEmpty() || layers.stream().anyMatch(n -> n == null || n <= 0)) {
            throw new ParameterException(cl, "--layers must be positive sizes, got " + layers);
        }
        if (decoderLayers != null && decoderLayers.stream().anyMatch(n -> n == null || n <= 0)) {
            throw new ParameterException(cl, "--decoder-layers must be positive sizes, got " + decoderLayers);
        }
        Activation hidden = parse(cl, "--activation", activation, Activation::parse);
        Activation code =
                codeActivation == null ? hidden : parse(cl, "--code-activation", codeActivation, Activation::parse);
        Activation output = parse(cl, "--output-activation", outputActivation, Activation::parse);
        Loss lossFunction = parse(cl, "--loss", loss, Loss::parse);
        Initializer initializer = parse(cl, "--init", init, Initializer::parse);
        try {
            DenseSpec spec = new DenseSpec(
                    inputSize,
                    layers,
                    decoderLayers == null ? DenseSpec.mirror(layers) : decoderLayers,
                    hidden,
                    code,
                    output,
                    lossFunction,
                    initializer);
            try {
                NetworkFootprint.require(spec, NetworkFootprint.Purpose.TRAINING);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(
                        cl,
                        "--layers " + layers.stream().map(String::valueOf).collect(Collectors.joining(",")) + ": "
                                + e.getMessage());
            }
            return spec;
        } catch (IllegalArgumentException e) {
            throw new ParameterException(cl, e.getMessage());
        }
    }

    /** A named choice parsed by {@code parser}, or a bad-option error that names the option. */
    private static <T> T parse(CommandLine cl, String option, String value, Function<String, T> parser) {
        try {
            return parser.apply(value);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(cl, option + ": " + e.getMessage());
        }
    }
}
