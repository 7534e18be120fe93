package org.deepae.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class DenseSpecTest {

    @Test
    void tutorialNetworkIs784To196AndBackWithReluEverywhere() {
        DenseSpec spec = DenseSpec.tutorial(784);
        assertThat(spec.layerSizes()).containsExactly(784, 392, 196, 392, 784);
        assertThat(spec.codeSize()).isEqualTo(196);
        assertThat(spec.denseLayerCount()).isEqualTo(4);
        assertThat(spec.codeLayerIndex()).isEqualTo(1);
        for (int i = 0; i < 4; i++) {
            assertThat(spec.activationOf(i)).isEqualTo(Activation.RELU);
        }
        assertThat(spec.loss()).isEqualTo(Loss.MSE);
        // 784*392+392 + 392*196+196 + 196*392+392 + 392*784+784
        assertThat(spec.parameterCount()).isEqualTo(307_720L + 77_028 + 77_224 + 308_112);
    }

    @Test
    void singleLayerEncoderMirrorsToTheInput() {
        DenseSpec spec = new DenseSpec(16, List.of(3), Activation.TANH, Activation.SIGMOID, Loss.MSE);
        assertThat(spec.layerSizes()).containsExactly(16, 3, 16);
        assertThat(spec.activationOf(0)).isEqualTo(Activation.TANH);
        assertThat(spec.activationOf(1)).isEqualTo(Activation.SIGMOID);
    }

    @Test
    void rejectsNonPositiveSizesWithTheValueInTheMessage() {
        assertThatThrownBy(() -> new DenseSpec(0, List.of(2), Activation.RELU, Activation.RELU, Loss.MSE))
                .hasMessage("input size must be positive, got 0");
        assertThatThrownBy(() -> new DenseSpec(4, List.of(2, -1), Activation.RELU, Activation.RELU, Loss.MSE))
                .hasMessage("layer sizes must be positive, got [2, -1]");
        assertThatThrownBy(() -> new DenseSpec(4, List.of(), Activation.RELU, Activation.RELU, Loss.MSE))
                .hasMessageContaining("at least one layer");
    }

    @Test
    void adamDefaultsAreTheTutorials() {
        AdamSpec adam = AdamSpec.tutorial();
        assertThat(adam.learningRate()).isEqualTo(0.01);
        assertThat(adam.beta1()).isEqualTo(0.9);
        assertThat(adam.beta2()).isEqualTo(0.999);
        assertThat(adam.epsilon()).isEqualTo(1e-8);
        assertThatThrownBy(() -> AdamSpec.withLearningRate(0)).hasMessageContaining("got 0.0");
        assertThatThrownBy(() -> AdamSpec.withLearningRate(Double.NaN)).hasMessageContaining("NaN");
    }

    @Test
    void activationsParseTheirIds() {
        assertThat(Activation.parse("ReLU")).isEqualTo(Activation.RELU);
        assertThatThrownBy(() -> Activation.parse("swish")).hasMessageContaining("swish");
    }
}
