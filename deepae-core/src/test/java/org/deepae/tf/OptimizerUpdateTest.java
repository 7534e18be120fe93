package org.deepae.tf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.deepae.model.AdamSpec;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

class OptimizerUpdateTest {

    @Test
    void appliesAdamToTheGivenGradients() {
        try (Graph graph = new Graph()) {
            Ops tf = Ops.create(graph);
            Ops init = tf.withInitScope();
            Variable<TFloat32> w = init.withName("w").variable(init.constant(new float[] {1f, 2f}));
            Op step = OptimizerUpdate.apply(
                    graph,
                    List.of(w),
                    List.of(tf.constant(new float[] {0.5f, -0.5f}).asOutput()),
                    AdamSpec.tutorial());
            try (Session session = new Session(graph)) {
                session.initialize();
                session.runner().addTarget(step).run().close();
                try (Result result = session.runner().fetch("w").run()) {
                    float[] values = new float[2];
                    ((TFloat32) result.get(0)).copyTo(DataBuffers.of(values, false, false));
                    // Adam's first step moves each weight by the learning rate against the sign of its gradient
                    assertThat(values[0]).isCloseTo(1f - 0.01f, within(1e-6f));
                    assertThat(values[1]).isCloseTo(2f + 0.01f, within(1e-6f));
                }
            }
        }
    }

    @Test
    void needsOneGradientPerVariable() {
        try (Graph graph = new Graph()) {
            Ops tf = Ops.create(graph);
            Variable<TFloat32> w =
                    tf.withInitScope().variable(tf.withInitScope().constant(new float[] {1f}));
            assertThatThrownBy(() -> OptimizerUpdate.apply(graph, List.of(w), List.of(), AdamSpec.tutorial()))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("0 gradients for 1 variables");
        }
    }
}
