package org.deepae.model;

import java.util.ArrayList;
import java.util.List;

/**
 * A fully connected autoencoder: the input size, the encoder's layer sizes (the last is the code), and the
 * activations. The decoder mirrors the encoder, ending at the input size.
 *
 * <p>The tutorial's network is {@code tutorial(784)}: 784-392-196-392-784, ReLU on every layer including the output,
 * weights from a variance-scaling initializer (scale 1, fan-in, truncated normal), zero biases, mean squared error.
 *
 * @param inputSize values per input row, positive
 * @param encoderLayers sizes of the encoder's layers after the input, the last being the code size; not empty
 * @param hiddenActivation activation of every layer but the output
 * @param outputActivation activation of the output layer
 * @param loss reconstruction loss
 */
public record AutoencoderSpec(
    int inputSize,
    List<Integer> encoderLayers,
    Activation hiddenActivation,
    Activation outputActivation,
    Loss loss) {

  /** The tutorial's encoder: 392 then a 196-value code. */
  public static final List<Integer> TUTORIAL_LAYERS = List.of(392, 196);

  public AutoencoderSpec {
    if (inputSize <= 0) {
      throw new IllegalArgumentException("input size must be positive, got " + inputSize);
    }
    if (encoderLayers == null || encoderLayers.isEmpty()) {
      throw new IllegalArgumentException("the encoder needs at least one layer");
    }
    encoderLayers = List.copyOf(encoderLayers);
    for (int size : encoderLayers) {
      if (size <= 0) {
        throw new IllegalArgumentException("layer sizes must be positive, got " + encoderLayers);
      }
    }
    if (hiddenActivation == null || outputActivation == null || loss == null) {
      throw new IllegalArgumentException("activations and loss must be given");
    }
  }

  /** The tutorial's network for inputs of the given size. */
  public static AutoencoderSpec tutorial(int inputSize) {
    return new AutoencoderSpec(inputSize, TUTORIAL_LAYERS, Activation.RELU, Activation.RELU, Loss.MSE);
  }

  /** The same network for inputs of another size. */
  public AutoencoderSpec withInputSize(int size) {
    return new AutoencoderSpec(size, encoderLayers, hiddenActivation, outputActivation, loss);
  }

  /** Every layer's width from input to output, for example {@code [784, 392, 196, 392, 784]}. */
  public List<Integer> layerSizes() {
    List<Integer> sizes = new ArrayList<>();
    sizes.add(inputSize);
    sizes.addAll(encoderLayers);
    for (int i = encoderLayers.size() - 2; i >= 0; i--) {
      sizes.add(encoderLayers.get(i));
    }
    sizes.add(inputSize);
    return List.copyOf(sizes);
  }

  /** Number of dense layers (weight matrices). */
  public int denseLayerCount() {
    return 2 * encoderLayers.size();
  }

  /** Index of the dense layer whose output is the code. */
  public int codeLayerIndex() {
    return encoderLayers.size() - 1;
  }

  /** Width of the code (the bottleneck). */
  public int codeSize() {
    return encoderLayers.get(encoderLayers.size() - 1);
  }

  /** Activation applied after dense layer {@code i}. */
  public Activation activationOf(int layer) {
    return layer == denseLayerCount() - 1 ? outputActivation : hiddenActivation;
  }

  /** Number of trainable values: all weights and biases. */
  public long parameterCount() {
    List<Integer> sizes = layerSizes();
    long count = 0;
    for (int i = 0; i + 1 < sizes.size(); i++) {
      count += (long) sizes.get(i) * sizes.get(i + 1) + sizes.get(i + 1);
    }
    return count;
  }
}
