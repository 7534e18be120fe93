package org.deepae.model;

/**
 * One stride-2 convolution with {@code same} padding, as a convolutional autoencoder's training step runs it: over a
 * batch of {@code height x width x inChannels} maps, a {@code kernel x kernel} window, to {@code outChannels} maps of
 * half the height and width (rounded up). The transposed convolutions of the decoder and the gradients are the same
 * shapes run the other way: {@link Kind} says which op.
 *
 * @param kind which of the three ops
 * @param batch rows in the batch
 * @param height the larger side's height (the forward convolution's input)
 * @param width its width
 * @param inChannels channels of the larger side
 * @param outChannels channels of the smaller side
 * @param kernel the window's side
 */
public record Convolution(Kind kind, int batch, int height, int width, int inChannels, int outChannels, int kernel) {

    /** The op: the convolution, its gradient with respect to its input (a transposed convolution), or its filter's. */
    public enum Kind {
        FORWARD,
        INPUT_GRADIENT,
        FILTER_GRADIENT
    }

    /** Floating-point operations: {@code 2} per multiply-add, the same for the three ops of one shape. */
    public double flops() {
        long outHeight = (height + 1L) / 2;
        long outWidth = (width + 1L) / 2;
        double outputs = (double) batch * outHeight * outWidth * outChannels;
        return 2.0 * outputs * kernel * kernel * inChannels;
    }
}
