package org.deepae.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Random;
import org.deepae.data.Rows;
import org.junit.jupiter.api.Test;

class BatchGathererTest {

    /** Row {@code r} holds the values {@code r * 10 + c}. */
    private static Rows numbered(int rows, int features) {
        float[] pixels = new float[rows * features];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < features; c++) {
                pixels[r * features + c] = r * 10 + c;
            }
        }
        return new Rows(pixels, rows, features, null, "rows");
    }

    @Test
    void batchesHoldTheRowsInTheEpochOrderIncludingAPartialLastBatch() {
        Rows rows = numbered(23, 3);
        try (BatchGatherer batches = new BatchGatherer(rows, 5)) {
            for (int epoch = 0; epoch < 3; epoch++) {
                int[] order = permutation(23, epoch);
                batches.start(order);
                for (int first = 0; first < 23; first += 5) {
                    assertThat(batches.hasNext())
                            .as("epoch %d batch at %d", epoch, first)
                            .isTrue();
                    BatchGatherer.Batch batch = batches.nextBatch();
                    assertThat(batch.rows()).isEqualTo(Math.min(5, 23 - first));
                    for (int r = 0; r < batch.rows(); r++) {
                        float[] expected =
                                Arrays.copyOfRange(rows.values(), order[first + r] * 3, order[first + r] * 3 + 3);
                        assertThat(Arrays.copyOfRange(batch.values(), r * 3, r * 3 + 3))
                                .as("epoch %d row %d", epoch, first + r)
                                .containsExactly(expected);
                    }
                }
                assertThat(batches.hasNext()).isFalse();
                assertThatThrownBy(batches::nextBatch).isInstanceOf(IllegalStateException.class);
            }
        }
    }

    @Test
    void aNewEpochMayStartBeforeTheLastOneEnded() {
        Rows rows = numbered(10, 2);
        try (BatchGatherer batches = new BatchGatherer(rows, 4)) {
            batches.start(permutation(10, 1));
            batches.nextBatch();
            int[] order = permutation(10, 2);
            batches.start(order);
            float[] batch = batches.nextBatch().values();
            assertThat(batch[0]).isEqualTo(order[0] * 10);
            assertThat(batch[2]).isEqualTo(order[1] * 10);
        }
    }

    @Test
    void aBatchLargerThanTheDataUsesOneBufferOfTheData() {
        Rows rows = numbered(3, 2);
        try (BatchGatherer batches = new BatchGatherer(rows, 150)) {
            assertThat(batches.hasNext()).as("before an epoch starts").isFalse();
            batches.start(new int[] {2, 0, 1});
            BatchGatherer.Batch batch = batches.nextBatch();
            assertThat(batch.rows()).isEqualTo(3);
            assertThat(batch.values()).containsExactly(20, 21, 0, 1, 10, 11);
            assertThat(batches.hasNext()).isFalse();
        }
    }

    private static int[] permutation(int n, long seed) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Trainer.shuffle(order, new Random(seed));
        return order;
    }
}
