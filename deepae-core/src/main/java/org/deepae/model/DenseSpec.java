package org.deepae.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.deepae.data.ImageShape;

/**
 * A fully connected (dense) autoencoder, the tutorial's family: the input size, the encoder's layer sizes (the last
 * is the code), the decoder's hidden layer sizes (the output layer, of the input size, follows them), the
 * activations, the loss and the weight initializer.
 *
 * <p>The tutorial's network is {@code tutorial(784)}: 784-392-196-392-784, ReLU on every layer including the output,
 * weights from a variance-scaling initializer (scale 1, fan-in, truncated normal), zero biases, mean squared error.
 *
 * @param inputSize values per input row, positive
 * @param encoderLayers sizes of the encoder's layers after the input, the last being the code size; not empty
 * @param decoderLayers sizes of the decoder's hidden layers between the code and the output; may be empty
 * @param hiddenActivation activation of every hidden layer but the code
 * @param codeActivation activation of the code (bottleneck) layer
 * @param outputActivation activation of the output layer
 * @param loss reconstruction loss; {@link Loss#BCE} needs a sigmoid output
 * @param initializer how weights start
 */
public record DenseSpec(
        int inputSize,
        List<Integer> encoderLayers,
        List<Integer> decoderLayers,
        Activation hiddenActivation,
        Activation codeActivation,
        Activation outputActivation,
        Loss loss,
        Initializer initializer)
        implements NetworkSpec {

    /**
     * The most dense layers (weight matrices) a network may have, encoder, decoder and output together. Building a
     * graph takes time superlinear in its depth (100 layers of 8 took 46 s to build and train one epoch of 8,000
     * rows); autoencoders in use have a handful.
     */
    public static final int MAX_DENSE_LAYERS = 64;

    /** The tutorial's encoder: 392 then a 196-value code. */
    public static final List<Integer> TUTORIAL_LAYERS = List.of(392, 196);

    /**
     * The default encoder for a table of {@code width} encoded values: a hidden layer of about half the width, then a
     * code of about a quarter (at least 1, always smaller than the input); just the code for narrow tables. Measured on
     * scikit-learn's wine (13 values), breast-cancer (30) and digits (64) tables, 3 seeds each (docs/own-data.md):
     * trained for enough steps (50 epochs of batches of 32, linear code), its test error is 1.09 and 1.25 times PCA's
     * at
     * the same code size on the two narrow tables (1.00 and 1.07 after 100 epochs) and 0.64 times on digits, where the
     * code alone without the hidden layer, a linear autoencoder, only matches PCA (1.02-1.06 times after 100 epochs). A
     * code of d/8 does as well against PCA at its own size. With the tutorial's 5 epochs of batches of 150, no rule
     * comes
     * near PCA on these tables (1.5-7.6 times).
     */
    public static List<Integer> tableLayers(int width) {
        if (width < 2) {
            throw new IllegalArgumentException(
                    "a table needs at least 2 values per row to be compressed, got " + width);
        }
        int code = Math.max(1, Math.min(width - 1, (int) Math.round(width / 4.0)));
        int hidden = (int) Math.round(width / 2.0);
        return hidden > code && hidden < width ? List.of(hidden, code) : List.of(code);
    }

    public DenseSpec {
        if (inputSize <= 0) {
            throw new IllegalArgumentException("input size must be positive, got " + inputSize);
        }
        if (encoderLayers == null || encoderLayers.isEmpty()) {
            throw new IllegalArgumentException("the encoder needs at least one layer");
        }
        encoderLayers = List.copyOf(encoderLayers);
        decoderLayers = List.copyOf(decoderLayers);
        for (List<Integer> sizes : List.of(encoderLayers, decoderLayers)) {
            for (int size : sizes) {
                if (size <= 0) {
                    throw new IllegalArgumentException("layer sizes must be positive, got " + sizes);
                }
            }
        }
        if (encoderLayers.size() + decoderLayers.size() + 1 > MAX_DENSE_LAYERS) {
            throw new IllegalArgumentException(
                    "a network may have at most " + MAX_DENSE_LAYERS + " dense layers in all, "
                            + "got " + (encoderLayers.size() + decoderLayers.size() + 1) + " (" + encoderLayers.size()
                            + " in the "
                            + "encoder, " + decoderLayers.size() + " in the decoder and the output layer)");
        }
        requireLayers(hiddenActivation, codeActivation, outputActivation, loss, initializer);
    }

    /**
     * A network whose decoder mirrors the encoder, whose code has the hidden activation, and whose weights start from
     * the tutorial's variance-scaling initializer.
     */
    public DenseSpec(
            int inputSize,
            List<Integer> encoderLayers,
            Activation hiddenActivation,
            Activation outputActivation,
            Loss loss) {
        this(
                inputSize,
                encoderLayers,
                mirror(encoderLayers),
                hiddenActivation,
                hiddenActivation,
                outputActivation,
                loss,
                Initializer.VARIANCE_SCALING);
    }

    /**
     * Checks what every family's layers need: activations, a loss and an initializer, and a sigmoid output for the
     * bce loss.
     */
    static void requireLayers(
            Activation hidden, Activation code, Activation output, Loss loss, Initializer initializer) {
        if (hidden == null || code == null || output == null || loss == null || initializer == null) {
            throw new IllegalArgumentException("activations, loss and initializer must be given");
        }
        if (loss == Loss.BCE && output != Activation.SIGMOID) {
            throw new IllegalArgumentException("the bce loss needs a sigmoid output activation, got " + output.id());
        }
    }

    /** The tutorial's network for inputs of the given size. */
    public static DenseSpec tutorial(int inputSize) {
        return new DenseSpec(inputSize, TUTORIAL_LAYERS, Activation.RELU, Activation.RELU, Loss.MSE);
    }

    /**
     * deepae's default network for a table of {@code width} encoded values: {@link #tableLayers} with ReLU hidden
     * layers and a linear output (standardised values are negative too), mean squared error.
     */
    public static DenseSpec forTable(int width) {
        return new DenseSpec(width, tableLayers(width), Activation.RELU, Activation.LINEAR, Loss.MSE);
    }

    /** The decoder's hidden sizes that mirror {@code encoderLayers}: all but the code, in reverse. */
    public static List<Integer> mirror(List<Integer> encoderLayers) {
        List<Integer> decoder = new ArrayList<>();
        if (encoderLayers != null) {
            for (int i = encoderLayers.size() - 2; i >= 0; i--) {
                decoder.add(encoderLayers.get(i));
            }
        }
        return decoder;
    }

    /** The same network for inputs of another size. */
    public DenseSpec withInputSize(int size) {
        return new DenseSpec(
                size,
                encoderLayers,
                decoderLayers,
                hiddenActivation,
                codeActivation,
                outputActivation,
                loss,
                initializer);
    }

    /** Every layer's width from input to output, for example {@code [784, 392, 196, 392, 784]}. */
    public List<Integer> layerSizes() {
        List<Integer> sizes = new ArrayList<>();
        sizes.add(inputSize);
        sizes.addAll(encoderLayers);
        sizes.addAll(decoderLayers);
        sizes.add(inputSize);
        return List.copyOf(sizes);
    }

    /** Number of dense layers (weight matrices). */
    public int denseLayerCount() {
        return encoderLayers.size() + decoderLayers.size() + 1;
    }

    /** Index of the dense layer whose output is the code. */
    public int codeLayerIndex() {
        return encoderLayers.size() - 1;
    }

    /** Width of the code (the bottleneck). */
    @Override
    public int codeSize() {
        return encoderLayers.get(encoderLayers.size() - 1);
    }

    /** Activation applied after dense layer {@code i}. */
    public Activation activationOf(int layer) {
        if (layer == denseLayerCount() - 1) {
            return outputActivation;
        }
        return layer == codeLayerIndex() ? codeActivation : hiddenActivation;
    }

    /**
     * Number of trainable values: all weights and biases ({@code Long.MAX_VALUE} if they are more than a long holds).
     */
    @Override
    public long parameterCount() {
        List<Integer> sizes = layerSizes();
        long count = 0;
        try {
            for (int i = 0; i + 1 < sizes.size(); i++) {
                count = Math.addExact(count, (long) sizes.get(i) * sizes.get(i + 1) + sizes.get(i + 1));
            }
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE;
        }
        return count;
    }

    /** The width of the layer before the code (the input size when the code is the first layer). */
    @Override
    public long codeLayerInputSize() {
        return layerSizes().get(codeLayerIndex());
    }

    @Override
    public long largestWeightCount() {
        long largest = 0;
        List<Integer> sizes = layerSizes();
        for (int i = 0; i + 1 < sizes.size(); i++) {
            largest = Math.max(largest, (long) sizes.get(i) * sizes.get(i + 1));
        }
        return largest;
    }

    /** Always empty: a dense network takes flat rows, whatever they came from. */
    @Override
    public Optional<ImageShape> imageShape() {
        return Optional.empty();
    }

    @Override
    public String family() {
        return "dense";
    }

    /** The layer widths joined by dashes, for example {@code 784-392-196-392-784}. */
    @Override
    public String describe() {
        return layerSizes().stream().map(String::valueOf).collect(Collectors.joining("-"));
    }
}
