package org.deepae.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.deepae.data.ImageShape;

/**
 * A convolutional autoencoder over images. The encoder is one convolution per entry of {@code filters}, each with a
 * {@code kernel x kernel} window, stride 2 and {@code same} padding (so each halves the height and width, rounding
 * up), followed by the hidden activation; then, when {@code codeSize} is positive, a dense layer to a code of that
 * size with the code activation. The decoder mirrors it: a dense layer back to the last feature map (when there is a
 * dense code), then one transposed convolution with stride 2 per encoder convolution, back to the sizes the encoder
 * went through, the last one to the image's channels with the output activation.
 *
 * @param image the images' shape (rows are stored HWC)
 * @param filters output channels of each encoder convolution, for example {@code [32, 64]}
 * @param kernel the window's side, 1 to {@value #MAX_KERNEL}
 * @param denseCodeSize the dense code's size, or 0 for none: the last feature map is then the code
 * @param hiddenActivation activation after every convolution but the last transposed one
 * @param codeActivation activation of the dense code (unused without one)
 * @param outputActivation activation of the output
 * @param loss reconstruction loss; {@link Loss#BCE} needs a sigmoid output
 * @param initializer how weights start (fan-in is {@code kernel * kernel * input channels})
 */
public record ConvSpec(
        ImageShape image,
        List<Integer> filters,
        int kernel,
        int denseCodeSize,
        Activation hiddenActivation,
        Activation codeActivation,
        Activation outputActivation,
        Loss loss,
        Initializer initializer)
        implements NetworkSpec {

    /** The most convolutions an encoder may have: each halves the image, so 16 reduce 65,536 pixels to one. */
    public static final int MAX_CONV_LAYERS = 16;

    /** The largest kernel side. */
    public static final int MAX_KERNEL = 15;

    /** The most channels a convolution may have. */
    public static final int MAX_FILTERS = 4096;

    /** The encoder of Keras's and TensorFlow's convolutional autoencoder examples: 32 then 64 filters. */
    public static final List<Integer> DEFAULT_FILTERS = List.of(32, 64);

    /** The default kernel side. */
    public static final int DEFAULT_KERNEL = 3;

    public ConvSpec {
        if (image == null) {
            throw new IllegalArgumentException("a convolutional network needs an image shape");
        }
        if (filters == null || filters.isEmpty() || filters.size() > MAX_CONV_LAYERS) {
            throw new IllegalArgumentException("a convolutional encoder needs 1 to " + MAX_CONV_LAYERS
                    + " convolutions, got " + (filters == null ? 0 : filters.size()));
        }
        filters = List.copyOf(filters);
        for (int f : filters) {
            if (f <= 0 || f > MAX_FILTERS) {
                throw new IllegalArgumentException("filter counts must be 1 to " + MAX_FILTERS + ", got " + filters);
            }
        }
        if (kernel < 1 || kernel > MAX_KERNEL) {
            throw new IllegalArgumentException("the kernel must be 1 to " + MAX_KERNEL + ", got " + kernel);
        }
        if (denseCodeSize < 0) {
            throw new IllegalArgumentException("the code size must be positive (or 0 for none), got " + denseCodeSize);
        }
        DenseSpec.requireLayers(hiddenActivation, codeActivation, outputActivation, loss, initializer);
    }

    /** The tutorial's choices (ReLU, ReLU output, mean squared error, variance scaling) with these filters. */
    public static ConvSpec of(ImageShape image, List<Integer> filters, int kernel, int denseCodeSize) {
        return new ConvSpec(
                image,
                filters,
                kernel,
                denseCodeSize,
                Activation.RELU,
                Activation.RELU,
                Activation.RELU,
                Loss.MSE,
                Initializer.VARIANCE_SCALING);
    }

    /**
     * The spatial sizes the encoder goes through, {@code [height, width]} pairs from the input's to the last feature
     * map's: {@code filters().size() + 1} of them.
     */
    public List<int[]> featureSizes() {
        List<int[]> sizes = new ArrayList<>();
        int h = image.height();
        int w = image.width();
        sizes.add(new int[] {h, w});
        for (int i = 0; i < filters.size(); i++) {
            h = (h + 1) / 2;
            w = (w + 1) / 2;
            sizes.add(new int[] {h, w});
        }
        return sizes;
    }

    /** Values in the last feature map: its height times width times the last filter count. */
    public long featureMapSize() {
        int[] last = featureSizes().get(filters.size());
        return (long) last[0] * last[1] * filters.get(filters.size() - 1);
    }

    /** Whether a dense layer makes the code (else the last feature map is the code). */
    public boolean hasDenseCode() {
        return denseCodeSize > 0;
    }

    @Override
    public int inputSize() {
        return Math.toIntExact(image.values());
    }

    @Override
    public int codeSize() {
        return hasDenseCode() ? denseCodeSize : (int) Math.min(Integer.MAX_VALUE, featureMapSize());
    }

    @Override
    public long parameterCount() {
        try {
            long count = 0;
            long in = image.channels();
            long k2 = (long) kernel * kernel;
            for (int f : filters) {
                // encoder convolution in -> f and its mirror f -> in, each with biases of its outputs
                count = Math.addExact(count, Math.multiplyExact(2 * k2, in * f) + f + in);
                in = f;
            }
            if (hasDenseCode()) {
                count = Math.addExact(
                        count,
                        Math.multiplyExact(2L * featureMapSize(), denseCodeSize) + denseCodeSize + featureMapSize());
            }
            return count;
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE;
        }
    }

    /** The last feature map, flattened. */
    @Override
    public long codeLayerInputSize() {
        return featureMapSize();
    }

    @Override
    public long largestWeightCount() {
        long largest = 0;
        long in = image.channels();
        for (int f : filters) {
            largest = Math.max(largest, (long) kernel * kernel * in * f);
            in = f;
        }
        if (hasDenseCode()) {
            largest = Math.max(largest, featureMapSize() * denseCodeSize);
        }
        return largest;
    }

    @Override
    public Optional<ImageShape> imageShape() {
        return Optional.of(image);
    }

    @Override
    public String family() {
        return "conv";
    }

    @Override
    public String describe() {
        StringBuilder text = new StringBuilder(image + " conv ");
        for (int i = 0; i < filters.size(); i++) {
            text.append(i == 0 ? "" : ",").append(filters.get(i));
        }
        text.append(" k").append(kernel);
        int[] last = featureSizes().get(filters.size());
        text.append(" -> ")
                .append(last[0])
                .append('x')
                .append(last[1])
                .append('x')
                .append(filters.get(filters.size() - 1));
        if (hasDenseCode()) {
            text.append(" -> code ").append(denseCodeSize);
        }
        return text.toString();
    }
}
