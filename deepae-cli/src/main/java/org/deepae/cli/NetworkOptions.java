package org.deepae.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.deepae.data.Dataset;
import org.deepae.data.ImageShape;
import org.deepae.model.Activation;
import org.deepae.model.ConvSpec;
import org.deepae.model.DenseSpec;
import org.deepae.model.Initializer;
import org.deepae.model.Loss;
import org.deepae.model.NetworkFootprint;
import org.deepae.model.NetworkSpec;
import org.deepae.model.VaeSpec;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** The options that shape the network: family, layers or convolutions, activations, loss and initializer. */
final class NetworkOptions {

    /** The families {@code --arch} takes. */
    static final List<String> ARCHITECTURES = List.of("dense", "conv", "vae", "conv-vae");

    /** A VAE's encoder when --layers is not given: a hidden layer of 512, then a code of 16 (see the README). */
    static final List<Integer> VAE_LAYERS = List.of(512, 16);

    /**
     * A VAE's learning rate when --learning-rate is not given. On Fashion-MNIST (20 epochs, README), Adam at 0.01
     * collapsed the convolutional VAE's posterior (KL 0.01 nats, negative ELBO 385) and gave the dense VAE 244.9 nats
     * against 242.8 at 0.001.
     */
    static final double VAE_LEARNING_RATE = 0.001;

    @Option(
            names = "--arch",
            paramLabel = "NAME",
            defaultValue = "dense",
            description = "Network family: dense (the tutorial's stack of dense layers), conv (convolutions, for "
                    + "images), vae (variational, dense), conv-vae (variational, convolutional) "
                    + "(default: ${DEFAULT-VALUE}).")
    String arch;

    @Option(
            names = "--filters",
            split = ",",
            paramLabel = "N",
            description = "conv and conv-vae: channels of each stride-2 convolution of the encoder; the decoder "
                    + "mirrors them with transposed convolutions (default: 32,64).")
    List<Integer> filters = new ArrayList<>(ConvSpec.DEFAULT_FILTERS);

    @Option(
            names = "--kernel",
            paramLabel = "N",
            defaultValue = "3",
            description = "conv and conv-vae: side of each convolution's window, 1 to " + ConvSpec.MAX_KERNEL
                    + " (default: ${DEFAULT-VALUE}).")
    int kernel;

    @Option(
            names = "--code-size",
            paramLabel = "N",
            description = "Size of the code: for conv, a dense code layer after the convolutions (without it the "
                    + "last feature map is the code); for conv-vae, the latent size (default 16); for dense and vae, "
                    + "it replaces the last of --layers.")
    Integer codeSize;

    @Option(
            names = "--beta",
            paramLabel = "X",
            defaultValue = "1",
            description = "vae and conv-vae: weight of the KL divergence in the loss; 1 gives the ELBO "
                    + "(default: ${DEFAULT-VALUE}).")
    double beta;

    @Option(
            names = "--layers",
            split = ",",
            paramLabel = "N",
            description =
                    "dense and vae: encoder layer sizes, the last being the code size (default: 392,196 for images, "
                            + "512,16 for vae; for a table of "
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
            description = "Activation of the code layer (default: as --activation; linear for tables, conv, vae and "
                    + "conv-vae).")
    String codeActivation;

    @Option(
            names = "--output-activation",
            paramLabel = "NAME",
            defaultValue = "relu",
            description = "Output activation: relu, sigmoid, linear, ... (default: ${DEFAULT-VALUE}, as in the "
                    + "tutorial; linear for tables; sigmoid for conv, vae and conv-vae).")
    String outputActivation;

    @Option(
            names = "--loss",
            paramLabel = "mse|bce",
            defaultValue = "mse",
            description = "Reconstruction loss; bce needs --output-activation sigmoid (default: ${DEFAULT-VALUE}; bce, "
                    + "summed over each image's values, for vae and conv-vae).")
    String loss;

    @Option(
            names = "--init",
            paramLabel = "NAME",
            defaultValue = "variance-scaling",
            description = "Weight initializer: variance-scaling, glorot, he (default: ${DEFAULT-VALUE}).")
    String init;

    /** Whether --arch is a variational family. */
    boolean variational() {
        return arch.endsWith("vae");
    }

    /**
     * Checks the network options before any data is loaded, against the tutorial's 28 x 28 grayscale images, or a
     * bad-option error naming the problem.
     */
    void check(CommandLine cl) {
        // the defaults set for the family and the data are set again, for the real data, by spec(cl, data)
        List<Integer> givenLayers = layers;
        String givenLoss = loss;
        String givenOutput = outputActivation;
        String givenCode = codeActivation;
        try {
            spec(cl, 784, ImageShape.gray(28, 28), false);
        } finally {
            layers = givenLayers;
            loss = givenLoss;
            outputActivation = givenOutput;
            codeActivation = givenCode;
        }
    }

    /**
     * The network for the rows of {@code data}; for a table, the layers, code and output activations not given (on
     * the command line or in a --config file) are {@link DenseSpec#tableLayers}'s and linear (standardised values are
     * negative too), and are set here so that the run's config.json records them. The convolutional families need
     * images.
     */
    NetworkSpec spec(CommandLine cl, Dataset data) {
        return spec(cl, data.features(), data.isImages() ? data.shape() : null, !data.isImages());
    }

    private NetworkSpec spec(CommandLine cl, int inputSize, ImageShape image, boolean table) {
        if (!ARCHITECTURES.contains(arch)) {
            throw new ParameterException(
                    cl, "--arch: unknown family \"" + arch + "\"; expected one of " + String.join(", ", ARCHITECTURES));
        }
        boolean conv = arch.startsWith("conv");
        boolean vae = arch.endsWith("vae");
        if (conv && image == null) {
            throw new ParameterException(
                    cl,
                    "--arch " + arch + " needs images (IDX, NPY of 3 or 4 dimensions, or a "
                            + "folder of PNGs); this data is a table of " + inputSize
                            + " values per row: use --arch dense or "
                            + "vae");
        }
        if (table && !TrainCommand.isGiven(cl, "--layers")) {
            layers = new ArrayList<>(DenseSpec.tableLayers(inputSize));
        }
        if (table && !TrainCommand.isGiven(cl, "--output-activation")) {
            outputActivation = "linear";
        }
        if (table && !TrainCommand.isGiven(cl, "--code-activation")) {
            codeActivation = "linear"; // measured better than ReLU codes on every table tried (docs/own-data.md)
        }
        if (vae && !table && !TrainCommand.isGiven(cl, "--loss")) {
            loss = "bce";
        }
        if (!table && (conv || vae) && !TrainCommand.isGiven(cl, "--output-activation")) {
            outputActivation = "sigmoid";
        }
        if ((vae || conv) && !TrainCommand.isGiven(cl, "--code-activation")) {
            // a VAE's code is linear; a convolutional one measured better linear (README: 0.0110 against 0.0320
            // test MSE at code 16 after 5 epochs on Fashion-MNIST)
            codeActivation = "linear";
        }
        if (!conv && vae && !TrainCommand.isGiven(cl, "--layers")) {
            layers = new ArrayList<>(VAE_LAYERS);
        }
        if (codeSize != null && codeSize <= 0) {
            throw new ParameterException(cl, "--code-size must be positive, got " + codeSize);
        }
        Activation hidden = parse(cl, "--activation", activation, Activation::parse);
        Activation code =
                codeActivation == null ? hidden : parse(cl, "--code-activation", codeActivation, Activation::parse);
        Activation output = parse(cl, "--output-activation", outputActivation, Activation::parse);
        Loss lossFunction = parse(cl, "--loss", loss, Loss::parse);
        Initializer initializer = parse(cl, "--init", init, Initializer::parse);
        NetworkSpec body;
        try {
            if (conv) {
                if (filters.isEmpty() || filters.stream().anyMatch(n -> n == null || n <= 0)) {
                    throw new ParameterException(cl, "--filters must be positive channel counts, got " + filters);
                }
                int dense = codeSize != null ? codeSize : vae ? VAE_LAYERS.get(1) : 0;
                body = new ConvSpec(image, filters, kernel, dense, hidden, code, output, lossFunction, initializer);
            } else {
                body = denseSpec(cl, inputSize, hidden, code, output, lossFunction, initializer);
            }
            NetworkSpec spec = vae ? new VaeSpec(body, beta) : body;
            try {
                NetworkFootprint.require(spec, NetworkFootprint.Purpose.TRAINING);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(
                        cl, (conv ? "--filters " + join(filters) : "--layers " + join(layers)) + ": " + e.getMessage());
            }
            return spec;
        } catch (IllegalArgumentException e) {
            throw new ParameterException(cl, e.getMessage());
        }
    }

    private DenseSpec denseSpec(
            CommandLine cl,
            int inputSize,
            Activation hidden,
            Activation code,
            Activation output,
            Loss lossFunction,
            Initializer initializer) {
        if (layers.isEmpty() || layers.stream().anyMatch(n -> n == null || n <= 0)) {
            throw new ParameterException(cl, "--layers must be positive sizes, got " + layers);
        }
        if (decoderLayers != null && decoderLayers.stream().anyMatch(n -> n == null || n <= 0)) {
            throw new ParameterException(cl, "--decoder-layers must be positive sizes, got " + decoderLayers);
        }
        List<Integer> encoder = new ArrayList<>(layers);
        if (codeSize != null) {
            encoder.set(encoder.size() - 1, codeSize);
        }
        return new DenseSpec(
                inputSize,
                encoder,
                decoderLayers == null ? DenseSpec.mirror(encoder) : decoderLayers,
                hidden,
                code,
                output,
                lossFunction,
                initializer);
    }

    private static String join(List<Integer> values) {
        return values.stream().map(String::valueOf).collect(Collectors.joining(","));
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
