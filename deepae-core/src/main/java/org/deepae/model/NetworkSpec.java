package org.deepae.model;

import java.util.Optional;
import org.deepae.data.ImageShape;

/**
 * An autoencoder's network, one of three families: {@link DenseSpec} (a stack of dense layers, the tutorial's),
 * {@link ConvSpec} (convolutions over images) and {@link VaeSpec} (a variational autoencoder over a dense or
 * convolutional body). Code outside the specs and {@code org.deepae.tf} asks a network for what every family has: its
 * input, its code size, its loss and its size.
 */
public sealed interface NetworkSpec permits DenseSpec, ConvSpec, VaeSpec {

    /** Values per input row (for images, {@code height * width * channels}). */
    int inputSize();

    /** Values in the code (for a VAE, the latent dimension). */
    int codeSize();

    /** The reconstruction loss. */
    Loss loss();

    /** The activation of the output layer. */
    Activation outputActivation();

    /** The activation of the code (a VAE's mean and log-variance are linear). */
    Activation codeActivation();

    /** How the weights start. */
    Initializer initializer();

    /** Number of trainable values ({@code Long.MAX_VALUE} when more than a long holds). */
    long parameterCount();

    /** Values per row entering the code layer: a VAE's mean and log-variance heads both read them. */
    long codeLayerInputSize();

    /** Values in the largest weight tensor: the weights are copied out of TensorFlow into Java arrays. */
    long largestWeightCount();

    /** The image shape the network is built for; empty for a dense network, which takes flat rows. */
    Optional<ImageShape> imageShape();

    /** The family's name as {@code --arch} takes it: {@code dense}, {@code conv}, {@code vae} or {@code conv-vae}. */
    String family();

    /** A short description for people, for example {@code 784-392-196-392-784}. */
    String describe();

    /** Whether the network is variational: its encoder gives a distribution over codes, and it can generate. */
    default boolean variational() {
        return this instanceof VaeSpec;
    }
}
