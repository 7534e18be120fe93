package org.deepae.tf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.deepae.model.Activation;
import org.deepae.model.AdamSpec;
import org.deepae.model.DenseSpec;
import org.deepae.model.Loss;
import org.deepae.model.Objective;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.tensorflow.proto.ConfigProto;

/** A network whose session fails to start is cleaned up without hanging, and refused networks build nothing. */
@Tag("slow")
class FailedBuildTest {

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void failedInitializationClosesTheSessionBeforeTheGraphAndReturns() {
        // a 1 ms operation deadline makes the initializers of 12 million weights fail inside session.initialize(), as
        // TensorFlow's out-of-memory failure did for --layers 100000,100000; closing the graph first then never
        // returned
        DenseSpec spec = new DenseSpec(4000, List.of(3000), Activation.RELU, Activation.RELU, Loss.MSE);
        ConfigProto deadline =
                SessionSettings.config(1).toBuilder().setOperationTimeoutInMs(1).build();
        assertThatThrownBy(() -> TfAutoencoder.forTraining(spec, Objective.of(AdamSpec.tutorial()), 1, 1, deadline))
                .isInstanceOf(RuntimeException.class);
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void networkLargerThanMemoryIsRefusedBeforeAnythingIsBuilt() {
        DenseSpec huge = new DenseSpec(784, List.of(100_000, 100_000), Activation.RELU, Activation.RELU, Loss.MSE);
        assertThatThrownBy(() -> TfAutoencoder.forTraining(huge, AdamSpec.tutorial(), 1, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("784-100000-100000-100000-784")
                .hasMessageContaining("20,157,100,784 parameters")
                .hasMessageContaining("GiB of memory");
        assertThatThrownBy(() -> TfAutoencoder.restore(huge, java.nio.file.Path.of("missing/variables"), 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("loading it needs at least 150.2 GiB");
    }

    @Test
    void closeAfterFailureClosesBoth() {
        org.tensorflow.Graph graph = new org.tensorflow.Graph();
        org.tensorflow.Session session = new org.tensorflow.Session(graph);
        RuntimeException failure = new RuntimeException("failed");
        TfAutoencoder.closeAfterFailure(session, graph, failure);
        assertThat(failure.getSuppressed()).isEmpty();
        assertThatThrownBy(() -> session.runner().run()).isInstanceOf(IllegalStateException.class);
    }
}
