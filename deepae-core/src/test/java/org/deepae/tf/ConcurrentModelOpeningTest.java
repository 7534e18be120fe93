package org.deepae.tf;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.deepae.model.Activation;
import org.deepae.model.AdamSpec;
import org.deepae.model.DenseSpec;
import org.deepae.model.Loss;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Models opened from several threads at once, as a server or a Spark executor opens them. */
class ConcurrentModelOpeningTest {

    private static final DenseSpec SMALL = new DenseSpec(16, List.of(8, 4), Activation.RELU, Activation.RELU, Loss.MSE);

    private static final int THREADS = 8;

    @Test
    void modelsOpenedFromSeveralThreadsAtOnceAllWorkAndThePoolsAreSizedOnce(@TempDir Path dir) throws Exception {
        Path prefix = dir.resolve("variables/variables");
        float[] row = new float[16];
        for (int i = 0; i < row.length; i++) {
            row[i] = i / 16f;
        }
        float[] expected;
        try (TfAutoencoder model = TfAutoencoder.forTraining(SMALL, AdamSpec.tutorial(), 3, 1)) {
            model.saveCheckpoint(prefix);
            expected = model.reconstruct(row, 1);
        }
        SessionSettings.forgetSizing();
        int sizingsBefore = SessionSettings.sizings();
        CyclicBarrier start = new CyclicBarrier(THREADS);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<float[]>> results = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int threads = t % 3; // different settings race for the sizing: only one may win
                results.add(pool.submit(() -> {
                    start.await(30, TimeUnit.SECONDS);
                    try (TfAutoencoder model = TfAutoencoder.restore(SMALL, prefix, threads)) {
                        assertThat(SessionSettings.poolConfiguration()).isNotNull();
                        return model.reconstruct(row, 1);
                    }
                }));
            }
            for (Future<float[]> result : results) {
                assertThat(result.get(60, TimeUnit.SECONDS)).containsExactly(expected);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(SessionSettings.sizings()).isEqualTo(sizingsBefore + 1);
        var sized = SessionSettings.poolConfiguration();
        assertThat(sized).isNotNull();
        assertThat(SessionSettings.config(5)).isNotNull();
        assertThat(SessionSettings.poolConfiguration()).isSameAs(sized); // later configurations never size again
    }
}
