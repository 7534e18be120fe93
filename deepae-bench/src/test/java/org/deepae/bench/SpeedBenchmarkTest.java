package org.deepae.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.deepae.model.DenseSpec;
import org.deepae.model.MatrixProduct;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

class SpeedBenchmarkTest {

    @Test
    void countsTheProductsATrainingStepRuns() {
        DenseSpec spec = DenseSpec.tutorial(784);
        // forward and weight gradient of every layer, input gradient of all but the first:
        // 2 * (2 * 768,320 + (768,320 - 784 * 392)) = 3,995,264
        assertThat(SpeedBenchmark.trainingFlops(spec)).isEqualTo(3_995_264.0);
        List<MatrixProduct> products = SpeedBenchmark.trainingProducts(spec, 150);
        assertThat(products).hasSize(4 + 4 + 3);
        assertThat(products.get(0)).isEqualTo(MatrixProduct.of(150, 784, 392));
        assertThat(products)
                .contains(new MatrixProduct(784, 150, 392, true, false), new MatrixProduct(150, 784, 392, false, true));
    }

    @Test
    @Tag("slow") // a smoke test of the timed harness on tiny shapes
    void measuresAPositiveRateAndReportsEverything() throws Exception {
        List<MatrixProduct> two = List.of(MatrixProduct.of(64, 64, 64), new MatrixProduct(32, 64, 16, true, false));
        MatMulBenchmark.Rate rate = MatMulBenchmark.measure(two, 1, 0.05);
        // the work is that of the products once each: copies and repetitions only measure their speed
        assertThat(rate.flops()).isEqualTo(2.0 * 64 * 64 * 64 + 2.0 * 32 * 64 * 16);
        assertThat(rate.gflops()).isPositive();

        DenseSpec small = new DenseSpec(
                64,
                List.of(32, 8),
                org.deepae.model.Activation.RELU,
                org.deepae.model.Activation.RELU,
                org.deepae.model.Loss.MSE);
        SpeedBenchmark.Report report = new SpeedBenchmark(
                        new SpeedBenchmark.Settings(small, 20, 200, 200, 1, org.deepae.model.Precision.FP32, 0.05, 15))
                .run();
        assertThat(report.training().imagesPerSecond()).isPositive();
        assertThat(report.training().ratio()).isPositive();
        assertThat(report.encode().gflops()).isPositive();
        assertThat(report.secondsToFirstStep()).isPositive();
        assertThat(report.epochSeconds()).isPositive();
        // measured before and after the runs: a rate that moved by more than a factor of ten would be a broken
        // measurement
        assertThat(report.boundDrift()).isFinite().isBetween(-0.9, 9.0);
        // 200 rows in batches of 20: ten steps an epoch, so 15 warm-up steps are two epochs
        assertThat(report.warmUpEpochs()).isEqualTo(2);
        SpeedBenchmark.StepTimes step = report.step();
        assertThat(step.seconds()).isCloseTo(report.epochSeconds() / 10, within(1e-12));
        assertThat(step.productSeconds())
                .isCloseTo(
                        report.trainingFlopsPerImage() * 20 / (report.training().boundGflops() * 1e9), within(1e-12));
        assertThat(step.update().threads()).isEqualTo(1);
        assertThat(step.update().spread()).isPositive();
        assertThat(step.ceiling()).isStrictlyBetween(0.0, 1.0);
        assertThat(step.sgdSeconds()).isPositive();
    }

    @Test
    void warmsUpForWholeEpochsHoldingTheStepsAndAtLeastOne() {
        assertThat(SpeedBenchmark.warmUpEpochs(1000, 400)).isEqualTo(3);
        assertThat(SpeedBenchmark.warmUpEpochs(800, 400)).isEqualTo(2);
        assertThat(SpeedBenchmark.warmUpEpochs(1000, 100)).isEqualTo(10);
        assertThat(SpeedBenchmark.warmUpEpochs(5, 10)).isEqualTo(1);
        assertThat(SpeedBenchmark.warmUpEpochs(0, 400)).isEqualTo(1);
    }

    @Test
    void theCeilingAddsTheSpreadUpdateToTheProductsAtTheBound() {
        // 2 ms of update work on one thread, spread over 2 threads: 1 ms; products 3 ms of a 4.5 ms step
        SpeedBenchmark.StepTimes step =
                new SpeedBenchmark.StepTimes(4.5e-3, 3e-3, new UpdateBenchmark.Times(2e-3, 1.4e-3, 2), 4e-3);
        assertThat(step.ceiling()).isCloseTo(0.75, within(1e-12));
        assertThat(step.sgdRatio()).isCloseTo(0.75, within(1e-12));
        assertThat(step.restSeconds()).isCloseTo(0.5e-3, within(1e-12));
    }
}
