package org.deepae.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Collections;
import java.util.List;
import org.deepae.model.NetworkFootprint.Purpose;
import org.junit.jupiter.api.Test;

class NetworkFootprintTest {

    private static final long GIB = 1L << 30;

    @Test
    void countsParametersAndTheLargestMatrix() {
        // 784*392 + 392 + 392*196 + 196 + 196*392 + 392 + 392*784 + 784 = 770,084
        NetworkFootprint tutorial = NetworkFootprint.of(DenseSpec.tutorial(784));
        assertThat(tutorial.parameters()).isEqualTo(770_084);
        assertThat(tutorial.largestMatrix()).isEqualTo(784 * 392);
        assertThat(tutorial.bytesFor(Purpose.TRAINING)).isEqualTo(16 * 770_084L);
        assertThat(tutorial.bytesFor(Purpose.INFERENCE)).isEqualTo(8 * 770_084L);
    }

    @Test
    void refusesANetworkWhoseTrainingStateExceedsTheMemory() {
        // 1000*1000 + 1000 + 1000*1000 + 1000 = 2,002,000 parameters: 32,032,000 bytes to train, 16,016,000 to load
        DenseSpec spec = new DenseSpec(1000, List.of(1000), Activation.RELU, Activation.RELU, Loss.MSE);
        assertThatThrownBy(() -> NetworkFootprint.require(spec, Purpose.TRAINING, 32_031_999))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "the network 1000-1000-1000 has 2,002,000 parameters; training it needs at least 0.0 GiB of "
                                + "memory (16 bytes a parameter for weights, gradients and Adam's moments), more "
                                + "than this machine's "
                                + "0.0 GiB; use narrower or fewer layers");
        assertThatCode(() -> NetworkFootprint.require(spec, Purpose.TRAINING, 32_032_000))
                .doesNotThrowAnyException();
        assertThatCode(() -> NetworkFootprint.require(spec, Purpose.INFERENCE, 16_016_000))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> NetworkFootprint.require(spec, Purpose.INFERENCE, 16_015_999))
                .hasMessageContaining("loading it needs");
    }

    @Test
    void theIssuesNetworkNeedsThreeHundredGibibytes() {
        DenseSpec spec = new DenseSpec(784, List.of(100_000, 100_000), Activation.RELU, Activation.RELU, Loss.MSE);
        // (784 * 100,000 + 100,000) + 2 * (100,000 * 100,000 + 100,000) + (100,000 * 784 + 784) = 20,157,100,784
        assertThatThrownBy(() -> NetworkFootprint.require(spec, Purpose.TRAINING, 24 * GIB))
                .hasMessageContaining(
                        "784-100000-100000-100000-784 has 20,157,100,784 parameters; training it needs at "
                                + "least 300.4 GiB")
                .hasMessageContaining("more than this machine's 24.0 GiB");
    }

    @Test
    void refusesAMatrixTooLargeForOneJavaArrayEvenWithTheMemory() {
        DenseSpec spec = new DenseSpec(50_000, List.of(50_000), Activation.RELU, Activation.RELU, Loss.MSE);
        assertThatThrownBy(() -> NetworkFootprint.require(spec, Purpose.INFERENCE, Long.MAX_VALUE))
                .hasMessageContaining("a weight matrix of 2,500,000,000 values, more than the 2,147,483,639");
    }

    @Test
    void aParameterCountBeyondALongSaturates() {
        List<Integer> wide = Collections.nCopies(30, Integer.MAX_VALUE);
        DenseSpec spec = new DenseSpec(Integer.MAX_VALUE, wide, Activation.RELU, Activation.RELU, Loss.MSE);
        assertThat(spec.parameterCount()).isEqualTo(Long.MAX_VALUE);
        assertThatThrownBy(() -> NetworkFootprint.require(spec, Purpose.TRAINING, 24 * GIB))
                .hasMessageContaining("needs at least more than 8 EiB");
    }

    @Test
    void theLayerCountIsBounded() {
        List<Integer> deep = Collections.nCopies(DenseSpec.MAX_DENSE_LAYERS, 8);
        assertThatThrownBy(() -> new DenseSpec(16, deep, Activation.RELU, Activation.RELU, Loss.MSE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a network may have at most 64 dense layers in all, got 128 (64 in the encoder, 63 in the "
                        + "decoder and the output layer)");
        List<Integer> deepest = Collections.nCopies(32, 8);
        assertThat(new DenseSpec(16, deepest, Activation.RELU, Activation.RELU, Loss.MSE).denseLayerCount())
                .isEqualTo(DenseSpec.MAX_DENSE_LAYERS);
    }
}
