package org.deepae.tf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

class ChunkedRunsTest {

    private static final int WIDTH = 3;

    /** Rows {@code r} of {@code r * 10 + c}. */
    private static float[] rows(int count) {
        float[] values = new float[count * WIDTH];
        for (int i = 0; i < values.length; i++) {
            values[i] = (i / WIDTH) * 10 + i % WIDTH;
        }
        return values;
    }

    @Test
    void reduceHandsEveryChunkInOrderWhateverTheLanes() {
        for (int lanes : new int[] {1, 2, 3}) {
            try (Graph graph = new Graph()) {
                Ops tf = Ops.create(graph);
                Placeholder<TFloat32> x = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, WIDTH)));
                Operand<TFloat32> doubled = tf.math.mul(x, tf.constant(2f));
                try (Session session = new Session(graph, SessionSettings.config(lanes));
                        ChunkedRuns runs = new ChunkedRuns(session, 2, lanes);
                        FeedTensors feeds = new FeedTensors()) {
                    float[] input = rows(9);
                    List<float[]> chunks = new ArrayList<>();
                    runs.reduce(x, input, 9, doubled, chunks::add, feeds);
                    assertThat(chunks).as("%d lanes", lanes).hasSize(5);
                    for (int c = 0; c < 5; c++) {
                        float[] expected = Arrays.copyOfRange(input, c * 2 * WIDTH, Math.min(9, c * 2 + 2) * WIDTH);
                        for (int i = 0; i < expected.length; i++) {
                            expected[i] *= 2;
                        }
                        assertThat(chunks.get(c))
                                .as("%d lanes, chunk %d", lanes, c)
                                .containsExactly(expected);
                    }
                    assertThat(runs.map(x, input, 9, doubled, WIDTH, feeds))
                            .hasSize(27)
                            .startsWith(0f, 2f, 4f, 20f);
                }
            }
        }
    }

    @Test
    void aFailingChunkEndsTheRunCleanlyAndTheRunnerStaysUsable() {
        try (Graph graph = new Graph()) {
            Ops tf = Ops.create(graph);
            Placeholder<TFloat32> x = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, WIDTH)));
            Operand<TFloat32> same = tf.identity(x);
            try (Session session = new Session(graph, SessionSettings.config(3));
                    ChunkedRuns runs = new ChunkedRuns(session, 1, 3);
                    FeedTensors feeds = new FeedTensors()) {
                float[] input = rows(7);
                int[] seen = new int[1];
                assertThatThrownBy(() -> runs.reduce(
                                x,
                                input,
                                7,
                                same,
                                values -> {
                                    if (++seen[0] == 2) {
                                        throw new IllegalStateException("sink failed");
                                    }
                                },
                                feeds))
                        .hasMessage("sink failed");
                List<float[]> chunks = new ArrayList<>();
                runs.reduce(x, input, 7, same, chunks::add, feeds);
                assertThat(chunks).hasSize(7);
                assertThat(chunks.get(6)).containsExactly(60f, 61f, 62f);
            }
        }
    }
}
