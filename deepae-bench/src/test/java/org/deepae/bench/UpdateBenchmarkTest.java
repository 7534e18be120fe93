package org.deepae.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.deepae.model.Activation;
import org.deepae.model.AdamSpec;
import org.deepae.model.DenseSpec;
import org.deepae.model.Loss;
import org.deepae.model.OptimizerSpec;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("slow")
class UpdateBenchmarkTest {

    @Test
    void timesTheUpdateOnOneThreadAndOnAll() {
        DenseSpec small = new DenseSpec(64, List.of(32, 8), Activation.RELU, Activation.RELU, Loss.MSE);
        for (OptimizerSpec optimizer : List.of(AdamSpec.tutorial(), new OptimizerSpec.Sgd(0.1))) {
            UpdateBenchmark.Times times = UpdateBenchmark.measure(small, optimizer, 2, 0.05);
            assertThat(times.threads()).isEqualTo(2);
            assertThat(times.oneThread()).as("%s", optimizer).isPositive();
            assertThat(times.allThreads()).as("%s", optimizer).isPositive();
            assertThat(times.spread()).isEqualTo(times.oneThread() / 2);
        }
        assertThat(UpdateBenchmark.measure(small, AdamSpec.tutorial(), 0, 0.02).threads())
                .isEqualTo(Runtime.getRuntime().availableProcessors());
    }
}
